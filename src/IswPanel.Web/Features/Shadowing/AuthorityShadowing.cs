using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// A commissioner's view of their authority's shadowing (GET /shadowing): each practitioner recorded, their nominations
/// (request, social worker, status, the family's consent) and the sessions and hours they attended, with links to
/// each practitioner's summary and to the hours by month. The read is audited.
/// </summary>
public static class AuthorityShadowing
{
    public sealed record Query : IQuery<Result<Page>>;

    public sealed record Page(string AuthorityName, IReadOnlyList<ShadowerRow> Shadowers)
    {
        public int Sessions => Shadowers.Sum(s => s.Sessions);
        public int Minutes => Shadowers.Sum(s => s.Minutes);
    }

    public sealed record ShadowerRow(Guid Id, string FullName, ShadowerRole Role, string WorkEmail, DateOnly? LeftOn,
        IReadOnlyList<NominationRow> Nominations)
    {
        public int Sessions => Nominations.Sum(n => n.Sessions);
        public int Minutes => Nominations.Sum(n => n.Minutes);
    }

    public sealed record NominationRow(Guid Id, Guid RequestId, string CaseReference, string AssessmentTypeName, string IswName,
        NominationStatus Status, string? DeclineReason, FamilyConsent Consent, DateOnly? ConsentDate, int Sessions, int Minutes)
    {
        public bool CanWithdraw => Status is NominationStatus.Nominated or NominationStatus.Accepted;
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is not { } authorityId) return Failure.NotFound;
            var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.Name).SingleAsync(cancellationToken);
            var shadowers = await db.Shadowers.AsNoTracking().Where(s => s.AuthorityId == authorityId)
                .OrderBy(s => s.FullName)
                .Select(s => new { s.Id, s.FullName, s.Role, s.WorkEmail, s.LeftOn })
                .ToListAsync(cancellationToken);
            var nominations = await (
                from n in db.ShadowingNominations.AsNoTracking().OfMyAuthority(me)
                join r in db.AssessmentRequests on n.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join i in db.IswProfiles on n.IswProfileId equals i.Id
                orderby n.NominatedAt descending
                select new { n.Id, n.ShadowerId, RequestId = r.Id, r.CaseReference, TypeName = t.Name, IswName = i.FullName, n.Status, n.DeclineReason, n.Consent, n.ConsentDate })
                .ToListAsync(cancellationToken);
            var attended = await db.ShadowedSessions.AsNoTracking().Where(s => s.AuthorityId == authorityId)
                .GroupBy(s => s.NominationId)
                .Select(g => new { NominationId = g.Key, Sessions = g.Count(), Minutes = g.Sum(s => s.Minutes) })
                .ToDictionaryAsync(g => g.NominationId, cancellationToken);

            var rows = shadowers.Select(s => new ShadowerRow(s.Id, s.FullName, s.Role, s.WorkEmail, s.LeftOn,
                [.. nominations.Where(n => n.ShadowerId == s.Id).Select(n => new NominationRow(n.Id, n.RequestId, n.CaseReference, n.TypeName,
                    n.IswName, n.Status, n.DeclineReason, n.Consent, n.ConsentDate,
                    attended.TryGetValue(n.Id, out var a) ? a.Sessions : 0, attended.TryGetValue(n.Id, out var b) ? b.Minutes : 0))]))
                .ToList();
            await audit.WriteAsync(AuditActions.ShadowingViewed, "Authority", authorityId.ToString(), "the authority's shadowing",
                cancellationToken: cancellationToken, subjectAuthorityId: authorityId);
            return new Page(authority, rows);
        }
    }
}
