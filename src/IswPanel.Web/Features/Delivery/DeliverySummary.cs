using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Delivery;

/// <summary>
/// What the request page shows once the report is released: the QA summary (approved on, on time or how late, how
/// many versions, the mean rubric score; never reviewers' comments), the hours used against the budget (only entries
/// that count), and the authority's feedback or the form to give it. Nothing before release.
/// </summary>
public static class DeliverySummary
{
    public sealed record Query(Guid RequestId) : IQuery<Summary?>;

    public sealed record Summary(
        Guid RequestId,
        DateTime ReleasedAt,
        int WorkingDaysLate,
        int Versions,
        double? MeanScore,
        int CountedMinutes,
        int AwaitingApprovalMinutes,
        int? BudgetHours,
        Feedback? Feedback,
        bool CanGiveFeedback)
    {
        public decimal HoursUsed => decimal.Round(CountedMinutes / 60m, 2);
    }

    public sealed record Feedback(int Quality, int Timeliness, int Communication, string? Comment, DateTime GivenAt);

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Summary?>
    {
        public async ValueTask<Summary?> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = await db.AssessmentRequests.AsNoTracking().VisibleTo(me)
                .Where(r => r.Id == query.RequestId && r.ReleasedAt != null)
                .Select(r => new { r.Id, r.AuthorityId, r.ReleasedAt, r.WorkingDaysLate, r.BudgetHours, r.ReleasedReportVersionId })
                .SingleOrDefaultAsync(cancellationToken);
            if (request is null) return null;

            var versions = await db.ReportVersions.CountAsync(v => v.AssessmentRequestId == request.Id, cancellationToken);
            var scores = await db.QaReviews.AsNoTracking().Where(q => q.ReportVersionId == request.ReleasedReportVersionId)
                .SelectMany(q => q.Scores).Select(s => s.Score).ToListAsync(cancellationToken);
            var hours = await db.WorkLogEntries.AsNoTracking().Where(e => e.AssessmentRequestId == request.Id)
                .Select(e => new { e.Approval, e.DurationMinutes, e.TravelMinutes }).ToListAsync(cancellationToken);
            var feedback = await db.AssessmentFeedback.AsNoTracking().Where(f => f.AssessmentRequestId == request.Id)
                .Select(f => new Feedback(f.QualityRating, f.TimelinessRating, f.CommunicationRating, f.Comment, f.GivenAt))
                .SingleOrDefaultAsync(cancellationToken);

            return new Summary(request.Id, request.ReleasedAt!.Value, request.WorkingDaysLate ?? 0, versions,
                scores.Count == 0 ? null : scores.Average(),
                hours.Where(h => h.Approval is HoursApproval.WithinBudget or HoursApproval.Approved).Sum(h => h.DurationMinutes + h.TravelMinutes),
                hours.Where(h => h.Approval == HoursApproval.AwaitingApproval).Sum(h => h.DurationMinutes + h.TravelMinutes),
                request.BudgetHours, feedback,
                CanGiveFeedback: feedback is null && me.IsInRole(Roles.Commissioner) && me.AuthorityId == request.AuthorityId);
        }
    }
}
