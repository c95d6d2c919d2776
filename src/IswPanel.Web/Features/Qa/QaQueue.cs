using IswPanel.Data;
using IswPanel.Domain.Assessments;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Qa;

/// <summary>A QA reviewer's home: requests whose report is waiting for review, earliest filing deadline first.</summary>
public static class QaQueue
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid RequestId, string CaseReference, string AssessmentTypeName, string Authority, string Isw, DateOnly FilingDeadline);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken) =>
            await (
                from r in db.AssessmentRequests.AsNoTracking()
                where r.Status == AssessmentRequestStatus.InQa
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                join i in db.IswProfiles on r.AssignedIswId equals i.Id
                orderby r.FilingDeadline
                select new Item(r.Id, r.CaseReference, t.Name, a.Name, i.FullName, r.FilingDeadline))
                .ToListAsync(cancellationToken);
    }
}
