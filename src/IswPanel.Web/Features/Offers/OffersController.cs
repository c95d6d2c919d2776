using IswPanel.Domain.Common;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Offers;

/// <summary>An ISW's offers: see, accept, decline.</summary>
[Route("offers"), Authorize(Policy = Policies.Isw)]
public sealed class OffersController(IMediator mediator, IClock clock) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page)
    {
        var result = await mediator.Send(new MyOffers.Query { Page = page });
        return result.IsSuccess ? View(new OffersPage(result.Value!, clock.UtcNow)) : Redirect("/apply");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Offer(Guid id) => await ShowOffer(id, new DeclineOffer.Command { OfferId = id });

    [HttpPost("{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id)
    {
        var result = await mediator.Send(new AcceptOffer.Command(id));
        if (result.IsSuccess)
        {
            Notify("You have accepted the offer. The request is now assigned to you.");
            return Redirect($"/requests/{result.Value!.AssessmentRequestId}");
        }

        return result.Status == ResultStatus.NotFound ? NotFound() : await ShowOffer(id, new DeclineOffer.Command { OfferId = id }, result.Errors);
    }

    [HttpPost("{id:guid}/decline")]
    public async Task<IActionResult> Decline(Guid id, [FromForm(Name = "Decline.Reason")] string? reason)
    {
        var command = new DeclineOffer.Command { OfferId = id, Reason = reason };
        var result = await mediator.Send(command);
        if (result.IsSuccess)
        {
            Notify("You have declined the offer.");
            return Redirect("/offers");
        }

        return result.Status == ResultStatus.NotFound ? NotFound() : await ShowOffer(id, command, result.Errors);
    }

    private async Task<IActionResult> ShowOffer(Guid id, DeclineOffer.Command decline, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var offer = await mediator.Send(new MyOffers.Query { OfferId = id });
        if (!offer.IsSuccess) return NotFound();
        if (errors is not null) ModelState.AddErrors(errors, prefix: "Decline");
        return View("Offer", new OfferPage(offer.Value!.Items[0], decline, clock.UtcNow));
    }
}

public sealed record OffersPage(Infrastructure.Paging.Paged<MyOffers.Item> Offers, DateTime Now);

public sealed record OfferPage(MyOffers.Item Offer, DeclineOffer.Command Decline, DateTime Now);
