using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// The ISW records the family's answer to a shadower: given or refused, and the day. No session can be attended
/// before consent is given, nor on a day before it; consent withdrawn later is recorded as refused, which also stops
/// reflections. The practitioner is told when the family agrees.
/// </summary>
public static class RecordConsent
{
    public sealed record Command : ICommand<Result<Recorded>>
    {
        [BindNever]
        public Guid NominationId { get; init; }

        public bool? Given { get; init; }

        /// <summary>Named as the domain names it, so its rules' messages land on this field.</summary>
        public DateInput ConsentDate { get; init; } = new();
    }

    public sealed record Recorded(string ShadowerName, FamilyConsent Consent);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Given).NotNull().WithMessage("Select whether the family gave consent.");
            RuleFor(c => c.ConsentDate).Must(d => !d.IsEmpty).WithMessage("Enter the date the family gave their answer.")
                .Must(d => d.ToDate() is not null).When(c => !c.ConsentDate.IsEmpty)
                .WithMessage("Enter the date the family gave their answer as a real date, like 27 11 2026.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, Notifier notifier, IClock clock, IAuditLog audit)
        : ICommandHandler<Command, Result<Recorded>>
    {
        public async ValueTask<Result<Recorded>> Handle(Command command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.OnMyAssignments(me).SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            var wasGiven = nomination.Consent == FamilyConsent.Given;
            nomination.RecordConsent(command.Given!.Value, command.ConsentDate.ToDate()!.Value, clock.Today, clock.UtcNow);

            var facts = await NominationFacts.ForAsync(db, nomination, cancellationToken);
            if (nomination.Consent == FamilyConsent.Given && !wasGiven)
            {
                await notifier.TellAsync(facts.ShadowerUserId, NotificationCategories.Assignments,
                    $"The family has agreed to you shadowing {facts.IswName}. {facts.IswName} will mark the sessions you attend; you can then write your reflections.",
                    "/shadowing/mine", cancellationToken);
            }

            audit.Add(AuditActions.ShadowingConsentRecorded, nameof(ShadowingNomination), nomination.Id.ToString(),
                $"{nomination.Consent} on {ShadowingRecords.Day(nomination.ConsentDate)}", subjectAuthorityId: nomination.AuthorityId);
            return new Recorded(facts.ShadowerName, nomination.Consent);
        }
    }
}
