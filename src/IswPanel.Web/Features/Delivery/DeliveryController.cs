using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Delivery;

/// <summary>The commissioner's feedback on a released report, given on the request page.</summary>
[Route("requests")]
public sealed class DeliveryController(IMediator mediator) : AppController
{
    public const string FormPrefix = "Feedback";

    [HttpPost("{id:guid}/feedback"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> Feedback(Guid id, [Bind(Prefix = FormPrefix)] GiveFeedback.Command command)
    {
        if (ModelState.IsValid)
        {
            var result = await mediator.Send(command with { RequestId = id }, HttpContext.RequestAborted);
            if (result.IsSuccess)
            {
                Notify("Thank you for your feedback. The request is now closed.");
                return Redirect($"/requests/{id}");
            }

            if (result.Status == ResultStatus.NotFound) return NotFound();
            ModelState.AddErrors(result.Errors, result.Status == ResultStatus.Invalid ? FormPrefix : "");
        }

        var page = await mediator.Send(new RequestDetails.PageQuery(id));
        return page.IsSuccess ? View("~/Features/Requests/Details.cshtml", page.Value) : NotFound();
    }
}

/// <summary>The delivery section of the request page (<see cref="DeliverySummary"/>); empty before release.</summary>
public sealed class DeliveryViewComponent(IMediator mediator) : ViewComponent
{
    public sealed record Panel(DeliverySummary.Summary Summary, GiveFeedback.Command Feedback);

    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var summary = await mediator.Send(new DeliverySummary.Query(requestId));
        return summary is null ? Content("") : View("~/Features/Delivery/_Delivery.cshtml", new Panel(summary, new GiveFeedback.Command { RequestId = requestId }));
    }
}
