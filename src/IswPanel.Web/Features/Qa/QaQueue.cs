using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Qa;

/// <summary>
/// Report versions waiting for review: requests at risk of missing their deadline on top, then by the date QA must
/// finish (the plan's "QA complete by" milestone), then the longest waiting. A version the reader wrote is marked and
/// cannot be reviewed by them; for types that need two approvals the count so far is shown.
/// </summary>
public static class QaQueue
{
    public sealed record Query : IQuery<Paged<Item>>
    {
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Item(
        Guid VersionId,
        Guid RequestId,
        string CaseReference,
        string AssessmentType,
        string Authority,
        string Isw,
        int VersionNumber,
        DateTime SubmittedAt,
        DateOnly? QaDue,
        int? WorkingDaysLeft,
        bool AtRisk,
        bool OwnWork,
        bool ReviewedByYou,
        int Approvals,
        int ApprovalsNeeded);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, WorkingDayCalendar calendar) : IQueryHandler<Query, Paged<Item>>
    {
        public async ValueTask<Paged<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, query.PageSize);
            var today = clock.Today;
            var userId = me.UserId ?? Guid.Empty;
            var rows = await (
                from v in db.ReportVersions.AsNoTracking()
                where v.Status == ReportVersionStatus.InQa
                join r in db.AssessmentRequests on v.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                join i in db.IswProfiles on v.IswProfileId equals i.Id
                select new
                {
                    VersionId = v.Id, RequestId = r.Id, r.CaseReference, Type = t.Name, Authority = a.Name, Isw = i.FullName, IswUserId = i.UserId,
                    v.Number, v.SubmittedAt, v.SubmittedByUserId, r.Status, r.FilingDeadline, r.AtRisk, t.TypicalWeeks, t.RequiresSecondReviewer, r.Milestones,
                    Approvals = db.QaReviews.Count(q => q.ReportVersionId == v.Id && q.Decision == QaDecision.Approve),
                    ReviewedByYou = db.QaReviews.Any(q => q.ReportVersionId == v.Id && q.ReviewerUserId == userId),
                })
                .ToListAsync(cancellationToken);

            var items = rows.Select(x =>
                {
                    var qaDue = x.Milestones.FirstOrDefault(m => m.Name == MilestoneNames.QaCompleteBy)?.Due;
                    int? left = qaDue is { } due && calendar.Covers(today) && calendar.Covers(due) ? calendar.WorkingDaysBetween(today, due) : null;
                    var atRisk = x.AtRisk || (calendar.Covers(today) && calendar.Covers(x.FilingDeadline)
                        && MilestoneSchedule.RiskOn(today, x.Status, x.FilingDeadline, x.TypicalWeeks, x.Milestones, calendar).AtRisk);
                    return new Item(x.VersionId, x.RequestId, x.CaseReference, x.Type, x.Authority, x.Isw, x.Number, x.SubmittedAt, qaDue, left,
                        atRisk, OwnWork: x.IswUserId == userId || x.SubmittedByUserId == userId, x.ReviewedByYou, x.Approvals,
                        ReviewVersion.ApprovalsNeeded(x.RequiresSecondReviewer));
                })
                .OrderByDescending(x => x.AtRisk)
                .ThenBy(x => x.QaDue ?? DateOnly.MaxValue)
                .ThenBy(x => x.SubmittedAt)
                .ToList();

            return new Paged<Item>([.. items.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, items.Count);
        }
    }
}
