using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// The ISW comments on a practitioner's reflection (a comment replaces the last one). Only on the ISW's own
/// nomination, and only once there is a reflection. The practitioner is told.
/// </summary>
public static class CommentOnReflection
{
    public sealed record Command : ICommand<Result<Done>>
    {
        [BindNever]
        public Guid NominationId { get; init; }

        [BindNever]
        public Guid SessionId { get; init; }

        public string? IswComment { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.IswComment).NotEmpty().WithMessage("Enter your comment.")
            .MaximumLength(ShadowedSession.MaxCommentLength).WithMessage("The comment must be 2,000 characters or fewer.");
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, Notifier notifier, IClock clock, IAuditLog audit)
        : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.AsNoTracking().OnMyAssignments(me)
                .SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            var session = await db.ShadowedSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.NominationId == nomination.Id, cancellationToken);
            if (session is null) return Failure.NotFound;
            session.Comment(command.IswComment, clock.UtcNow);

            var facts = await NominationFacts.ForAsync(db, nomination, cancellationToken);
            await notifier.TellAsync(facts.ShadowerUserId, NotificationCategories.Assignments,
                $"{facts.IswName} commented on your reflection on the session on {ShadowingRecords.Day(session.SessionDate)}.",
                "/shadowing/mine", cancellationToken);
            audit.Add(AuditActions.ReflectionCommented, nameof(ShadowedSession), session.Id.ToString(), subjectAuthorityId: nomination.AuthorityId);
            return Done.Value;
        }
    }
}
