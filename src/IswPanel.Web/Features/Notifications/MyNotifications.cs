using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Paging;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Notifications;

/// <summary>The signed-in user's inbox, newest first; and marking messages read.</summary>
public static class MyNotifications
{
    public sealed record Query : IQuery<Paged<Item>>
    {
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Item(Guid Id, string Category, string Text, string Link, DateTime CreatedAt, bool Read);

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Paged<Item>>
    {
        public async ValueTask<Paged<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, query.PageSize);
            return await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == me.UserId)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Select(n => new Item(n.Id, n.Category, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
                .ToPagedAsync(page, pageSize, cancellationToken);
        }
    }

    public sealed record UnreadCount : IQuery<int>;

    public sealed class UnreadCountHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<UnreadCount, int>
    {
        public async ValueTask<int> Handle(UnreadCount query, CancellationToken cancellationToken) =>
            me.UserId is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == me.UserId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one message read (or every one, when no id is given) and returns its link.</summary>
    public sealed record MarkRead(Guid? Id) : ICommand<Result<string>>;

    public sealed class MarkReadHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<MarkRead, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(MarkRead command, CancellationToken cancellationToken)
        {
            var unread = db.Notifications.Where(n => n.UserId == me.UserId && (command.Id == null ? n.ReadAt == null : n.Id == command.Id));
            var items = await unread.ToListAsync(cancellationToken);
            if (command.Id is not null && items.Count == 0) return Failure.NotFound;
            foreach (var item in items) item.MarkRead(clock.UtcNow);
            return command.Id is null ? "/notifications" : items[0].Link;
        }
    }
}
