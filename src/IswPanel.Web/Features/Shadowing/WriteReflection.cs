using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// A shadower writes (or rewrites) a short reflection on a session they attended. Only their own nomination (anyone
/// else's is NotFound), only a session marked as attended on it ("Choose a session you attended"), and only while the
/// family's consent stands (the domain's rule). The ISW is told, and may comment.
/// </summary>
public static class WriteReflection
{
    public const string ChooseAttended = "Choose a session you attended.";

    public sealed record Load(Guid NominationId, Guid? SessionId = null) : IQuery<Result<FormPage>>;

    public sealed record FormPage(Guid NominationId, string AssessmentTypeName, string AuthorityName, string IswName,
        IReadOnlyList<Choice> Sessions, Command Form);

    public sealed record Choice(Guid SessionId, DateOnly Date, WorkKind Kind, int Minutes, bool Reflected);

    public sealed record Command : ICommand<Result<Written>>
    {
        [BindNever]
        public Guid NominationId { get; init; }

        public Guid? SessionId { get; init; }
        public string? Reflection { get; init; }
    }

    public sealed record Written(DateOnly Date, string IswName);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SessionId).NotEmpty().WithMessage(ChooseAttended);
            RuleFor(c => c.Reflection).NotEmpty().WithMessage("Enter your reflection.")
                .MaximumLength(ShadowedSession.MaxReflectionLength).WithMessage("The reflection must be 4,000 characters or fewer.");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me, IAuditLog audit) : IQueryHandler<Load, Result<FormPage>>
    {
        public async ValueTask<Result<FormPage>> Handle(Load query, CancellationToken cancellationToken)
        {
            var shadower = await ShadowingRecords.MeAsShadowerAsync(db, me, cancellationToken);
            if (shadower is null) return Failure.NotFound;
            var nomination = await (
                from n in db.ShadowingNominations.AsNoTracking()
                where n.Id == query.NominationId && n.ShadowerId == shadower.Id
                join a in db.Authorities on n.AuthorityId equals a.Id
                join i in db.IswProfiles on n.IswProfileId equals i.Id
                join r in db.AssessmentRequests on n.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new { n.Id, AuthorityName = a.Name, IswName = i.FullName, TypeName = t.Name })
                .SingleOrDefaultAsync(cancellationToken);
            if (nomination is null) return Failure.NotFound;

            var sessions = await (
                from x in db.ShadowedSessions.AsNoTracking()
                where x.NominationId == nomination.Id && x.ShadowerId == shadower.Id
                join e in db.WorkLogEntries on x.WorkLogEntryId equals e.Id
                orderby x.SessionDate
                select new { Choice = new Choice(x.Id, x.SessionDate, e.Kind, x.Minutes, x.Reflection != null), x.Reflection })
                .ToListAsync(cancellationToken);
            var chosen = sessions.FirstOrDefault(s => s.Choice.SessionId == query.SessionId);
            await audit.WriteAsync(AuditActions.ShadowingViewed, nameof(ShadowingNomination), nomination.Id.ToString(), "the shadower's reflections",
                cancellationToken: cancellationToken, subjectAuthorityId: shadower.AuthorityId);
            return new FormPage(nomination.Id, nomination.TypeName, nomination.AuthorityName, nomination.IswName,
                [.. sessions.Select(s => s.Choice)],
                new Command { NominationId = nomination.Id, SessionId = chosen?.Choice.SessionId, Reflection = chosen?.Reflection });
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, Notifier notifier, IClock clock, IAuditLog audit)
        : ICommandHandler<Command, Result<Written>>
    {
        public async ValueTask<Result<Written>> Handle(Command command, CancellationToken cancellationToken)
        {
            var shadower = await ShadowingRecords.MeAsShadowerAsync(db, me, cancellationToken);
            if (shadower is null) return Failure.NotFound;
            var nomination = await db.ShadowingNominations.AsNoTracking()
                .SingleOrDefaultAsync(n => n.Id == command.NominationId && n.ShadowerId == shadower.Id, cancellationToken);
            if (nomination is null) return Failure.NotFound;

            // The chosen session, by its own id or by the logged session's: only one this shadower attended on this nomination.
            var session = await db.ShadowedSessions.SingleOrDefaultAsync(s => s.NominationId == nomination.Id && s.ShadowerId == shadower.Id
                && (s.Id == command.SessionId || s.WorkLogEntryId == command.SessionId), cancellationToken);
            if (session is null) return Failure.Invalid(nameof(Command.SessionId), ChooseAttended);
            session.Reflect(nomination, command.Reflection, clock.UtcNow);

            var facts = await NominationFacts.ForAsync(db, nomination, cancellationToken);
            await notifier.TellIswAsync(nomination.IswProfileId, NotificationCategories.Assignments,
                $"{facts.ShadowerName} wrote a reflection on the session on {ShadowingRecords.Day(session.SessionDate)} ({facts.CaseReference}).",
                $"/my-shadowing/{nomination.Id}", cancellationToken);
            audit.Add(AuditActions.ReflectionWritten, nameof(ShadowedSession), session.Id.ToString(), subjectAuthorityId: nomination.AuthorityId);
            return new Written(session.SessionDate, facts.IswName);
        }
    }
}
