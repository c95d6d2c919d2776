using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Notifications;

[Route("notifications"), Authorize(Policy = Policies.AnyRole)]
public sealed class NotificationsController(IMediator mediator) : AppController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page) => View(await mediator.Send(new MyNotifications.Query { Page = page }));

    /// <summary>Opens a message: marks it read, then goes to what it is about.</summary>
    [HttpPost("{id:guid}/open")]
    public async Task<IActionResult> Open(Guid id)
    {
        var result = await mediator.Send(new MyNotifications.MarkRead(id));
        return result.IsSuccess && Url.IsLocalUrl(result.Value) ? Redirect(result.Value!) : NotFound();
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings() => View(await mediator.Send(new NotificationSettings.Query()));

    [HttpPost("settings")]
    public Task<IActionResult> Settings(NotificationSettings.Command command) =>
        Submit(command, _ =>
        {
            Notify("Your notification settings have been saved.");
            return RedirectToAction(nameof(Settings));
        }, () => View(command));

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        await mediator.Send(new MyNotifications.MarkRead(null));
        return Redirect("/notifications");
    }
}

[Route("api/v1/notifications")]
public sealed class NotificationsApiController(IMediator mediator) : Infrastructure.Api.ApiController
{
    /// <summary>The caller's inbox, newest first.</summary>
    [HttpGet, Authorize(Policy = Policies.AnyRole)]
    [ProducesResponseType<Infrastructure.Paging.Paged<MyNotifications.Item>>(StatusCodes.Status200OK)]
    public async Task<Infrastructure.Paging.Paged<MyNotifications.Item>> List(int? page, int? pageSize) =>
        await mediator.Send(new MyNotifications.Query { Page = page, PageSize = pageSize });
}
