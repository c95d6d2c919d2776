using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// A shadower's home page (GET /shadowing/mine): their nominations (authority, kind of assessment, social worker,
/// status, the family's consent) and the sessions they attended (date, kind, time, their reflection, the ISW's
/// comment). Never the case: no case reference, child's initials, parties, notes, who was seen, letter or report.
/// The read is audited.
/// </summary>
public static class MyShadowing
{
    public sealed record Query : IQuery<Result<Page>>;

    /// <param name="ShadowerId">Null for a shadowing account whose record is missing (nothing to show).</param>
    public sealed record Page(Guid? ShadowerId, IReadOnlyList<NominationRow> Nominations, IReadOnlyList<SessionRow> Sessions)
    {
        public int Minutes => Sessions.Sum(s => s.Minutes);
    }

    public sealed record NominationRow(Guid Id, string AuthorityName, string AssessmentTypeName, string IswName, NominationStatus Status,
        FamilyConsent Consent, DateOnly? ConsentDate, int Sessions, int Reflections);

    public sealed record SessionRow(Guid Id, Guid NominationId, DateOnly Date, WorkKind Kind, int Minutes, bool Reflected, string? IswComment,
        string IswName, string AssessmentTypeName);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var shadower = await ShadowingRecords.MeAsShadowerAsync(db, me, cancellationToken);
            if (shadower is null) return new Page(null, [], []);

            var sessions = await (
                from x in db.ShadowedSessions.AsNoTracking()
                where x.ShadowerId == shadower.Id
                join e in db.WorkLogEntries on x.WorkLogEntryId equals e.Id
                join n in db.ShadowingNominations on x.NominationId equals n.Id
                join i in db.IswProfiles on n.IswProfileId equals i.Id
                join r in db.AssessmentRequests on n.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                orderby x.SessionDate descending
                select new SessionRow(x.Id, x.NominationId, x.SessionDate, e.Kind, x.Minutes, x.Reflection != null, x.IswComment, i.FullName, t.Name))
                .ToListAsync(cancellationToken);
            var nominations = await (
                from n in db.ShadowingNominations.AsNoTracking()
                where n.ShadowerId == shadower.Id
                join a in db.Authorities on n.AuthorityId equals a.Id
                join i in db.IswProfiles on n.IswProfileId equals i.Id
                join r in db.AssessmentRequests on n.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                orderby n.NominatedAt descending
                select new { n.Id, AuthorityName = a.Name, TypeName = t.Name, IswName = i.FullName, n.Status, n.Consent, n.ConsentDate })
                .ToListAsync(cancellationToken);

            await audit.WriteAsync(AuditActions.ShadowingViewed, nameof(Shadower), shadower.Id.ToString(), "the shadower's own page",
                cancellationToken: cancellationToken, subjectAuthorityId: shadower.AuthorityId);
            return new Page(shadower.Id,
                [.. nominations.Select(n => new NominationRow(n.Id, n.AuthorityName, n.TypeName, n.IswName, n.Status, n.Consent, n.ConsentDate,
                    sessions.Count(s => s.NominationId == n.Id), sessions.Count(s => s.NominationId == n.Id && s.Reflected)))],
                sessions);
        }
    }
}
