using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// One request with the child's details. Only its authority, the panel staff and the assigned ISW
/// can read it; anyone else gets NotFound (so it looks absent). Every read is audited.
/// </summary>
public static class RequestDetails
{
    public sealed record Query(Guid Id) : IQuery<Result<Details>>;

    public sealed record Details(
        Guid Id,
        AssessmentRequestStatus Status,
        string AssessmentType,
        string AssessmentTypeName,
        ListRequests.AuthorityRef Authority,
        string CaseReference,
        string ChildInitials,
        DateOnly FilingDeadline,
        string PostcodeDistrict,
        string? CourtCaseNumber,
        string? Language,
        int? BudgetHours,
        string? Notes,
        IReadOnlyList<Milestone> Milestones,
        ListRequests.IswRef? AssignedIsw,
        DateTime CreatedAt,
        DateTime? SubmittedAt);

    /// <summary>A dated step planned back from the filing deadline (planned with matching and offers).</summary>
    public sealed record Milestone(string Name, DateOnly Due);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Query, Result<Details>>
    {
        public async ValueTask<Result<Details>> Handle(Query query, CancellationToken cancellationToken)
        {
            var details = await (
                from r in db.AssessmentRequests.AsNoTracking().VisibleTo(me)
                where r.Id == query.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                join i in db.IswProfiles on r.AssignedIswId equals i.Id into assigned
                from i in assigned.DefaultIfEmpty()
                select new Details(r.Id, r.Status, t.Code, t.Name, new ListRequests.AuthorityRef(a.Id, a.Name), r.CaseReference,
                    r.ChildInitials, r.FilingDeadline, r.PostcodeDistrict, r.CourtCaseNumber, r.Language, r.BudgetHours, r.Notes,
                    new List<Milestone>(), i == null ? null : new ListRequests.IswRef(i.Id, i.FullName), r.CreatedAt, r.SubmittedAt))
                .SingleOrDefaultAsync(cancellationToken);

            if (details is null) return Failure.NotFound;
            await audit.WriteAsync(AuditActions.RequestViewed, "AssessmentRequest", details.Id.ToString(), cancellationToken: cancellationToken);
            return details;
        }
    }
}
