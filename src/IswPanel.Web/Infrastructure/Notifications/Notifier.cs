using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Notifications;

/// <summary>
/// Puts messages in users' in-app inboxes, in the caller's unit of work (saved with the change they report,
/// or not at all). Text names a request by case reference and type, never a child's details.
/// Each message is also emailed through the outbox, in the same unit of work, when the user takes its category
/// by immediate email (the default) or the category is safety-critical; digest categories wait for the
/// morning's summary (<see cref="Features.Outbox.SendDigests"/>).
/// </summary>
public sealed class Notifier(AppDbContext db, IClock clock, EmailOutbox outbox, PublicLinks links, DeferredSaves deferredSaves)
{
    /// <summary>Recipients looked up in this unit of work; null for a user who gets no email (disabled, no address).</summary>
    private readonly Dictionary<Guid, Recipient?> recipients = [];

    /// <summary>
    /// Who is who, looked up in this scope: an ISW profile's user, an authority's commissioners, the administrators. A
    /// sweep's batch (one scope for many items) asks the same again and again; a web request's scope is one command.
    /// </summary>
    private readonly Dictionary<Guid, Guid> iswUsers = [];

    private readonly Dictionary<Guid, List<Guid>> commissioners = [];
    private List<Guid>? administrators;

    /// <summary>
    /// Tells one user. <see cref="TellAsync"/> does the same without blocking: this one looks the user's address
    /// and preferences up synchronously the first time it meets them in a unit of work.
    /// </summary>
    public void Tell(Guid userId, string category, string text, string link)
    {
        if (!recipients.ContainsKey(userId)) Remember([userId], Users([userId]).ToList(), Digests([userId]).ToList());
        Add(userId, category, text, link, clock.UtcNow);
    }

    /// <summary>Tells one user, looking their address and preferences up asynchronously.</summary>
    public Task TellAsync(Guid userId, string category, string text, string link, CancellationToken cancellationToken) =>
        TellAllAsync([userId], category, text, link, cancellationToken);

    public async Task TellIswAsync(Guid iswProfileId, string category, string text, string link, CancellationToken cancellationToken)
    {
        if (!iswUsers.TryGetValue(iswProfileId, out var userId))
            iswUsers[iswProfileId] = userId = await db.IswProfiles.Where(p => p.Id == iswProfileId).Select(p => p.UserId).SingleAsync(cancellationToken);
        await TellAllAsync([userId], category, text, link, cancellationToken);
    }

    /// <summary>Every commissioner of the authority.</summary>
    public async Task TellAuthorityAsync(Guid authorityId, string category, string text, string link, CancellationToken cancellationToken)
    {
        if (!commissioners.TryGetValue(authorityId, out var userIds))
            commissioners[authorityId] = userIds = await UsersInRole(Roles.Commissioner).Where(u => u.AuthorityId == authorityId).Select(u => u.Id).ToListAsync(cancellationToken);
        await TellAllAsync(userIds, category, text, link, cancellationToken);
    }

    public async Task TellAdministratorsAsync(string category, string text, string link, CancellationToken cancellationToken)
    {
        administrators ??= await UsersInRole(Roles.PanelAdmin).Select(u => u.Id).ToListAsync(cancellationToken);
        await TellAllAsync(administrators, category, text, link, cancellationToken);
    }

    /// <summary>
    /// Looks up, in two queries, the users behind these ISW profiles and their addresses and preferences, so that
    /// telling any of them later in this scope reads nothing more (a sweep's batch calls it once for all its items).
    /// </summary>
    public Task RememberIswsAsync(IEnumerable<Guid> iswProfileIds, CancellationToken cancellationToken) =>
        RememberAsync(iswProfileIds, [], administrators: false, cancellationToken);

    /// <summary>Looks up, in two queries at most, the commissioners of these authorities and their addresses and preferences.</summary>
    public Task RememberAuthoritiesAsync(IEnumerable<Guid> authorityIds, CancellationToken cancellationToken) =>
        RememberAsync([], authorityIds, administrators: false, cancellationToken);

    /// <summary>
    /// Everyone a command is about to tell, looked up together in two queries: the users behind these ISW profiles, the
    /// commissioners of these authorities, and (if asked) the administrators, then their preferences. Telling them one
    /// group at a time would read three times as often; a command holding a row others wait for (an acceptance) makes
    /// every one of those waits longer.
    /// </summary>
    public async Task RememberAsync(IEnumerable<Guid> iswProfileIds, IEnumerable<Guid> authorityIds, bool administrators,
        CancellationToken cancellationToken)
    {
        var isws = iswProfileIds.Where(id => !iswUsers.ContainsKey(id)).Distinct().ToList();
        var authorities = authorityIds.Where(id => !commissioners.ContainsKey(id)).Distinct().ToList();
        var admins = administrators && this.administrators is null;
        if (isws.Count == 0 && authorities.Count == 0 && !admins) return;

        var rows = await Who(isws, authorities, admins).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Group == WhoGroup.Isw)) iswUsers[row.Key] = row.UserId;
        foreach (var id in authorities) commissioners[id] = [.. rows.Where(r => r.Group == WhoGroup.Commissioner && r.Key == id).Select(r => r.UserId)];
        if (admins) this.administrators = [.. rows.Where(r => r.Group == WhoGroup.Administrator).Select(r => r.UserId)];

        var unknown = rows.Where(r => !recipients.ContainsKey(r.UserId)).DistinctBy(r => r.UserId).Select(r => r.User).ToList();
        if (unknown.Count > 0)
        {
            var ids = unknown.ConvertAll(u => u.Id);
            Remember(ids, unknown, await Digests(ids).ToListAsync(cancellationToken));
        }
    }

    /// <summary>Looks up, in two queries, these users' addresses and preferences (unless already known in this scope).</summary>
    public async Task RememberUsersAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var unknown = userIds.Where(id => !recipients.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            Remember(unknown, await Users(unknown).ToListAsync(cancellationToken), await Digests(unknown).ToListAsync(cancellationToken));
    }

    private async Task TellAllAsync(IReadOnlyList<Guid> userIds, string category, string text, string link, CancellationToken cancellationToken)
    {
        await RememberUsersAsync(userIds, cancellationToken);
        var now = clock.UtcNow;
        foreach (var userId in userIds) Add(userId, category, text, link, now);
    }

    private void Add(Guid userId, string category, string text, string link, DateTime now)
    {
        var notification = Notification.To(userId, category, text, link, now);
        if (deferredSaves.Active) deferredSaves.Insert(notification);
        else db.Notifications.Add(notification);
        if (recipients.GetValueOrDefault(userId) is { } recipient && recipient.WantsAtOnce(category))
            outbox.Add(NotificationEmails.AtOnce(recipient, notification, links));
    }

    private sealed record UserRow(Guid Id, string? Email, string DisplayName, bool IsDisabled);

    private sealed record DigestRow(Guid UserId, string Category);

    private enum WhoGroup
    {
        Isw = 1,
        Commissioner = 2,
        Administrator = 3,
    }

    /// <summary>A user found for a group: an ISW profile's user (Key: the profile), an authority's commissioner (Key: the
    /// authority), an administrator (Key: the user). Flat, with public setters: EF Core translates a set operation only
    /// over a projection it can see into.</summary>
    private sealed class WhoRow
    {
        public WhoGroup Group { get; init; }
        public Guid Key { get; init; }
        public Guid UserId { get; init; }
        public string? Email { get; init; }
        public string DisplayName { get; init; } = "";
        public bool IsDisabled { get; init; }

        public UserRow User => new(UserId, Email, DisplayName, IsDisabled);
    }

    /// <summary>One query (UNION ALL) for the three groups; a group with nothing to find is left out.</summary>
    private IQueryable<WhoRow> Who(List<Guid> isws, List<Guid> authorities, bool admins)
    {
        IQueryable<WhoRow>? query = null;
        if (isws.Count > 0)
            query = from p in db.IswProfiles
                    join u in db.Users on p.UserId equals u.Id
                    where isws.Contains(p.Id)
                    select new WhoRow { Group = WhoGroup.Isw, Key = p.Id, UserId = u.Id, Email = u.Email, DisplayName = u.DisplayName, IsDisabled = u.IsDisabled };
        if (authorities.Count > 0)
            query = Union(query, UsersInRole(Roles.Commissioner).Where(u => u.AuthorityId != null && authorities.Contains(u.AuthorityId.Value))
                .Select(u => new WhoRow { Group = WhoGroup.Commissioner, Key = u.AuthorityId!.Value, UserId = u.Id, Email = u.Email, DisplayName = u.DisplayName, IsDisabled = u.IsDisabled }));
        if (admins)
            query = Union(query, UsersInRole(Roles.PanelAdmin)
                .Select(u => new WhoRow { Group = WhoGroup.Administrator, Key = u.Id, UserId = u.Id, Email = u.Email, DisplayName = u.DisplayName, IsDisabled = u.IsDisabled }));
        return query!.AsNoTracking();

        static IQueryable<WhoRow> Union(IQueryable<WhoRow>? first, IQueryable<WhoRow> second) => first is null ? second : first.Concat(second);
    }

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
