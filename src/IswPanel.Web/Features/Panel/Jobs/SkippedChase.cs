using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Jobs;

namespace IswPanel.Web.Features.Panel.Jobs;

/// <summary>
/// A chaser that did not contact an applicant because non-solicitation protects them (they are a client authority's
/// shadower): the reason goes into the audit trail once (its own effect key, "{key}:skipped"), and the chase's own key
/// stays unclaimed, so the applicant is chased as usual once the restriction ends.
/// </summary>
internal static class SkippedChase
{
    public static async Task<SweepOutcome> RecordAsync(AppDbContext db, IAuditLog audit, IClock clock, string key, string entityType, Guid entityId,
        LinkedShadowers.Restriction why, CancellationToken cancellationToken)
    {
        var skipped = $"{key}:skipped";
        if (await db.EffectDoneAsync(skipped, cancellationToken)) return SweepOutcome.NotDue;
        db.ClaimEffect(skipped, clock.UtcNow);
        audit.Add(AuditActions.ChaseSkipped, entityType, entityId.ToString(), $"{key}: not sent. {why.Explain()}",
            subjectAuthorityId: why.Shadower.AuthorityId);
        return SweepOutcome.NotDue;
    }
}
