using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// One step in a panel member's history: from which status to which, when, by whom (null when the system
/// did it, e.g. automatic suspension when a document lapses), and why. Kept so that vetting decisions,
/// suspensions and removals can be explained later.
/// </summary>
public sealed record MembershipTransition(PanelMemberStatus From, PanelMemberStatus To, DateTime At, Guid? ActorUserId, string Reason)
{
    /// <summary>The reason given for the change; never blank.</summary>
    public string Reason { get; } = string.IsNullOrWhiteSpace(Reason)
        ? throw new DomainException("Enter a reason for the change.")
        : Reason.Trim();

    /// <summary>
    /// Records a change of status after checking it against <see cref="PanelMemberStatusRules.CanMove"/>;
    /// a move the lifecycle does not allow is refused with <see cref="MembershipTransitions.RefusalReason"/>.
    /// </summary>
    public static MembershipTransition Record(PanelMemberStatus from, PanelMemberStatus to, DateTime at, Guid? actorUserId, string reason)
    {
        MembershipTransitions.EnsureAllowed(from, to);
        return new MembershipTransition(from, to, at, actorUserId, reason);
    }
}

/// <summary>
/// The panel membership lifecycle: Applicant → Under review → Active ⇄ Suspended → Removed; Under review →
/// Rejected, or back to Applicant when more information is requested. The moves themselves are
/// <see cref="PanelMemberStatusRules.CanMove"/>; this adds the words for a refused move.
/// </summary>
public static class MembershipTransitions
{
    public static bool IsAllowed(PanelMemberStatus from, PanelMemberStatus to) => PanelMemberStatusRules.CanMove(from, to);

    /// <summary>Why a move is refused, fit to show to the user; null when it is allowed.</summary>
    public static string? RefusalReason(PanelMemberStatus from, PanelMemberStatus to)
    {
        if (IsAllowed(from, to)) return null;
        return from == to
            ? $"A panel member who is {Words(from)} is already {Words(to)}."
            : $"A panel member who is {Words(from)} cannot become {Words(to)}.";
    }

    /// <summary>Throws a <see cref="DomainException"/> with <see cref="RefusalReason"/> when the move is not allowed.</summary>
    public static void EnsureAllowed(PanelMemberStatus from, PanelMemberStatus to)
    {
        if (RefusalReason(from, to) is { } refusal) throw new DomainException(refusal);
    }

    private static string Words(PanelMemberStatus status) => status.DisplayName().ToLowerInvariant();
}
