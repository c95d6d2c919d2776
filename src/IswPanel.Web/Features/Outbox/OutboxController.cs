using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Outbox;

/// <summary>Email problems: deliveries given up after their last try, for an administrator to try again.</summary>
[Route("admin/email"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class OutboxController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new FailedEmails.Query()));

    [HttpPost("{id:guid}/try-again")]
    public async Task<IActionResult> TryAgain(Guid id)
    {
        var result = await mediator.Send(new RetryEmail.Command(id));
        if (result.Status == ResultStatus.NotFound) return NotFound();
        Notify(result.IsSuccess ? "The email will be tried again in a moment." : string.Join(" ", result.Errors.Values.SelectMany(m => m)));
        return RedirectToAction(nameof(Index));
    }
}
