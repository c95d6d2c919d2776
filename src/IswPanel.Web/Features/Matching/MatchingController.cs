using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Matching;

/// <summary>Panel administrators: the shortlist for a request, and offers from it.</summary>
[Route("requests/{id:guid}"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class MatchingController(IMediator mediator) : AppController
{
    [HttpGet("shortlist")]
    public async Task<IActionResult> Shortlist(Guid id) =>
        await ShowShortlist(id, new SendOffers.Command { RequestId = id, RespondWithinWorkingDays = Domain.Offers.Offer.DefaultResponseWorkingDays });

    [HttpPost("offers")]
    public async Task<IActionResult> SendOffers(Guid id, [Bind(Prefix = "Form")] SendOffers.Command command)
    {
        command = command with { RequestId = id };
        if (!ModelState.IsValid) return await ShowShortlist(id, command);
        var result = await mediator.Send(command);
        if (result.IsSuccess)
        {
            Notify($"Offer sent to {result.Value!.Count} social {(result.Value.Count == 1 ? "worker" : "workers")}.");
            return Redirect($"/requests/{id}");
        }

        if (result.Status == ResultStatus.NotFound) return NotFound();
        ModelState.AddErrors(result.Errors, "Form");
        return await ShowShortlist(id, command);
    }

    private async Task<IActionResult> ShowShortlist(Guid id, SendOffers.Command form)
    {
        var shortlist = await mediator.Send(new Shortlist.Query(id));
        if (shortlist.Status == ResultStatus.NotFound) return NotFound();
        if (!shortlist.IsSuccess)
        {
            Notify(string.Join(" ", shortlist.Errors.Values.SelectMany(m => m)));
            return Redirect($"/requests/{id}");
        }

        return View("Shortlist", new ShortlistPage(shortlist.Value!, form));
    }
}

public sealed record ShortlistPage(Shortlist.Result Shortlist, SendOffers.Command Form);

[Route("api/v1/assessment-requests/{id:guid}")]
public sealed class MatchingApiController(IMediator mediator) : ApiController
{
    public sealed record OffersBody(List<Guid>? IswIds, int? RespondWithinWorkingDays, bool? Cascade);

    /// <summary>Eligible ISWs best first with the reasons, and the excluded ones with why not (?limit= up to 1000, default 50).</summary>
    [HttpGet("shortlist"), Authorize(Policy = Policies.PanelAdmin)]
    [ProducesResponseType<Shortlist.Result>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Shortlist.Result>> Shortlist(Guid id, int? limit) =>
        OkOrProblem(await mediator.Send(new Shortlist.Query(id, limit)));

    /// <summary>Offers the request to the named ISWs: 201 with each offer's expiry; 400 naming any ISW that is not eligible, and why.</summary>
    [HttpPost("offers"), Authorize(Policy = Policies.PanelAdmin), Idempotent]
    [ProducesResponseType<IReadOnlyList<SendOffers.Sent>>(StatusCodes.Status201Created)]
    public async Task<ActionResult<IReadOnlyList<SendOffers.Sent>>> Offers(Guid id, OffersBody body)
    {
        var result = await mediator.Send(new SendOffers.Command
        {
            RequestId = id, IswIds = body.IswIds ?? [], RespondWithinWorkingDays = body.RespondWithinWorkingDays, Cascade = body.Cascade ?? false,
        });
        return result.IsSuccess ? Created($"/api/v1/assessment-requests/{id}", result.Value) : ToProblem(result);
    }
}
