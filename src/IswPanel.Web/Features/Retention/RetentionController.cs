using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Retention;

/// <summary>Panel administrators: requests past their retention date, and their purge after a confirmation.</summary>
[Route("admin/retention"), Authorize(Policy = Policies.PanelAdmin)]
public sealed class RetentionController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new PurgeRequests.Query()));

    /// <summary>The confirmation page for the ticked requests (or all of them). Changes nothing.</summary>
    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm([FromQuery] Guid[] ids, [FromQuery] bool all)
    {
        if (all) ids = [.. (await mediator.Send(new PurgeRequests.Query())).Select(i => i.Id)];
        var result = await mediator.Send(new PurgeRequests.Confirm { Ids = ids });
        if (result.IsSuccess) return View(result.Value);
        ModelState.AddErrors(result.Errors);
        return View(nameof(Index), await mediator.Send(new PurgeRequests.Query()));
    }

    [HttpPost("purge")]
    public async Task<IActionResult> Purge([FromForm] Guid[] ids)
    {
        var result = await mediator.Send(new PurgeRequests.Command { Ids = ids });
        if (result.IsSuccess)
        {
            Notify(result.Value == 1 ? "1 request has been purged." : $"{result.Value} requests have been purged.");
            return Redirect(PurgeRequests.PagePath);
        }

        ModelState.AddErrors(result.Errors);
        return View(nameof(Index), await mediator.Send(new PurgeRequests.Query()));
    }
}
