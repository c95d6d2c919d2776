using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyEvidence;

/// <summary>
/// The ISW's own view of their vetting: what is still needed (the same checks, in the same words, that
/// administrators see), any request for more information, their evidence with its files, and their referees.
/// NotFound when the user has no panel profile yet (they have not finished applying).
/// </summary>
public static class MyEvidenceOverview
{
    public sealed record Query : IQuery<Result<Overview>>;

    public sealed record Overview(
        string FullName,
        PanelMemberStatus Status,
        SuspensionCause Suspension,
        string? InformationRequested,
        DateTime? InformationRequestedAt,
        IReadOnlyList<Check> Checks,
        IReadOnlyList<Evidence> Evidence,
        IReadOnlyList<RefereeItem> Referees)
    {
        /// <summary>Administrators sent the application back and are waiting for the applicant's answer.</summary>
        public bool CanAnswerRequest => Status == PanelMemberStatus.Applicant && InformationRequested is not null;

        public bool CanProvideEvidence => Status is not (PanelMemberStatus.Removed or PanelMemberStatus.Rejected);

        public int Outstanding => Checks.Count(c => c.State != CheckState.Done);
    }

    public enum CheckState
    {
        Done,
        WaitingForVerification,
        WaitingForReferences,
        NotDone,
    }

    /// <summary>One vetting check: its state, the rule's explanation, and where the ISW can act on it (if they can).</summary>
    public sealed record Check(VettingCheck Kind, string Name, CheckState State, string Explanation, string? ActionHref, string? ActionText)
    {
        public string StateText => State switch
        {
            CheckState.Done => "Done",
            CheckState.WaitingForVerification => "Waiting for verification",
            CheckState.WaitingForReferences => "Waiting for references",
            _ => "Not done",
        };
    }

    /// <summary>A piece of evidence the ISW provides, as recorded, with its latest uploaded file.</summary>
    public sealed record Evidence(
        ComplianceDocumentKind Kind,
        string Href,
        bool Provided,
        bool Verified,
        string? Reference,
        DateOnly? IssuedOn,
        DateOnly? ExpiresOn,
        bool OnUpdateService,
        FileLink? File);

    public sealed record FileLink(Guid Id, string Name);

    public sealed record RefereeItem(string Name, string Organisation, string Relationship, bool FromSocialWorkEmployer, DateOnly? ReceivedOn);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Result<Overview>>
    {
        public async ValueTask<Result<Overview>> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await MyProfile.FindAsync(db, me, track: false, cancellationToken);
            if (profile is null) return Failure.NotFound;

            var today = clock.Today;
            var vetting = profile.Vet(await MyProfile.ClientsAsync(db, cancellationToken), today,
                await Panel.LinkedShadowers.ShadowerSpellsAsync(db, profile, cancellationToken));

            var fileIds = profile.Documents.Where(d => d.StoredFileId is not null).Select(d => d.StoredFileId!.Value).ToList();
            var files = await db.StoredFiles.AsNoTracking()
                .Where(f => fileIds.Contains(f.Id) && f.OwnerUserId == me.UserId)
                .Select(f => new FileLink(f.Id, f.OriginalName))
                .ToDictionaryAsync(f => f.Id, cancellationToken);

            var evidence = MyProfile.ProvidedKinds.Select(kind =>
            {
                var document = profile.Document(kind);
                return new Evidence(kind, MyProfile.PathOf(kind), document is not null, document?.IsVerified == true, document?.Reference,
                    document?.IssuedOn, document?.ExpiresOn, document?.OnUpdateService == true,
                    document?.StoredFileId is { } fileId && files.TryGetValue(fileId, out var file) ? file : null);
            }).ToList();

            var checks = vetting.Outcomes.Select(o => ToCheck(o, profile, today)).ToList();
            var referees = NameReferee.Referees(profile);

            return new Overview(profile.FullName, profile.Status, profile.Suspension, profile.InformationRequested,
                profile.InformationRequestedAt, checks, evidence, referees);
        }

        private static Check ToCheck(VettingOutcome outcome, IswProfile profile, DateOnly today)
        {
            var (name, kind, href, action) = outcome.Check switch
            {
                VettingCheck.Pqe => ("Post-qualifying experience", (ComplianceDocumentKind?)null, (string?)null, (string?)null),
                VettingCheck.Registration => ("Social Work England registration", ComplianceDocumentKind.SocialWorkEnglandRegistration, null, null),
                VettingCheck.Dbs => ("Enhanced DBS check", ComplianceDocumentKind.EnhancedDbs, "/my-evidence/dbs", "Add your DBS certificate"),
                VettingCheck.Insurance => ("Professional indemnity insurance", ComplianceDocumentKind.IndemnityInsurance, "/my-evidence/insurance", "Add your insurance"),
                VettingCheck.References => ("References", null, "/my-evidence/referees", "Name your referees"),
                VettingCheck.RightToWork => ("Right to work", ComplianceDocumentKind.RightToWork, "/my-evidence/right-to-work", "Add your right to work document"),
                VettingCheck.Identity => ("Identity check", null, null, null),
                VettingCheck.Interview => ("Interview", null, null, null),
                VettingCheck.NonSolicitation => ("Non-solicitation", null, null, null),
                _ => (outcome.Check.ToString(), null, null, null),
            };

            if (outcome.Passed) return new Check(outcome.Check, name, CheckState.Done, outcome.Explanation, null, null);

            var explanation = outcome.Explanation;
            var state = CheckState.NotDone;
            if (kind is { } documentKind && profile.Document(documentKind) is { } document && document.IsCurrentOn(today)
                && (!document.IsVerified || documentKind == ComplianceDocumentKind.SocialWorkEnglandRegistration))
            {
                // Evidence is in; the check is with the administrators now.
                state = CheckState.WaitingForVerification;
                action = null;
            }
            else if (outcome.Check == VettingCheck.References && profile.Referees.Count >= Vetting.ReferencesNeeded
                && profile.Referees.Any(r => r.FromSocialWorkEmployer) && profile.Referees.Any(r => r.ReceivedOn is null))
            {
                state = CheckState.WaitingForReferences;
                action = "See your referees";
            }
            else if (outcome.Check is VettingCheck.Identity or VettingCheck.Interview)
            {
                explanation += " The panel team will arrange this with you.";
            }
            else if (outcome.Check == VettingCheck.NonSolicitation)
            {
                explanation += " The panel team will contact you about this.";
            }

            return new Check(outcome.Check, name, state, explanation, href, action);
        }
    }
}
