using IswPanel.Data;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel;

/// <summary>Loads what the vetting rules need: a member with all their evidence, and the client authorities' terms.</summary>
public static class PanelMembers
{
    public static Task<IswProfile?> LoadForVettingAsync(this AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.IswProfiles.AsSplitQuery()
            .Include(p => p.Documents).Include(p => p.EmploymentHistory).Include(p => p.Referees)
            .Include(p => p.VettingRecords).Include(p => p.Waivers)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public static async Task<IReadOnlyList<ClientAuthorityTerms>> ClientTermsAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Authorities.AsNoTracking().ToListAsync(cancellationToken)).Select(ClientAuthorityTerms.From).ToList();
}
