using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Offers;

[Route("api/v1/offers")]
public sealed class OffersApiController(IMediator mediator) : ApiController
{
    public sealed record DeclineBody(string? Reason);

    /// <summary>The caller's open and recent offers; no child details until accepted.</summary>
    [HttpGet, Authorize(Policy = Policies.Isw)]
    [ProducesResponseType<Paged<MyOffers.Item>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Paged<MyOffers.Item>>> List(int? page, int? pageSize) =>
        OkOrProblem(await mediator.Send(new MyOffers.Query { Page = page, PageSize = pageSize }));

    /// <summary>Accepts an offer: 200 with the assignment, 409 when the request is already assigned or the offer is closed.</summary>
    [HttpPost("{id:guid}/accept"), Authorize(Policy = Policies.Isw)]
    [ProducesResponseType<AcceptOffer.Accepted>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<AcceptOffer.Accepted>> Accept(Guid id) => OkOrProblem(await mediator.Send(new AcceptOffer.Command(id)));

    [HttpPost("{id:guid}/decline"), Authorize(Policy = Policies.Isw)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Decline(Guid id, DeclineBody body)
    {
        // Another ISW's offer is a 404 whatever the body holds: look it up before the reason is validated.
        var offer = await mediator.Send(new MyOffers.Query { OfferId = id });
        if (!offer.IsSuccess) return ToProblem(offer);
        var result = await mediator.Send(new DeclineOffer.Command { OfferId = id, Reason = body.Reason });
        return result.IsSuccess ? Ok(new { declined = true }) : ToProblem(result);
    }
}
