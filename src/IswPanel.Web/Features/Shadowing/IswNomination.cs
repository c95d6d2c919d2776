using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// One nomination for the ISW it names (GET /my-shadowing/{id}): who the practitioner is and what they hope to learn,
/// the decision, the family's consent, the sessions logged on the assignment with the seats taken on each (the
/// authority's cap), and the practitioner's reflections for the ISW's comments. Anyone else's nomination is NotFound.
/// The read is audited.
/// </summary>
public static class IswNomination
{
    public sealed record Query(Guid NominationId) : IQuery<Result<Page>>;

    public sealed record Page(Guid Id, Guid RequestId, string CaseReference, string AssessmentTypeName, string AuthorityName,
        string ShadowerName, ShadowerRole Role, string HopesToLearn, DateTime NominatedAt, NominationStatus Status, string? DeclineReason,
        FamilyConsent Consent, DateOnly? ConsentDate, int SeatsPerSession, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<AttendedRow> Attended)
    {
        public bool MayMark => Status == NominationStatus.Accepted && Consent == FamilyConsent.Given;
    }

    /// <param name="AttendedId">This practitioner's attendance of the session, when marked.</param>
    /// <param name="Others">Other practitioners marked as attending it.</param>
    public sealed record SessionRow(Guid WorkLogEntryId, DateOnly Date, WorkKind Kind, int Minutes, int SeatsTaken, Guid? AttendedId,
        bool Reflected, IReadOnlyList<string> Others);

    public sealed record AttendedRow(Guid SessionId, DateOnly Date, WorkKind Kind, int Minutes, string? Reflection, DateTime? ReflectedAt,
        string? IswComment);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await (
                from n in db.ShadowingNominations.AsNoTracking().OnMyAssignments(me)
                where n.Id == query.NominationId
                join s in db.Shadowers on n.ShadowerId equals s.Id
                join r in db.AssessmentRequests on n.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                select new
                {
                    Nomination = n, s.FullName, s.Role, RequestId = r.Id, r.CaseReference, TypeName = t.Name, AuthorityName = a.Name,
                    a.Contract.MaxShadowersPerSession,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null) return Failure.NotFound;
            var nomination = row.Nomination;

            var entries = await db.WorkLogEntries.AsNoTracking()
                .Where(e => e.AssignmentId == nomination.AssignmentId && ShadowingRecords.SessionKinds.Contains(e.Kind))
                .OrderBy(e => e.Date).ThenBy(e => e.LoggedAt)
                .Select(e => new { e.Id, e.Date, e.Kind, e.DurationMinutes })
                .ToListAsync(cancellationToken);
            var entryIds = entries.Select(e => e.Id).ToList();
            var seats = await (
                from x in db.ShadowedSessions.AsNoTracking()
                where entryIds.Contains(x.WorkLogEntryId)
                join s in db.Shadowers on x.ShadowerId equals s.Id
                select new { x.Id, x.WorkLogEntryId, x.NominationId, s.FullName, Reflected = x.Reflection != null })
                .ToListAsync(cancellationToken);
            var sessions = entries.Select(e =>
            {
                var taken = seats.Where(x => x.WorkLogEntryId == e.Id).ToList();
                var mine = taken.FirstOrDefault(x => x.NominationId == nomination.Id);
                return new SessionRow(e.Id, e.Date, e.Kind, e.DurationMinutes, taken.Count, mine?.Id, mine?.Reflected ?? false,
                    [.. taken.Where(x => x.NominationId != nomination.Id).Select(x => x.FullName)]);
            }).ToList();

            var attended = await (
                from x in db.ShadowedSessions.AsNoTracking()
                where x.NominationId == nomination.Id
                join e in db.WorkLogEntries on x.WorkLogEntryId equals e.Id
                orderby x.SessionDate
                select new AttendedRow(x.Id, x.SessionDate, e.Kind, x.Minutes, x.Reflection, x.ReflectedAt, x.IswComment))
                .ToListAsync(cancellationToken);

            await audit.WriteAsync(AuditActions.ShadowingViewed, nameof(ShadowingNomination), nomination.Id.ToString(), "the ISW's nomination page",
                cancellationToken: cancellationToken, subjectAuthorityId: nomination.AuthorityId);
            return new Page(nomination.Id, row.RequestId, row.CaseReference, row.TypeName, row.AuthorityName, row.FullName, row.Role, nomination.HopesToLearn,
                nomination.NominatedAt, nomination.Status, nomination.DeclineReason, nomination.Consent, nomination.ConsentDate, row.MaxShadowersPerSession, sessions, attended);
        }
    }
}
