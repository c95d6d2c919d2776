using System.Globalization;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Outbox;

/// <summary>
/// The morning summary: one email per user who takes some categories as a daily digest, listing those categories'
/// notifications since their last digest, and nothing when there are none. The effect key "digest:{user}:{date}"
/// makes a second run on the same day, or a run on a second server, send nothing more.
/// </summary>
public static class SendDigests
{
    public static string DigestKey(Guid userId, DateOnly day) => $"digest:{userId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The first digest covers this much; later ones cover the time since the last digest.</summary>
    public static readonly TimeSpan FirstDigestCovers = TimeSpan.FromDays(1);

    /// <summary>Users who take at least one (not safety-critical) category as a digest.</summary>
    public sealed record Due : IQuery<IReadOnlyList<Guid>>;

    public sealed class DueHandler(AppDbContext db) : IQueryHandler<Due, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Due query, CancellationToken cancellationToken)
        {
            var safetyCritical = NotificationCategories.AlwaysImmediate.ToList();
            return await db.NotificationPreferences.AsNoTracking()
                .Where(p => p.Delivery == EmailDelivery.DailyDigest && !safetyCritical.Contains(p.Category))
                .Select(p => p.UserId).Distinct().ToListAsync(cancellationToken);
        }
    }

    /// <summary>Writes one user's digest to the outbox; true when there was something to send.</summary>
    public sealed record Command(Guid UserId) : ICommand<Result<bool>>;

    public sealed class Handler(AppDbContext db, IClock clock, EmailOutbox outbox, PublicLinks links) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = DigestKey(command.UserId, clock.Today);
            if (await db.EffectDoneAsync(key, cancellationToken)) return false;

            var user = await db.Users.AsNoTracking().Where(u => u.Id == command.UserId)
                .Select(u => new { u.Email, u.DisplayName, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
            if (user is null) return Failure.NotFound;
            if (user.IsDisabled || string.IsNullOrWhiteSpace(user.Email)) return false;

            var categories = (await db.NotificationPreferences.AsNoTracking()
                    .Where(p => p.UserId == command.UserId && p.Delivery == EmailDelivery.DailyDigest).Select(p => p.Category)
                    .ToListAsync(cancellationToken))
                .Where(c => !NotificationCategories.AlwaysImmediate.Contains(c)).ToList();
            if (categories.Count == 0) return false;

            var now = clock.UtcNow;
            var lastDigest = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.UserId == command.UserId && e.Category == NotificationEmails.DigestCategory)
                .OrderByDescending(e => e.CreatedAt).Select(e => (DateTime?)e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var since = lastDigest ?? now - FirstDigestCovers;
            var notifications = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == command.UserId && categories.Contains(n.Category) && n.CreatedAt > since && n.CreatedAt <= now)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .ToListAsync(cancellationToken);
            if (notifications.Count == 0) return false;

            db.ClaimEffect(key, now);
            var recipient = new Recipient(command.UserId, user.Email, user.DisplayName, categories.ToHashSet(StringComparer.Ordinal));
            outbox.Add(NotificationEmails.Digest(recipient, notifications, since, now, links));
            return true;
        }
    }
}

/// <summary>The recurring morning job (Jobs:DigestCron, 07:00 UK time by default): one unit of work per user.</summary>
public sealed class DailyDigestJob(IMediator mediator, IServiceScopeFactory scopes)
{
    public const string Id = "notifications.daily-digest";

    /// <summary>Returns how many digests were written.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var userId in await mediator.Send(new SendDigests.Due(), cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDigests.Command(userId), cancellationToken);
            if (result is { IsSuccess: true, Value: true }) written++;
        }

        return written;
    }
}
