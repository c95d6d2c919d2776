using IswPanel.Data;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shared;

public sealed record AuthorityChoice(Guid Id, string Name);

/// <summary>
/// The authority an authority-level page (invoices, shadowing hours, figures) shows, and the authorities it may offer:
/// a panel administrator chooses any (the first by name by default); a commissioner sees only their own, and naming
/// another authority is a 404, like every other tenant's record.
/// </summary>
public sealed record AuthorityScope(AuthorityChoice Authority, IReadOnlyList<AuthorityChoice> Choices)
{
    public static async Task<AuthorityScope?> ResolveAsync(AppDbContext db, ICurrentUser me, Guid? requested, CancellationToken cancellationToken)
    {
        var all = await db.Authorities.AsNoTracking().OrderBy(a => a.Name).Select(a => new AuthorityChoice(a.Id, a.Name))
            .ToListAsync(cancellationToken);
        if (me.IsInRole(Roles.PanelAdmin))
        {
            var chosen = requested is { } id ? all.SingleOrDefault(a => a.Id == id) : all.FirstOrDefault();
            return chosen is null ? null : new AuthorityScope(chosen, all);
        }

        if (me.IsInRole(Roles.Commissioner) && me.AuthorityId is { } own && (requested is null || requested == own)
            && all.SingleOrDefault(a => a.Id == own) is { } mine)
            return new AuthorityScope(mine, [mine]);
        return null;
    }
}
