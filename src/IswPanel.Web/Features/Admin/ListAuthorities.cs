using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>The client authorities, with their contract terms and how many commissioners each has.</summary>
public static class ListAuthorities
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, string OnsCode, EnglishRegion Region, OfstedGrade Grade,
        DateOnly? InspectedOn, int NonSolicitationMonths, bool WaiversAllowed, int Commissioners);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var commissionerRole = await db.Roles.Where(r => r.Name == Roles.Commissioner).Select(r => r.Id).SingleAsync(cancellationToken);
            return await db.Authorities.AsNoTracking()
                .OrderBy(a => a.Name)
                .Select(a => new Item(a.Id, a.Name, a.OnsCode, a.Region, a.OfstedGrade, a.OfstedInspectionDate,
                    a.Contract.NonSolicitationMonths, a.Contract.WaiversAllowed,
                    db.Users.Count(u => u.AuthorityId == a.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == commissionerRole))))
                .ToListAsync(cancellationToken);
        }
    }
}
