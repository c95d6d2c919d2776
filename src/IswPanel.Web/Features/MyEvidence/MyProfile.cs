using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyEvidence;

/// <summary>
/// The signed-in ISW's own profile, found by its owner (the user), so a profile created after sign-in is
/// found too. No one reaches another person's profile from these pages.
/// </summary>
internal static class MyProfile
{
    /// <summary>The profile with everything vetting and evidence look at.</summary>
    public static Task<IswProfile?> FindAsync(AppDbContext db, ICurrentUser me, bool track, CancellationToken cancellationToken)
    {
        if (me.UserId is not { } userId) return Task.FromResult<IswProfile?>(null);
        IQueryable<IswProfile> profiles = db.IswProfiles
            .Include(p => p.Documents)
            .Include(p => p.EmploymentHistory)
            .Include(p => p.Referees)
            .Include(p => p.VettingRecords)
            .Include(p => p.Waivers)
            .AsSplitQuery();
        if (!track) profiles = profiles.AsNoTracking();
        return profiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
    }

    /// <summary>Every client authority's non-solicitation terms, as vetting needs them.</summary>
    public static async Task<IReadOnlyList<ClientAuthorityTerms>> ClientsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Authorities.AsNoTracking().ToListAsync(cancellationToken)).Select(ClientAuthorityTerms.From)];

    /// <summary>Whether the person may still add evidence: not once the application is rejected or they are removed.</summary>
    public static bool CanProvideEvidence(IswProfile profile) =>
        profile.Status is not (PanelMemberStatus.Removed or PanelMemberStatus.Rejected);

    public const string ClosedMessage = "Your panel application or membership has ended, so you cannot add evidence. Contact the panel team.";

    /// <summary>The page where each kind of evidence is recorded.</summary>
    public static string PathOf(ComplianceDocumentKind kind) => kind switch
    {
        ComplianceDocumentKind.EnhancedDbs => "/my-evidence/dbs",
        ComplianceDocumentKind.IndemnityInsurance => "/my-evidence/insurance",
        ComplianceDocumentKind.RightToWork => "/my-evidence/right-to-work",
        ComplianceDocumentKind.Qualification => "/my-evidence/qualification",
        _ => "/my-evidence",
    };

    /// <summary>The kinds of evidence an ISW provides here (registration is checked on the register instead).</summary>
    public static readonly IReadOnlyList<ComplianceDocumentKind> ProvidedKinds =
    [
        ComplianceDocumentKind.EnhancedDbs,
        ComplianceDocumentKind.IndemnityInsurance,
        ComplianceDocumentKind.RightToWork,
        ComplianceDocumentKind.Qualification,
    ];
}
