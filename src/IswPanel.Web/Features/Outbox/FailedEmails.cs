using IswPanel.Data;
using IswPanel.Domain.Notifications;
using IswPanel.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Outbox;

/// <summary>The administrators' page: emails given up after their last try, with the error, and how many are waiting.</summary>
public static class FailedEmails
{
    public const int Shown = 100;

    public sealed record Query : IQuery<Page>;

    public sealed record Page(int Waiting, int FailedTotal, IReadOnlyList<Item> Failed);

    public sealed record Item(Guid Id, string To, string Subject, string Kind, int Attempts, string? LastError, DateTime CreatedAt, DateTime GaveUpAt);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            var waiting = await db.OutboxEmails.CountAsync(e => e.SentAt == null && e.GaveUpAt == null, cancellationToken);
            var failed = db.OutboxEmails.AsNoTracking().Where(e => e.SentAt == null && e.GaveUpAt != null);
            var total = await failed.CountAsync(cancellationToken);
            var rows = await failed.OrderByDescending(e => e.GaveUpAt).ThenBy(e => e.Id).Take(Shown)
                .Select(e => new { e.Id, e.To, e.Subject, e.Category, e.Attempts, e.LastError, e.CreatedAt, GaveUpAt = e.GaveUpAt!.Value })
                .ToListAsync(cancellationToken);
            return new Page(waiting, total, [.. rows.Select(e => new Item(e.Id, e.To, e.Subject,
                e.Category == NotificationEmails.DigestCategory ? "Daily digest" : NotificationCategories.DisplayName(e.Category),
                e.Attempts, e.LastError, e.CreatedAt, e.GaveUpAt))]);
        }
    }
}
