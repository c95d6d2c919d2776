using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyWork;

/// <summary>An ISW's home: their panel status, compliance documents, load and assigned work.</summary>
public static class MyWorkOverview
{
    public sealed record Query : IQuery<Result<Overview>>;

    public sealed record Overview(
        string Name,
        PanelMemberStatus Status,
        int PqeYears,
        int Capacity,
        IReadOnlyList<Document> Documents,
        IReadOnlyList<Assignment> Assignments);

    public sealed record Document(ComplianceDocumentKind Kind, DateOnly? ExpiresOn, bool Lapsed, bool LapsingSoon);

    public sealed record Assignment(Guid RequestId, string CaseReference, string AssessmentTypeName, string Authority,
        AssessmentRequestStatus Status, DateOnly FilingDeadline);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Result<Overview>>
    {
        public async ValueTask<Result<Overview>> Handle(Query query, CancellationToken cancellationToken)
        {
            var profile = await db.IswProfiles.AsNoTracking().VisibleTo(me).Include(p => p.Documents)
                .SingleOrDefaultAsync(p => p.Id == me.IswProfileId, cancellationToken);
            if (profile is null) return Failure.NotFound;

            var today = clock.Today;
            var assignments = await (
                from r in db.AssessmentRequests.AsNoTracking().VisibleTo(me)
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                orderby r.FilingDeadline
                select new Assignment(r.Id, r.CaseReference, t.Name, a.Name, r.Status, r.FilingDeadline))
                .ToListAsync(cancellationToken);

            var documents = profile.Documents.OrderBy(d => d.Kind)
                .Select(d => new Document(d.Kind, d.ExpiresOn, !d.IsCurrentOn(today), d.ExpiresOn is { } e && e >= today && e <= today.AddDays(30)))
                .ToList();
            return new Overview(profile.FullName, profile.Status, profile.PqeYears(today), profile.Capacity, documents, assignments);
        }
    }
}
