using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Notifications;

/// <summary>
/// Puts messages in users' in-app inboxes, in the caller's unit of work (saved with the change they report,
/// or not at all). Text names a request by case reference and type, never a child's details.
/// Each message is also emailed through the outbox, in the same unit of work, when the user takes its category
/// by immediate email (the default) or the category is safety-critical; digest categories wait for the
/// morning's summary (<see cref="Features.Outbox.SendDigests"/>).
/// </summary>
public sealed class Notifier(AppDbContext db, IClock clock, EmailOutbox outbox, PublicLinks links)
{
    /// <summary>Recipients looked up in this unit of work; null for a user who gets no email (disabled, no address).</summary>
    private readonly Dictionary<Guid, Recipient?> recipients = [];

    /// <summary>
    /// Tells one user. <see cref="TellAsync"/> does the same without blocking: this one looks the user's address
    /// and preferences up synchronously the first time it meets them in a unit of work.
    /// </summary>
    public void Tell(Guid userId, string category, string text, string link)
    {
        if (!recipients.ContainsKey(userId)) Remember([userId], Users([userId]).ToList(), Digests([userId]).ToList());
        Add(userId, category, text, link);
    }

    /// <summary>Tells one user, looking their address and preferences up asynchronously.</summary>
    public Task TellAsync(Guid userId, string category, string text, string link, CancellationToken cancellationToken) =>
        TellAllAsync([userId], category, text, link, cancellationToken);

    public async Task TellIswAsync(Guid iswProfileId, string category, string text, string link, CancellationToken cancellationToken)
    {
        var userId = await db.IswProfiles.Where(p => p.Id == iswProfileId).Select(p => p.UserId).SingleAsync(cancellationToken);
        await TellAllAsync([userId], category, text, link, cancellationToken);
    }

    /// <summary>Every commissioner of the authority.</summary>
    public async Task TellAuthorityAsync(Guid authorityId, string category, string text, string link, CancellationToken cancellationToken)
    {
        var userIds = await UsersInRole(Roles.Commissioner).Where(u => u.AuthorityId == authorityId).Select(u => u.Id).ToListAsync(cancellationToken);
        await TellAllAsync(userIds, category, text, link, cancellationToken);
    }

    public async Task TellAdministratorsAsync(string category, string text, string link, CancellationToken cancellationToken)
    {
        var userIds = await UsersInRole(Roles.PanelAdmin).Select(u => u.Id).ToListAsync(cancellationToken);
        await TellAllAsync(userIds, category, text, link, cancellationToken);
    }

    private async Task TellAllAsync(IReadOnlyList<Guid> userIds, string category, string text, string link, CancellationToken cancellationToken)
    {
        var unknown = userIds.Where(id => !recipients.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            Remember(unknown, await Users(unknown).ToListAsync(cancellationToken), await Digests(unknown).ToListAsync(cancellationToken));
        foreach (var userId in userIds) Add(userId, category, text, link);
    }

    private void Add(Guid userId, string category, string text, string link)
    {
        var notification = Notification.To(userId, category, text, link, clock.UtcNow);
        db.Notifications.Add(notification);
        if (recipients.GetValueOrDefault(userId) is { } recipient && recipient.WantsAtOnce(category))
            outbox.Add(NotificationEmails.AtOnce(recipient, notification, links));
    }

    private sealed record UserRow(Guid Id, string? Email, string DisplayName, bool IsDisabled);

    private sealed record DigestRow(Guid UserId, string Category);

    private IQueryable<UserRow> Users(IReadOnlyList<Guid> ids) =>
        db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new UserRow(u.Id, u.Email, u.DisplayName, u.IsDisabled));

    private IQueryable<DigestRow> Digests(IReadOnlyList<Guid> ids) =>
        db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.Delivery == EmailDelivery.DailyDigest)
            .Select(p => new DigestRow(p.UserId, p.Category));

    private void Remember(IReadOnlyList<Guid> ids, List<UserRow> users, List<DigestRow> digests)
    {
        foreach (var id in ids) recipients[id] = null;
        foreach (var user in users.Where(u => !u.IsDisabled && !string.IsNullOrWhiteSpace(u.Email)))
        {
            recipients[user.Id] = new Recipient(user.Id, user.Email!, user.DisplayName,
                digests.Where(d => d.UserId == user.Id).Select(d => d.Category).ToHashSet(StringComparer.Ordinal));
        }
    }

    private IQueryable<Data.Identity.AppUser> UsersInRole(string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role && !u.IsDisabled
        select u;
}
