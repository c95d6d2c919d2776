using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Delivery;

/// <summary>
/// The commissioner rates a delivered assessment (quality, timeliness, communication, 1–5, and a comment); the
/// request then closes and its retention clock starts with its type's policy. Once only; another authority's
/// request, or one not yet released, is not found.
/// </summary>
public static class GiveFeedback
{
    public sealed record Command : ICommand<Result<Done>>
    {
        public Guid RequestId { get; init; }
        public int? Quality { get; init; }
        public int? Timeliness { get; init; }
        public int? Communication { get; init; }
        public string? Comment { get; init; }
    }

    public const string AlreadyGiven = "You have already given feedback on this assessment.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Quality).NotNull().WithMessage("Rate the quality of the report from 1 to 5.").InclusiveBetween(1, 5).WithMessage("Rate the quality of the report from 1 to 5.");
            RuleFor(c => c.Timeliness).NotNull().WithMessage("Rate the timeliness from 1 to 5.").InclusiveBetween(1, 5).WithMessage("Rate the timeliness from 1 to 5.");
            RuleFor(c => c.Communication).NotNull().WithMessage("Rate the communication from 1 to 5.").InclusiveBetween(1, 5).WithMessage("Rate the communication from 1 to 5.");
            RuleFor(c => c.Comment).MaximumLength(2000).WithMessage("The comment must be 2,000 characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit, Notifier notifier)
        : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is not { } authorityId || me.UserId is not { } userId) return Failure.NotFound;
            var request = await db.AssessmentRequests
                .SingleOrDefaultAsync(r => r.Id == command.RequestId && r.AuthorityId == authorityId && r.ReleasedAt != null, cancellationToken);
            if (request is null) return Failure.NotFound;
            if (await db.AssessmentFeedback.AnyAsync(f => f.AssessmentRequestId == request.Id, cancellationToken)) return Failure.Conflict(AlreadyGiven);
            if (request.Status != AssessmentRequestStatus.Delivered) return Failure.Conflict("This request is no longer waiting for feedback.");

            var type = await db.AssessmentTypes.AsNoTracking().Where(t => t.Id == request.AssessmentTypeId)
                .Select(t => new { t.Name, t.RetentionYears }).SingleAsync(cancellationToken);
            var iswId = await db.ReportVersions.Where(v => v.Id == request.ReleasedReportVersionId).Select(v => (Guid?)v.IswProfileId)
                .SingleOrDefaultAsync(cancellationToken) ?? request.AssignedIswId;
            if (iswId is null) return Failure.Conflict("This request has no social worker to rate.");

            var now = clock.UtcNow;
            db.AssessmentFeedback.Add(AssessmentFeedback.Give(request.Id, iswId.Value, command.Quality!.Value, command.Timeliness!.Value,
                command.Communication!.Value, command.Comment, userId, now));
            request.Close(now);
            request.SetRetention(clock.Today, type.RetentionYears);
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, userId, "The authority rated the assessment; the request is closed."));
            audit.Add(AuditActions.FeedbackGiven, nameof(AssessmentRequest), request.Id.ToString(),
                $"quality {command.Quality}, timeliness {command.Timeliness}, communication {command.Communication}");
            await notifier.TellIswAsync(iswId.Value, NotificationCategories.Assignments,
                $"The authority has rated your work on {RequestWording.Name(type.Name, request.CaseReference)}.", "/my-measures", cancellationToken);
            return Done.Value;
        }
    }
}
