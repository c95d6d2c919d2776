using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using RequestDetails = IswPanel.Web.Features.Requests.RequestDetails;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// The assigned ISW's case page: everything they need for the assessment (the request's details, the letter of
/// instruction, the milestones with the working days left), the hours against the budget, the log, and the report
/// versions with QA's comments. Only the ISW of the active assignment sees it; for anyone else it does not exist.
/// Reading the child's details is audited.
/// </summary>
public static class CasePage
{
    public sealed record Query(Guid RequestId) : IQuery<Result<Page>>;

    public sealed record Page(
        Guid RequestId,
        Guid AssignmentId,
        AssessmentRequestStatus Status,
        string AssessmentTypeName,
        string Authority,
        string CaseReference,
        string ChildInitials,
        IReadOnlyList<RequestDetails.Party> Parties,
        bool ForCourt,
        string? CourtName,
        string? CourtCaseNumber,
        DateOnly FilingDeadline,
        IReadOnlyList<string> SpecialRequirements,
        string? Language,
        bool InterpreterNeeded,
        string? Notes,
        RequestDetails.LetterRef? Letter,
        IReadOnlyList<RequestDetails.MilestoneRow> Milestones,
        CaseWork.Hours Hours,
        IReadOnlyList<CaseWork.LogRow> Log,
        IReadOnlyList<VersionRow> Versions,
        bool CanLog,
        string? UploadBlockedReason)
    {
        public bool CanUpload => UploadBlockedReason is null;
    }

    public sealed record VersionRow(Guid Id, int Number, ReportVersionStatus Status, DateTime SubmittedAt, string FileName,
        string? NoteToReviewer, bool Released, IReadOnlyList<ReviewRow> Reviews);

    public sealed record ReviewRow(QaDecision Decision, DateTime DecidedAt, string? Summary, IReadOnlyList<RubricScore> Scores);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit, WorkingDayCalendar calendar, IClock clock)
        : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var mine = await CaseWork.FindMineAsync(db, me, query.RequestId, track: false, cancellationToken);
            if (mine is not { } found) return Failure.NotFound;
            var (r, assignment) = found;
            await audit.WriteAsync(AuditActions.RequestViewed, nameof(AssessmentRequest), r.Id.ToString(), "case page",
                cancellationToken: cancellationToken);

            var names = await (
                from t in db.AssessmentTypes.AsNoTracking()
                where t.Id == r.AssessmentTypeId
                from a in db.Authorities.AsNoTracking()
                where a.Id == r.AuthorityId
                select new { Type = t.Name, Authority = a.Name }).SingleAsync(cancellationToken);
            var letter = r.LetterOfInstructionFileId is { } letterId
                ? await db.StoredFiles.AsNoTracking().Where(f => f.Id == letterId)
                    .Select(f => new RequestDetails.LetterRef(f.Id, f.OriginalName)).SingleOrDefaultAsync(cancellationToken)
                : null;

            var (log, hours) = await CaseWork.LogAsync(db, r.Id, r.BudgetHours, cancellationToken);
            var versions = await VersionsAsync(r.Id, cancellationToken);

            return new Page(r.Id, assignment.Id, r.Status, names.Type, names.Authority, r.CaseReference, r.ChildInitials,
                [.. r.Parties.Select(p => new RequestDetails.Party(p.Role, p.Initials))], r.ForCourt, r.CourtName, r.CourtCaseNumber,
                r.FilingDeadline, [.. r.SpecialRequirements], r.Language, r.InterpreterNeeded, r.Notes, letter,
                Milestones(r), hours, log, versions, CanLog: LogWork.CanLogIn(r.Status),
                SubmitReportVersion.WhyNot(r.Status, versions.Any(v => v.Status == ReportVersionStatus.InQa)));
        }

        private async Task<IReadOnlyList<VersionRow>> VersionsAsync(Guid requestId, CancellationToken cancellationToken)
        {
            var versions = await (
                from v in db.ReportVersions.AsNoTracking()
                where v.AssessmentRequestId == requestId
                join f in db.StoredFiles on v.StoredFileId equals f.Id
                orderby v.Number descending
                select new { Version = v, f.OriginalName }).ToListAsync(cancellationToken);
            var reviews = await db.QaReviews.AsNoTracking().Where(q => q.AssessmentRequestId == requestId)
                .OrderBy(q => q.DecidedAt).ToListAsync(cancellationToken);
            return [.. versions.Select(x => new VersionRow(x.Version.Id, x.Version.Number, x.Version.Status, x.Version.SubmittedAt, x.OriginalName,
                x.Version.NoteToReviewer, x.Version.ReleasedAt is not null,
                [.. reviews.Where(q => q.ReportVersionId == x.Version.Id).Select(q => new ReviewRow(q.Decision, q.DecidedAt, q.Summary, q.Scores))]))];
        }

        private List<RequestDetails.MilestoneRow> Milestones(AssessmentRequest r)
        {
            var today = clock.Today;
            var counting = r.Status.IsActiveAssignment();
            return [.. r.Milestones.OrderBy(m => m.Due).Select(m => Reached(m.Name, r.Status)
                ? new RequestDetails.MilestoneRow(m.Name, m.Due, null, Done: true)
                : new RequestDetails.MilestoneRow(m.Name, m.Due, counting ? WorkingDaysLeft(today, m.Due) : null, Done: false))];
        }

        private static bool Reached(string milestone, AssessmentRequestStatus status) => milestone switch
        {
            MilestoneNames.AllocateBy => true,
            MilestoneNames.DraftToQaBy => status is AssessmentRequestStatus.InQa or AssessmentRequestStatus.Delivered or AssessmentRequestStatus.Closed,
            MilestoneNames.QaCompleteBy or MilestoneNames.ReleaseBy => status is AssessmentRequestStatus.Delivered or AssessmentRequestStatus.Closed,
            _ => false,
        };

        private int? WorkingDaysLeft(DateOnly today, DateOnly due)
        {
            if (!calendar.Covers(today) || !calendar.Covers(due)) return null;
            var left = calendar.WorkingDaysBetween(today, due);
            return due < today ? Math.Min(left, -1) : left;
        }
    }
}
