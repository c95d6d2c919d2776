using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// A commissioner withdraws one of their authority's nominations (the practitioner left, or plans changed). Sessions
/// already attended stay on the record. Another authority's nomination is NotFound. The ISW is told.
/// </summary>
public static class WithdrawNomination
{
    public sealed record Command(Guid NominationId) : ICommand<Result<Withdrawn>>;

    public sealed record Withdrawn(string ShadowerName);

    public sealed class Handler(AppDbContext db, ICurrentUser me, Notifier notifier, IClock clock, IAuditLog audit)
        : ICommandHandler<Command, Result<Withdrawn>>
    {
        public async ValueTask<Result<Withdrawn>> Handle(Command command, CancellationToken cancellationToken)
        {
            var nomination = await db.ShadowingNominations.OfMyAuthority(me).SingleOrDefaultAsync(n => n.Id == command.NominationId, cancellationToken);
            if (nomination is null) return Failure.NotFound;
            if (nomination.Status is NominationStatus.Declined or NominationStatus.Withdrawn)
                return Failure.Conflict($"This nomination has already been {nomination.Status.ToString().ToLowerInvariant()}.");

            var facts = await NominationFacts.ForAsync(db, nomination, cancellationToken);
            nomination.Withdraw($"Withdrawn by {me.DisplayName ?? "the authority"}.", clock.UtcNow);
            await notifier.TellIswAsync(nomination.IswProfileId, NotificationCategories.Assignments,
                $"The authority has withdrawn {facts.ShadowerName}'s nomination to shadow you on {facts.CaseReference} ({facts.AssessmentTypeName}).",
                $"/my-shadowing/{nomination.Id}", cancellationToken);
            audit.Add(AuditActions.NominationWithdrawn, nameof(ShadowingNomination), nomination.Id.ToString(), nomination.DeclineReason,
                subjectAuthorityId: nomination.AuthorityId);
            return new Withdrawn(facts.ShadowerName);
        }
    }
}
