using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Work;

/// <summary>
/// The assigned ISW uploads their report (a PDF or DOCX up to 20 MB, its type decided by its content) as the next
/// version: numbered after the last, stored like other documents, sent to QA (the request becomes In QA; from
/// Assigned it starts the work first), and the QA reviewers are told. One version is in QA at a time; earlier
/// versions stay. The page and the API send this same command.
/// </summary>
public static class SubmitReportVersion
{
    public const string OneAtATime = "A version of this report is already with QA. You can upload the next version if QA returns it.";
    public const string NotInProgress = "You can upload a report only while the assessment is assigned to you or in progress.";

    /// <summary>Why no version can be uploaded now, or null when one can.</summary>
    public static string? WhyNot(AssessmentRequestStatus status, bool versionInQa) =>
        versionInQa || status == AssessmentRequestStatus.InQa ? OneAtATime
        : status is AssessmentRequestStatus.Assigned or AssessmentRequestStatus.InProgress ? null
        : NotInProgress;

    public sealed record Command : ICommand<Result<Submitted>>
    {
        /// <summary>The request (the page's address); set from the route.</summary>
        [BindNever]
        public Guid? RequestId { get; init; }

        /// <summary>The assignment (the API's address); set from the route.</summary>
        [BindNever]
        public Guid? AssignmentId { get; init; }

        public IFormFile? File { get; init; }
        public string? NoteToReviewer { get; init; }

        /// <summary>Optional, asked when the report comes after the filing deadline: the evidence pack groups these.</summary>
        public string? LateReason { get; init; }
    }

    public sealed record Submitted(Guid VersionId, int Number, Guid RequestId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // The file is checked by the handler, after the assignment: another ISW's assignment is a 404, never a 400.
            RuleFor(c => c.NoteToReviewer).MaximumLength(2000).WithMessage("The note to the reviewer must be 2000 characters or fewer");
            RuleFor(c => c.LateReason).MaximumLength(AssessmentRequest.MaxLateReasonLength)
                .WithMessage("Why the report is after the deadline must be 1,000 characters or fewer");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Uploads uploads, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Command, Result<Submitted>>
    {
        public async ValueTask<Result<Submitted>> Handle(Command command, CancellationToken cancellationToken)
        {
            var requestId = command.RequestId ?? (command.AssignmentId is { } assignmentId
                ? await CaseWork.RequestOfMyAssignmentAsync(db, me, assignmentId, cancellationToken)
                : null);
            if (requestId is null || me.UserId is not { } userId) return Failure.NotFound;
            var mine = await CaseWork.FindMineAsync(db, me, requestId.Value, track: true, cancellationToken);
            if (mine is not { } found) return Failure.NotFound;
            var (request, assignment) = found;
            if (Uploads.Precheck(command.File, UploadPolicy.Report) is { } fileProblem)
                return Failure.Invalid(nameof(Command.File), fileProblem);

            var versions = await db.ReportVersions.Where(v => v.AssessmentRequestId == request.Id)
                .Select(v => new { v.Number, v.Status }).ToListAsync(cancellationToken);
            if (WhyNot(request.Status, versions.Any(v => v.Status == ReportVersionStatus.InQa)) is { } refusal)
                return Failure.Conflict(refusal);

            var upload = await uploads.AcceptAsync(command.File, UploadPolicy.Report, ownerUserId: null, cancellationToken);
            if (!upload.Accepted) return Failure.Invalid(nameof(Command.File), upload.Error!);
            var file = upload.File!;

            var now = clock.UtcNow;
            var number = versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1;
            ReportVersion version;
            try
            {
                version = ReportVersion.Submit(request.Id, assignment.Id, assignment.IswProfileId, number, file.Id, command.NoteToReviewer,
                    userId, now);
                request.SendToQa(now);
                if (clock.Today > request.FilingDeadline && !string.IsNullOrWhiteSpace(command.LateReason))
                    request.RecordLateReason(command.LateReason, now);
            }
            catch (DomainException)
            {
                await uploads.DiscardAsync(file, cancellationToken);
                throw;
            }

            db.ReportVersions.Add(version);
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId, $"Report version {number} submitted to QA ({file.OriginalName})."));

            var type = await db.AssessmentTypes.AsNoTracking().Where(t => t.Id == request.AssessmentTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
            var reviewers = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.QaReviewer && !u.IsDisabled
                select u.Id).ToListAsync(cancellationToken);
            foreach (var reviewer in reviewers)
            {
                await notifier.TellAsync(reviewer, NotificationCategories.Requests,
                    $"Version {number} of the report for {RequestWording.Name(type, request.CaseReference)} is ready for QA.", "/qa", cancellationToken);
            }

            audit.Add(AuditActions.ReportVersionSubmitted, nameof(ReportVersion), version.Id.ToString(), $"version {number}, {file.Kind}, {file.Length} bytes");
            return new Submitted(version.Id, number, request.Id);
        }
    }
}
