using IswPanel.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Shared;

/// <summary>The header's link to the inbox, with the number of unread messages.</summary>
public sealed class InboxLinkViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await mediator.Send(new MyNotifications.UnreadCount()));
}
