using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// The vetting page: every check with its state, who recorded it and when, and the evidence; the
/// non-solicitation position per client authority; the membership history; direct-hire requests.
/// </summary>
public static class MemberDetails
{
    public sealed record Query(Guid Id) : IQuery<Result<Details>>;

    public sealed record Details(
        Guid Id,
        string Name,
        string Email,
        string? Phone,
        string SweNumber,
        DateOnly QualifiedOn,
        int PqeYears,
        SocialWorkBackground Background,
        PanelMemberStatus Status,
        SuspensionCause Suspension,
        string? InformationRequested,
        Practice Practice,
        VettingResult Vetting,
        IReadOnlyList<Document> Documents,
        IReadOnlyList<RefereeRow> Referees,
        IReadOnlyList<Recorded> InPersonChecks,
        IReadOnlyList<Job> Employment,
        IReadOnlyList<Conflict> Conflicts,
        IReadOnlyList<Waiver> Waivers,
        IReadOnlyList<HistoryRow> History,
        IReadOnlyList<DirectHire> DirectHires,
        IReadOnlyList<ShadowerLink> ShadowerLinks)
    {
        public bool CanDecide => Status == PanelMemberStatus.UnderReview;
    }

    public sealed record Practice(IReadOnlyList<string> AssessmentTypes, IReadOnlyList<string> AssessmentTypeNames, IReadOnlyList<string> Skills, IReadOnlyList<EnglishRegion> Regions,
        string HomePostcodeDistrict, int TravelRadiusMiles, IReadOnlyList<string> Languages, int Capacity, decimal HourlyRate,
        IReadOnlyList<UnavailablePeriod> Unavailable);

    public sealed record Document(ComplianceDocumentKind Kind, string? Reference, DateOnly? IssuedOn, DateOnly? ExpiresOn, bool OnUpdateService,
        Guid? FileId, string? FileName, string? VerifiedBy, DateTime? VerifiedAt);

    public sealed record RefereeRow(Guid Id, string Name, string Email, string Organisation, string Relationship, bool FromSocialWorkEmployer,
        DateOnly? EmploymentEndedOn, DateOnly? ReceivedOn, string? RecordedBy);

    public sealed record Recorded(VettingCheck Check, string By, DateTime At, string? Note);

    public sealed record Job(string Employer, string Role, EmploymentKind Kind, DateOnly StartedOn, DateOnly? EndedOn, bool ClientAuthority);

    /// <summary>A client authority the person may not be matched to now, and whether it blocks approval.</summary>
    public sealed record Conflict(Guid AuthorityId, string Authority, DateOnly? Until, string Reason, bool BlocksApproval, bool WaiversAllowed);

    public sealed record Waiver(string Authority, string GrantedBy, DateOnly GrantedOn, string DocumentReference, Guid? LetterFileId,
        string RecordedBy, DateTime RecordedAt);

    /// <summary>
    /// A recorded shadower who is (or may be) this person. <see cref="Binding"/> links count as employment for
    /// non-solicitation; a name-only match waits for an administrator to confirm it.
    /// </summary>
    public sealed record ShadowerLink(Guid ShadowerId, string Name, string Authority, ShadowerLinkKind Kind, string Description,
        bool ConfirmedAsAnother)
    {
        public bool Binding => Kind.Binds();
    }

    public sealed record HistoryRow(PanelMemberStatus From, PanelMemberStatus To, DateTime At, string By, string Reason);

    public sealed record DirectHire(Guid Id, string Authority, DateOnly RequestedOn, IReadOnlyList<SupplyPeriod> Supply, TransferFeeWindow Window,
        bool FeeMayApplyToday, string? Notes);

    public sealed class Handler(AppDbContext db, IClock clock) : IQueryHandler<Query, Result<Details>>
    {
        public async ValueTask<Result<Details>> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await db.IswProfiles.AsNoTracking().AsSplitQuery()
                .Include(p => p.Documents).Include(p => p.EmploymentHistory).Include(p => p.Referees)
                .Include(p => p.VettingRecords).Include(p => p.Waivers)
                .SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
            if (profile is null) return Failure.NotFound;

            var today = clock.Today;
            var authorities = await db.Authorities.AsNoTracking().ToListAsync(cancellationToken);
            var clients = authorities.Select(ClientAuthorityTerms.From).ToList();
            var authorityNames = authorities.ToDictionary(a => a.Id, a => a.Name);
            var typeNames = await db.AssessmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
            var directHires = await db.DirectHireRequests.AsNoTracking().Where(d => d.IswProfileId == profile.Id)
                .OrderByDescending(d => d.RequestedOn).ToListAsync(cancellationToken);

            var fileIds = profile.Documents.Select(d => d.StoredFileId).Concat(profile.Waivers.Select(w => w.LetterFileId))
                .OfType<Guid>().ToList();
            var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id))
                .ToDictionaryAsync(f => f.Id, f => f.OriginalName, cancellationToken);

            var userIds = profile.Documents.Select(d => d.VerifiedByUserId)
                .Concat(profile.Referees.Select(r => r.ReceivedRecordedByUserId))
                .Concat(profile.VettingRecords.Select(r => (Guid?)r.RecordedByUserId))
                .Concat(profile.Waivers.Select(w => (Guid?)w.RecordedByUserId))
                .Concat(profile.History.Select(h => h.ActorUserId))
                .OfType<Guid>().Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            string Name(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : "IswPanel (automatic)";

            // Shadower records of the same person count as permanent employment; name-only matches are only shown.
            var shadowerLinks = await db.ForVettingAsync(profile, today, cancellationToken);
            var shadowerSpells = shadowerLinks.Where(l => l.Kind.Binds()).Select(l => l.Shadower.AsEmploymentSpell()).ToList();
            var spells = profile.EmploymentSpells(shadowerSpells);
            var blocks = NonSolicitation.ApprovalBlocks(spells, clients, [.. profile.Waivers.Select(w => w.ToRule())], today)
                .Select(b => b.AuthorityId).ToHashSet();
            var conflicts = NonSolicitation.Conflicts(spells, clients, today)
                .Select(c => new Conflict(c.AuthorityId, c.AuthorityName, c.Until, c.Reason, blocks.Contains(c.AuthorityId),
                    clients.Single(t => t.AuthorityId == c.AuthorityId).WaiversAllowed))
                .ToList();

            return new Details(
                profile.Id, profile.FullName, profile.Email, profile.Phone, profile.SweNumber, profile.QualifiedOn,
                profile.QualifiedOn <= today ? profile.PqeYears(today) : 0, profile.Background, profile.Status, profile.Suspension,
                profile.InformationRequested,
                new Practice(profile.AssessmentTypeCodes, [.. profile.AssessmentTypeCodes.Select(c => typeNames.GetValueOrDefault(c, c))], profile.Skills, profile.RegionsCovered, profile.HomePostcodeDistrict,
                    profile.TravelRadiusMiles, profile.Languages, profile.Capacity, profile.HourlyRate, profile.UnavailablePeriods),
                profile.Vet(clients, today, shadowerSpells),
                [.. profile.Documents.OrderBy(d => d.Kind).Select(d => new Document(d.Kind, d.Reference, d.IssuedOn, d.ExpiresOn, d.OnUpdateService,
                    d.StoredFileId, d.StoredFileId is { } f && files.TryGetValue(f, out var n) ? n : null,
                    d.VerifiedByUserId is null ? null : Name(d.VerifiedByUserId), d.VerifiedAt))],
                [.. profile.Referees.OrderBy(r => r.NamedAt).Select(r => new RefereeRow(r.Id, r.Name, r.Email, r.Organisation, r.Relationship,
                    r.FromSocialWorkEmployer, r.EmploymentEndedOn, r.ReceivedOn, r.ReceivedRecordedByUserId is null ? null : Name(r.ReceivedRecordedByUserId)))],
                [.. profile.VettingRecords.OrderByDescending(r => r.RecordedAt).Select(r => new Recorded(r.Check, Name(r.RecordedByUserId), r.RecordedAt, r.Note))],
                [.. profile.EmploymentHistory.OrderByDescending(e => e.StartedOn).Select(e => new Job(e.EmployerName, e.Role, e.Kind, e.StartedOn,
                    e.EndedOn, e.AuthorityId is not null))],
                conflicts,
                [.. profile.Waivers.Select(w => new Waiver(authorityNames.GetValueOrDefault(w.AuthorityId, "Unknown authority"), w.GrantedBy,
                    w.GrantedOn, w.DocumentReference, w.LetterFileId, Name(w.RecordedByUserId), w.RecordedAt))],
                [.. profile.History.OrderByDescending(h => h.At).Select(h => new HistoryRow(h.From, h.To, h.At, Name(h.ActorUserId), h.Reason))],
                [.. directHires.Select(d =>
                {
                    var window = d.Window();
                    return new DirectHire(d.Id, authorityNames.GetValueOrDefault(d.AuthorityId, "Unknown authority"), d.RequestedOn,
                        d.SupplyPeriods, window, window.FeeMayApplyOn(today), d.Notes);
                })],
                [.. shadowerLinks.Select(l =>
                {
                    var terms = clients.Single(t => t.AuthorityId == l.Shadower.AuthorityId);
                    return new ShadowerLink(l.Shadower.Id, l.Shadower.FullName, terms.Name, l.Kind, ShadowerLinks.Describe(l.Shadower, terms, today),
                        l.Kind == ShadowerLinkKind.PossibleByName && l.Shadower.ConfirmedApplicantProfileId is not null);
                })]);
        }
    }
}
