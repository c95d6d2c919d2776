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
/// The ISW accepts a nomination, or declines it with a reason. Only the ISW the nomination names decides; for anyone
/// else it does not exist. The authority's commissioners are told either way, and the practitioner when accepted
/// (without the case's details: they see only the sessions they attend).
/// </summary>
public static class DecideNomination
{
    public sealed record Accept(Guid NominationId) : ICommand<Result<Decided>>;

    public sealed record Decline : ICommand<Result<Decided>>
    {
        [BindNever]
        public Guid NominationId { get; init; }

        public string? Reason { get; init; }
    }

    public sealed record Decided(string ShadowerName);

    public sealed class DeclineValidator : AbstractValidator<Decline>
    {
        public DeclineValidator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Enter why you are declining the nomination.")
                .MaximumLength(ShadowingNomination.MaxReasonLength).WithMessage("The reason must be 1,000 characters or fewer.");
    }

    public sealed class AcceptHandler(AppDbContext db, ICurrentUser me, Notifier notifier, IClock clock, IAuditLog audit)
        : ICommandHandler<Accept, Result<Decided>>
    {
        public async ValueTask<Result<Decided>> Handle(Accept command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.OnMyAssignments(me).SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            nomination.Accept(clock.UtcNow);

            var facts = await NominationFacts.ForAsync(db, nomination, cancellationToken);
            await notifier.TellAuthorityAsync(nomination.AuthorityId, NotificationCategories.Requests,
                $"{facts.IswName} accepted {facts.ShadowerName}'s nomination to shadow {facts.CaseReference} ({facts.AssessmentTypeName}).",
                "/shadowing", cancellationToken);
            await notifier.TellAsync(facts.ShadowerUserId, NotificationCategories.Assignments,
                $"{facts.IswName} accepted your nomination to shadow a {facts.AssessmentTypeName.ToLowerInvariant()} for {facts.AuthorityName}. " +
                "They will ask the family's consent before you attend a session.",
                "/shadowing/mine", cancellationToken);
            audit.Add(AuditActions.NominationAccepted, nameof(ShadowingNomination), nomination.Id.ToString(),
                subjectAuthorityId: nomination.AuthorityId);
            return new Decided(facts.ShadowerName);
        }
    }

    public sealed class DeclineHandler(AppDbContext db, ICurrentUser me, Notifier notifier, IClock clock, IAuditLog audit)
        : ICommandHandler<Decline, Result<Decided>>
    {
        public async ValueTask<Result<Decided>> Handle(Decline command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.OnMyAssignments(me).SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            nomination.Decline(command.Reason, clock.UtcNow);

            var facts = await NominationFacts.ForAsync(db, nomination, cancellationToken);
            await notifier.TellAuthorityAsync(nomination.AuthorityId, NotificationCategories.Requests,
                $"{facts.IswName} declined {facts.ShadowerName}'s nomination to shadow {facts.CaseReference} ({facts.AssessmentTypeName}): {nomination.DeclineReason}",
                "/shadowing", cancellationToken);
            audit.Add(AuditActions.NominationDeclined, nameof(ShadowingNomination), nomination.Id.ToString(), nomination.DeclineReason,
                subjectAuthorityId: nomination.AuthorityId);
            return new Decided(facts.ShadowerName);
        }
    }
}
