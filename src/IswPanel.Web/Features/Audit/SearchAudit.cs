using IswPanel.Data;
using IswPanel.Data.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Audit;

/// <summary>
/// Panel administrators search the audit trail: who (name, role, tenant), what, which record, when and from where,
/// newest first, a page at a time (keyset paging on the OccurredAt index, so a large trail pages as fast as a small one).
/// </summary>
public static class SearchAudit
{
    public sealed record Query : AuditFilter, IQuery<Result<Page>>
    {
        /// <summary>The cursor of the last row of the page before (absent for the first page).</summary>
        public string? After { get; init; }
    }

    public sealed record Row(long Id, DateTime OccurredAt, string? UserName, string? Email, string? Role, string? Tenant, string Action,
        string? EntityType, string? EntityId, string? Detail, string? IpAddress);

    public sealed record Page(Query Filter, IReadOnlyList<Row> Rows, string? NextCursor, bool Searched);

    public sealed class Validator : AuditFilterValidator<Query>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var events = await query.ApplyAsync(db, db.AuditEvents.AsNoTracking(), cancellationToken);
            var rows = await Project(db, AuditPaging.NewestFirstAfter(events, query.After).Take(AuditPaging.PageSize + 1))
                .ToListAsync(cancellationToken);
            // The projection keeps the order of the page (newest first); sort again, as a join may not keep it.
            rows = [.. rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)];
            string? next = null;
            if (rows.Count > AuditPaging.PageSize)
            {
                rows = rows[..AuditPaging.PageSize];
                var last = rows[^1];
                next = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{last.OccurredAt.Ticks}-{last.Id}");
            }

            return new Page(query, rows, next, Searched: true);
        }
    }

    /// <summary>Each event with its user's name and email and the actor's authority (the tenant).</summary>
    internal static IQueryable<Row> Project(AppDbContext db, IQueryable<AuditEvent> events) =>
        from e in events
        join u in db.Users on e.UserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        join a in db.Authorities on e.AuthorityId equals a.Id into authorities
        from a in authorities.DefaultIfEmpty()
        select new Row(e.Id, e.OccurredAt, u == null ? null : u.DisplayName, u == null ? null : u.Email, e.UserRole,
            a == null ? null : a.Name, e.Action, e.EntityType, e.EntityId, e.Detail, e.IpAddress);
}
