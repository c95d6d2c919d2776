using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>Everyone with an account, with their role, authority and whether they have signed in yet.</summary>
public static class ListUsers
{
    public sealed record Query : IQuery<Paged<Item>>
    {
        public string? Role { get; init; }
        public int? Page { get; init; }
    }

    public sealed record Item(Guid Id, string DisplayName, string Email, string Role, string? Authority, string State);

    public sealed class Handler(AppDbContext db, IClock clock) : IQueryHandler<Query, Paged<Item>>
    {
        public async ValueTask<Paged<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, 50);
            var now = new DateTimeOffset(clock.UtcNow);
            var rows =
                from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                join a in db.Authorities on u.AuthorityId equals a.Id into authority
                from a in authority.DefaultIfEmpty()
                where query.Role == null || r.Name == query.Role
                orderby r.Name, u.DisplayName
                select new { u.Id, u.DisplayName, u.Email, Role = r.Name!, Authority = a == null ? null : a.Name, u.IsDisabled, HasPassword = u.PasswordHash != null, u.LockoutEnd };

            var paged = await rows.ToPagedAsync(page, pageSize, cancellationToken);
            return new Paged<Item>([.. paged.Items.Select(u => new Item(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.Authority,
                u.IsDisabled ? "Disabled" : !u.HasPassword ? "Invited" : u.LockoutEnd > now ? "Locked" : "Active"))],
                paged.Page, paged.PageSize, paged.Total);
        }
    }
}
