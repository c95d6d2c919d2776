using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Notifications;

/// <summary>
/// Puts messages in users' in-app inboxes, in the caller's unit of work (saved with the change they report,
/// or not at all). Text names a request by case reference and type, never a child's details.
/// </summary>
public sealed class Notifier(AppDbContext db, IClock clock)
{
    public void Tell(Guid userId, string category, string text, string link) =>
        db.Notifications.Add(Notification.To(userId, category, text, link, clock.UtcNow));

    public async Task TellIswAsync(Guid iswProfileId, string category, string text, string link, CancellationToken cancellationToken)
    {
        var userId = await db.IswProfiles.Where(p => p.Id == iswProfileId).Select(p => p.UserId).SingleAsync(cancellationToken);
        Tell(userId, category, text, link);
    }

    /// <summary>Every commissioner of the authority.</summary>
    public async Task TellAuthorityAsync(Guid authorityId, string category, string text, string link, CancellationToken cancellationToken)
    {
        foreach (var userId in await UsersInRole(Roles.Commissioner).Where(u => u.AuthorityId == authorityId).Select(u => u.Id).ToListAsync(cancellationToken))
            Tell(userId, category, text, link);
    }

    public async Task TellAdministratorsAsync(string category, string text, string link, CancellationToken cancellationToken)
    {
        foreach (var userId in await UsersInRole(Roles.PanelAdmin).Select(u => u.Id).ToListAsync(cancellationToken))
            Tell(userId, category, text, link);
    }

    private IQueryable<Data.Identity.AppUser> UsersInRole(string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role && !u.IsDisabled
        select u;
}
