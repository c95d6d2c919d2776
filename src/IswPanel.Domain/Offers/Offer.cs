using IswPanel.Domain.Common;

namespace IswPanel.Domain.Offers;

public enum OfferStatus
{
    Open,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
}

/// <summary>
/// An offer of one request to one ISW, answered within a window of working days. The first acceptance of a
/// request wins; the others are withdrawn. An expired or declined offer cascades to the next candidate when
/// the administrator asked for that.
/// </summary>
public sealed class Offer : Entity
{
    private Offer() { }

    public Guid AssessmentRequestId { get; private set; }
    public Guid IswProfileId { get; private set; }
    public Guid SentByUserId { get; private set; }
    public DateTime SentAt { get; private set; }
    public int RespondWithinWorkingDays { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>Offer the request to the next candidate if this one is declined or lapses.</summary>
    public bool Cascade { get; private set; }
    public OfferStatus Status { get; private set; }
    public DateTime? RespondedAt { get; private set; }
    public string? DeclineReason { get; private set; }

    public const int DefaultResponseWorkingDays = 2;
    public const int MaxResponseWorkingDays = 10;

    public static Offer Send(Guid requestId, Guid iswProfileId, Guid sentBy, DateTime sentAt, int respondWithinWorkingDays,
        DateTime expiresAt, bool cascade)
    {
        if (respondWithinWorkingDays is < 1 or > MaxResponseWorkingDays)
            throw new DomainException($"The response window must be between 1 and {MaxResponseWorkingDays} working days.", "RespondWithinWorkingDays");
        if (expiresAt <= sentAt) throw new DomainException("An offer must expire after it is sent.");
        return new Offer
        {
            AssessmentRequestId = requestId,
            IswProfileId = iswProfileId,
            SentByUserId = sentBy,
            SentAt = sentAt,
            RespondWithinWorkingDays = respondWithinWorkingDays,
            ExpiresAt = expiresAt,
            Cascade = cascade,
            Status = OfferStatus.Open,
        };
    }

    public bool IsOpenAt(DateTime now) => Status == OfferStatus.Open && now < ExpiresAt;

    public void Accept(DateTime now)
    {
        EnsureOpen(now);
        Status = OfferStatus.Accepted;
        RespondedAt = now;
    }

    public void Decline(string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Tell us why you are declining.", "Reason");
        EnsureOpen(now);
        Status = OfferStatus.Declined;
        DeclineReason = reason.Trim().Length > 1000 ? reason.Trim()[..1000] : reason.Trim();
        RespondedAt = now;
    }

    /// <summary>Another ISW accepted first, or the request was cancelled.</summary>
    public void Withdraw(DateTime now)
    {
        if (Status != OfferStatus.Open) return;
        Status = OfferStatus.Withdrawn;
        RespondedAt = now;
    }

    /// <summary>The window has passed without an answer. Safe to call twice.</summary>
    public bool ExpireIfDue(DateTime now)
    {
        if (Status != OfferStatus.Open || now < ExpiresAt) return false;
        Status = OfferStatus.Expired;
        RespondedAt = now;
        return true;
    }

    private void EnsureOpen(DateTime now)
    {
        if (Status == OfferStatus.Open && now >= ExpiresAt) throw new OfferClosedException("This offer has expired.");
        if (Status != OfferStatus.Open) throw new OfferClosedException(Status switch
        {
            OfferStatus.Accepted => "You have already accepted this offer.",
            OfferStatus.Declined => "You have already declined this offer.",
            OfferStatus.Withdrawn => "This offer has been withdrawn: the request was assigned to someone else or cancelled.",
            _ => "This offer has expired.",
        });
    }
}

/// <summary>An answer to an offer that is no longer open: a conflict (409), not bad input.</summary>
public sealed class OfferClosedException(string message) : Exception(message);
