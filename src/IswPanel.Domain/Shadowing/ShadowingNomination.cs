using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Shadowing;

public enum NominationStatus
{
    /// <summary>Waiting for the ISW to accept or decline.</summary>
    Nominated,
    Accepted,
    Declined,

    /// <summary>The commissioner withdrew it, or the assignment ended.</summary>
    Withdrawn,
}

public enum FamilyConsent
{
    NotRecorded,
    Given,
    Refused,
}

/// <summary>
/// An authority's request that one of its junior practitioners shadow the ISW on one assignment. The ISW
/// accepts or declines; the family must consent before the shadower attends any session.
/// </summary>
public sealed class ShadowingNomination : Entity
{
    private ShadowingNomination() { }

    public const int MaxHopesLength = 2000;
    public const int MaxReasonLength = 1000;

    public Guid ShadowerId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public Guid AssessmentRequestId { get; private set; }
    public Guid AssignmentId { get; private set; }
    public Guid IswProfileId { get; private set; }

    /// <summary>What the practitioner hopes to learn: shown to the ISW when deciding.</summary>
    public string HopesToLearn { get; private set; } = "";
    public DateTime NominatedAt { get; private set; }
    public Guid NominatedByUserId { get; private set; }

    public NominationStatus Status { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }

    public FamilyConsent Consent { get; private set; }

    /// <summary>The day the family gave (or refused) consent; sessions before it cannot be attended.</summary>
    public DateOnly? ConsentDate { get; private set; }
    public DateTime? ConsentRecordedAt { get; private set; }

    public static ShadowingNomination Nominate(Shadower shadower, Guid requestAuthorityId, Guid requestId, Guid assignmentId,
        Guid iswProfileId, string? hopesToLearn, DateTime now, Guid nominatedByUserId)
    {
        if (shadower.AuthorityId != requestAuthorityId)
            throw new DomainException("A practitioner can only shadow on their own authority's assessments.");
        var hopes = hopesToLearn?.Trim() ?? "";
        if (hopes.Length == 0) throw new DomainException("Enter what the practitioner hopes to learn.", nameof(HopesToLearn));
        if (hopes.Length > MaxHopesLength) throw new DomainException("What they hope to learn must be 2,000 characters or fewer.", nameof(HopesToLearn));
        return new ShadowingNomination
        {
            ShadowerId = shadower.Id,
            AuthorityId = shadower.AuthorityId,
            AssessmentRequestId = requestId,
            AssignmentId = assignmentId,
            IswProfileId = iswProfileId,
            HopesToLearn = hopes,
            NominatedAt = now,
            NominatedByUserId = nominatedByUserId,
            Status = NominationStatus.Nominated,
        };
    }

    public void Accept(DateTime now)
    {
        if (Status != NominationStatus.Nominated) throw new DomainException($"This nomination is already {Status.ToString().ToLowerInvariant()}.");
        Status = NominationStatus.Accepted;
        DecidedAt = now;
    }

    public void Decline(string? reason, DateTime now)
    {
        if (Status != NominationStatus.Nominated) throw new DomainException($"This nomination is already {Status.ToString().ToLowerInvariant()}.");
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) throw new DomainException("Enter why you are declining the nomination.", nameof(DeclineReason));
        if (why.Length > MaxReasonLength) throw new DomainException("The reason must be 1,000 characters or fewer.", nameof(DeclineReason));
        Status = NominationStatus.Declined;
        DecidedAt = now;
        DeclineReason = why;
    }

    public void Withdraw(string reason, DateTime now)
    {
        if (Status is NominationStatus.Declined or NominationStatus.Withdrawn) return;
        Status = NominationStatus.Withdrawn;
        DecidedAt = now;
        DeclineReason = reason;
    }

    /// <summary>The ISW records the family's answer. Consent can later be withdrawn (recorded as refused), never assumed.</summary>
    public void RecordConsent(bool given, DateOnly on, DateOnly today, DateTime now)
    {
        if (Status != NominationStatus.Accepted) throw new DomainException("Accept the nomination before recording the family's consent.");
        if (on > today) throw new DomainException("The date of consent must be today or in the past.", nameof(ConsentDate));
        if (on < DateOnly.FromDateTime(NominatedAt))
            throw new DomainException($"The date of consent must be on or after {DisplayDates.Show(DateOnly.FromDateTime(NominatedAt))}, when the practitioner was nominated.", nameof(ConsentDate));
        Consent = given ? FamilyConsent.Given : FamilyConsent.Refused;
        ConsentDate = on;
        ConsentRecordedAt = now;
    }

    /// <summary>Whether the shadower may attend (and reflect on) a session held on <paramref name="sessionDate"/>.</summary>
    public void EnsureMayAttend(DateOnly sessionDate)
    {
        if (Status != NominationStatus.Accepted) throw new DomainException("The nomination has not been accepted.");
        if (Consent != FamilyConsent.Given || ConsentDate is not { } consentedOn)
            throw new DomainException("The family has not consented to a shadower, so no session can be attended or reflected on.");
        if (sessionDate < consentedOn)
            throw new DomainException($"This session was before the family consented on {DisplayDates.Show(consentedOn)}.");
    }
}
