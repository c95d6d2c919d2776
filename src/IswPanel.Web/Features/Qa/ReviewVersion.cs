using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Qa;

/// <summary>
/// A QA reviewer's decision on a report version, the same for the review page and the API: the rubric scored 1–4 per
/// active criterion (a comment each), and approve, or return with what must change. Reviewers never review their own
/// work (the reviewer is the ISW user of the version). A return sends the request back to the ISW with the comments;
/// the last approval needed (two for types that require a second reviewer, from different people) approves and
/// releases the version, delivers the request and tells the authority's commissioners. Every review records its
/// turnaround. Every decision changes the request's concurrency token, so two reviewers deciding at once cannot both
/// win: the loser gets a conflict.
/// </summary>
public static class ReviewVersion
{
    public static int ApprovalsNeeded(bool requiresSecondReviewer) => requiresSecondReviewer ? 2 : 1;

    public const string OwnWorkMessage = "You wrote this report, so another QA reviewer must review it.";
    public const string AlreadyDecidedMessage = "This version has already been decided, so your review was not saved.";
    public const string AlreadyReviewedMessage = "You have already reviewed this version. A second approval must come from another reviewer.";

    public sealed record PageQuery(Guid VersionId) : IQuery<Result<Page>>;

    public sealed record Page(
        Guid VersionId,
        int Number,
        ReportVersionStatus Status,
        DateTime SubmittedAt,
        string FileName,
        string? NoteToReviewer,
        RequestInfo Request,
        IReadOnlyList<VersionHistory> Versions,
        IReadOnlyList<Criterion> Criteria,
        bool OwnWork,
        bool ReviewedByYou,
        int Approvals,
        int ApprovalsNeeded,
        Command Form)
    {
        public bool CanReview => Status == ReportVersionStatus.InQa && !OwnWork && !ReviewedByYou;
    }

    public sealed record RequestInfo(Guid Id, string CaseReference, string ChildInitials, string AssessmentType, string Authority, string Isw,
        DateOnly FilingDeadline, DateOnly? QaDue, int? BudgetHours, string? Notes, IReadOnlyList<string> Parties, Guid? LetterId, string? LetterName);

    public sealed record VersionHistory(Guid Id, int Number, ReportVersionStatus Status, DateTime SubmittedAt, string? NoteToReviewer,
        IReadOnlyList<ReviewView> Reviews);

    public sealed record ReviewView(string Reviewer, QaDecision Decision, string? Summary, DateTime DecidedAt, double MeanScore,
        int TurnaroundWorkingDays, IReadOnlyList<RubricScore> Scores);

    public sealed record Criterion(Guid Id, string Name, string? Description);

    /// <summary>The review form and the API's body. <see cref="Comments"/> is what must change (required to return).</summary>
    public sealed record Command : ICommand<Result<Outcome>>
    {
        public Guid VersionId { get; init; }
        public QaDecision? Decision { get; init; }
        public List<ScoreInput> Scores { get; init; } = [];
        public string? Comments { get; init; }
    }

    public sealed record ScoreInput
    {
        public Guid CriterionId { get; init; }
        public int? Score { get; init; }
        public string? Comment { get; init; }
    }

    /// <summary>What happened: returned, approved and waiting for another approval, or approved and released.</summary>
    public sealed record Outcome(Guid VersionId, Guid RequestId, string Decision, bool Released, int Approvals, int ApprovalsNeeded);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).NotNull().WithMessage("Select whether to approve the report or return it.");
            RuleFor(c => c.Comments).NotEmpty().When(c => c.Decision == QaDecision.Return)
                .WithMessage("Say what must change before the report can be approved.");
            RuleFor(c => c.Comments).MaximumLength(4000).WithMessage("What must change must be 4,000 characters or fewer.");
            RuleForEach(c => c.Scores).ChildRules(score =>
                score.RuleFor(s => s.Comment).MaximumLength(2000).WithMessage("A comment must be 2,000 characters or fewer."));
        }
    }

    public sealed class PageHandler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<PageQuery, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(PageQuery query, CancellationToken cancellationToken)
        {
            var row = await (
                from rv in db.ReportVersions.AsNoTracking()
                where rv.Id == query.VersionId
                join rq in db.AssessmentRequests on rv.AssessmentRequestId equals rq.Id
                join t in db.AssessmentTypes on rq.AssessmentTypeId equals t.Id
                join a in db.Authorities on rq.AuthorityId equals a.Id
                join i in db.IswProfiles on rv.IswProfileId equals i.Id
                join f in db.StoredFiles on rv.StoredFileId equals f.Id
                join l in db.StoredFiles on rq.LetterOfInstructionFileId equals l.Id into letters
                from l in letters.DefaultIfEmpty()
                select new
                {
                    Version = rv, Request = rq, Type = t.Name, t.RequiresSecondReviewer, Authority = a.Name, Isw = i.FullName, IswUserId = i.UserId,
                    FileName = f.OriginalName, LetterName = l == null ? null : l.OriginalName,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (row is null) return Failure.NotFound;
            await audit.WriteAsync(AuditActions.RequestViewed, nameof(AssessmentRequest), row.Request.Id.ToString(), "QA review page",
                cancellationToken: cancellationToken);

            var v = row.Version;
            var r = row.Request;
            var requestId = r.Id;
            var versions = await db.ReportVersions.AsNoTracking().Where(x => x.AssessmentRequestId == requestId).OrderByDescending(x => x.Number)
                .ToListAsync(cancellationToken);
            var reviews = await (
                from q in db.QaReviews.AsNoTracking()
                where q.AssessmentRequestId == requestId
                join u in db.Users on q.ReviewerUserId equals u.Id
                orderby q.DecidedAt
                select new { Review = q, Reviewer = u.DisplayName })
                .ToListAsync(cancellationToken);
            var criteria = await db.RubricCriteria.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name)
                .Select(c => new Criterion(c.Id, c.Name, c.Description)).ToListAsync(cancellationToken);

            var history = versions.Select(x => new VersionHistory(x.Id, x.Number, x.Status, x.SubmittedAt, x.NoteToReviewer,
                [.. reviews.Where(q => q.Review.ReportVersionId == x.Id).Select(q => new ReviewView(q.Reviewer, q.Review.Decision, q.Review.Summary,
                    q.Review.DecidedAt, q.Review.MeanScore, q.Review.TurnaroundWorkingDays, [.. q.Review.Scores]))])).ToList();
            var thisVersion = reviews.Where(q => q.Review.ReportVersionId == v.Id).ToList();
            var info = new RequestInfo(r.Id, r.CaseReference, r.ChildInitials, row.Type, row.Authority, row.Isw, r.FilingDeadline,
                r.Milestones.FirstOrDefault(m => m.Name == MilestoneNames.QaCompleteBy)?.Due, r.BudgetHours, r.Notes,
                [.. r.Parties.Select(p => $"{p.Role}, {p.Initials}")], r.LetterOfInstructionFileId, row.LetterName);
            var form = new Command { VersionId = v.Id, Scores = [.. criteria.Select(c => new ScoreInput { CriterionId = c.Id })] };
            return new Page(v.Id, v.Number, v.Status, v.SubmittedAt, row.FileName, v.NoteToReviewer, info, history, criteria,
                OwnWork: row.IswUserId == me.UserId || v.SubmittedByUserId == me.UserId,
                ReviewedByYou: thisVersion.Any(q => q.Review.ReviewerUserId == me.UserId),
                Approvals: thisVersion.Count(q => q.Review.Decision == QaDecision.Approve),
                ApprovalsNeeded(row.RequiresSecondReviewer), form);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, WorkingDayCalendar calendar, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.UserId is not { } reviewerId) return Failure.Forbidden;
            var version = await db.ReportVersions.SingleOrDefaultAsync(v => v.Id == command.VersionId, cancellationToken);
            if (version is null) return Failure.NotFound;

            var authorUserId = await db.IswProfiles.Where(p => p.Id == version.IswProfileId).Select(p => p.UserId).SingleAsync(cancellationToken);
            if (authorUserId == reviewerId || version.SubmittedByUserId == reviewerId)
                return new Failure(ResultStatus.Forbidden, new Dictionary<string, string[]> { [""] = [OwnWorkMessage] });

            var request = await db.AssessmentRequests.SingleAsync(r => r.Id == version.AssessmentRequestId, cancellationToken);
            if (version.Status != ReportVersionStatus.InQa || request.Status != AssessmentRequestStatus.InQa)
                return Failure.Conflict(AlreadyDecidedMessage);
            var earlier = await db.QaReviews.AsNoTracking().Where(q => q.ReportVersionId == version.Id)
                .Select(q => new { q.ReviewerUserId, q.Decision }).ToListAsync(cancellationToken);
            if (earlier.Any(q => q.ReviewerUserId == reviewerId)) return Failure.Conflict(AlreadyReviewedMessage);

            var scores = await ScoresAsync(command, cancellationToken);
            if (!scores.IsSuccess) return new Failure(scores.Status, scores.Errors);

            var type = await db.AssessmentTypes.AsNoTracking().Where(t => t.Id == request.AssessmentTypeId)
                .Select(t => new { t.Name, t.RequiresSecondReviewer }).SingleAsync(cancellationToken);
            var now = clock.UtcNow;
            var today = clock.Today;
            var decision = command.Decision!.Value;
            var review = QaReview.Record(version, reviewerId, reviewerIsAuthor: false, decision, command.Comments, scores.Value!, now,
                WorkingDays(DateOnly.FromDateTime(version.SubmittedAt.ToUkTime()), today));
            db.QaReviews.Add(review);
            // Every decision changes the request's token, so a racing decision on the same request fails to save.
            db.Entry(request).Property(r => r.Version).CurrentValue = Guid.NewGuid();

            var name = RequestWording.Name(type.Name, request.CaseReference);
            var link = $"/requests/{request.Id}";
            var needed = ApprovalsNeeded(type.RequiresSecondReviewer);
            if (decision == QaDecision.Return)
            {
                version.Return(now);
                request.ReturnFromQa(now);
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, reviewerId, $"Report version {version.Number} returned by QA to the social worker."));
                await notifier.TellIswAsync(version.IswProfileId, NotificationCategories.Assignments,
                    $"QA returned version {version.Number} of your report for {name}. What must change: {review.Summary}", link, cancellationToken);
                audit.Add(AuditActions.ReportReturned, nameof(ReportVersion), version.Id.ToString(), $"version {version.Number}");
                return new Outcome(version.Id, request.Id, "returned", Released: false, 0, needed);
            }

            var approvals = earlier.Count(q => q.Decision == QaDecision.Approve) + 1;
            audit.Add(AuditActions.ReportApproved, nameof(ReportVersion), version.Id.ToString(), $"version {version.Number}: approval {approvals} of {needed}");
            if (approvals < needed)
            {
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, reviewerId,
                    $"Report version {version.Number} approved by the first QA reviewer; waiting for a second reviewer."));
                return new Outcome(version.Id, request.Id, "approved", Released: false, approvals, needed);
            }

            version.Approve(now);
            version.Release(now);
            var late = today > request.FilingDeadline ? WorkingDays(request.FilingDeadline, today) : 0;
            request.Release(version.Id, late, now);
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, reviewerId,
                $"Report version {version.Number} approved by QA and released to the authority{(late > 0 ? $", {RequestWording.WorkingDays(late)} late" : "")}."));
            await notifier.TellAuthorityAsync(request.AuthorityId, NotificationCategories.Requests,
                $"The report for {name} has been released after quality assurance. You can download it from the request page.", link, cancellationToken);
            await notifier.TellIswAsync(version.IswProfileId, NotificationCategories.Assignments,
                $"QA approved version {version.Number} of your report for {name}; it has been released to the authority.", link, cancellationToken);
            audit.Add(AuditActions.ReportReleased, nameof(AssessmentRequest), request.Id.ToString(), $"version {version.Number}; {late} working days late");
            return new Outcome(version.Id, request.Id, "approved", Released: true, approvals, needed);
        }

        /// <summary>One score per active criterion, each 1–4, with the criterion's wording as it is now.</summary>
        private async Task<Result<IReadOnlyCollection<RubricScore>>> ScoresAsync(Command command, CancellationToken cancellationToken)
        {
            var criteria = await db.RubricCriteria.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name)
                .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            var errors = new Dictionary<string, string[]>();
            var scores = new List<RubricScore>();
            for (var i = 0; i < criteria.Count; i++)
            {
                var criterion = criteria[i];
                var index = command.Scores.FindIndex(s => s.CriterionId == criterion.Id);
                var input = index < 0 ? null : command.Scores[index];
                if (input?.Score is not (>= RubricScore.Lowest and <= RubricScore.Highest))
                {
                    errors[$"{nameof(Command.Scores)}[{(index < 0 ? i : index)}].{nameof(ScoreInput.Score)}"] = [$"Score “{criterion.Name}” from 1 to 4."];
                    continue;
                }

                scores.Add(new RubricScore(criterion.Id, criterion.Name, input.Score.Value, string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim()));
            }

            if (errors.Count > 0) return Result<IReadOnlyCollection<RubricScore>>.Failure(ResultStatus.Invalid, errors);
            return scores;
        }

        private int WorkingDays(DateOnly from, DateOnly to) =>
            calendar.Covers(from) && calendar.Covers(to) ? Math.Max(0, calendar.WorkingDaysBetween(from, to)) : 0;
    }
}
