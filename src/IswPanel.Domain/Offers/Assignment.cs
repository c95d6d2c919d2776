using IswPanel.Domain.Common;

namespace IswPanel.Domain.Offers;

/// <summary>
/// The ISW who won a request. A request has at most one active assignment: the database enforces it with a
/// unique index on the active assignment per request, so racing acceptances cannot both win.
/// </summary>
public sealed class Assignment : Entity
{
    private Assignment() { }

    public Guid AssessmentRequestId { get; private set; }
    public Guid IswProfileId { get; private set; }
    public Guid OfferId { get; private set; }
    public DateTime AcceptedAt { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>Where the contract says so, the commissioner approves the proposed ISW before work starts.</summary>
    public DateTime? CommissionerApprovedAt { get; private set; }
    public Guid? CommissionerApprovedByUserId { get; private set; }

    /// <summary>The ISW's hourly rate when they accepted: what the authority is invoiced, even if the rate changes later.</summary>
    public decimal HourlyRate { get; private set; }

    public static Assignment FromAcceptedOffer(Offer offer, DateTime at, decimal hourlyRate = 0m) => new()
    {
        HourlyRate = hourlyRate,
        AssessmentRequestId = offer.AssessmentRequestId,
        IswProfileId = offer.IswProfileId,
        OfferId = offer.Id,
        AcceptedAt = at,
        IsActive = true,
    };

    public void ApproveByCommissioner(Guid userId, DateTime at)
    {
        if (!IsActive) throw new DomainException("This assignment has ended.");
        if (CommissionerApprovedAt is not null) throw new DomainException("The proposed social worker is already approved.");
        CommissionerApprovedAt = at;
        CommissionerApprovedByUserId = userId;
    }

    public void End(string reason, DateTime at)
    {
        if (!IsActive) return;
        IsActive = false;
        EndedAt = at;
        EndReason = reason;
    }
}
