using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// The request page's section about the work: hours used against the budget (only hours that count), the hours
/// waiting for the commissioner's approval with approve and refuse, and the released report's download.
/// Renders nothing for a reader who may not see the request.
/// </summary>
public sealed class HoursApprovalViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var summary = await mediator.Send(new DecideHours.ForRequest(requestId));
        return summary.IsSuccess ? View(summary.Value) : Content("");
    }
}
