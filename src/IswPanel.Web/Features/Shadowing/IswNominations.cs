using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// An ISW's shadowing nominations (GET /my-shadowing): those waiting for their decision first, then the rest, newest
/// first. Only nominations on the ISW's own assignments. The read is audited.
/// </summary>
public static class IswNominations
{
    public sealed record Query : IQuery<Result<IReadOnlyList<Row>>>;

    public sealed record Row(Guid Id, string ShadowerName, ShadowerRole Role, Guid RequestId, string CaseReference, string AssessmentTypeName,
        string AuthorityName, NominationStatus Status, FamilyConsent Consent, DateOnly? ConsentDate, int Sessions, DateTime NominatedAt);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<IReadOnlyList<Row>>>
    {
        public async ValueTask<Result<IReadOnlyList<Row>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var rows = await (
                from n in db.ShadowingNominations.AsNoTracking().OnMyAssignments(me)
                join s in db.Shadowers on n.ShadowerId equals s.Id
                join r in db.AssessmentRequests on n.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on n.AuthorityId equals a.Id
                select new Row(n.Id, s.FullName, s.Role, r.Id, r.CaseReference, t.Name, a.Name, n.Status, n.Consent, n.ConsentDate,
                    db.ShadowedSessions.Count(x => x.NominationId == n.Id), n.NominatedAt))
                .ToListAsync(cancellationToken);
            await audit.WriteAsync(AuditActions.ShadowingViewed, nameof(ShadowingNomination), null, "the ISW's nominations",
                cancellationToken: cancellationToken);
            return rows.OrderBy(r => r.Status == NominationStatus.Nominated ? 0 : 1).ThenByDescending(r => r.NominatedAt).ToList();
        }
    }
}
