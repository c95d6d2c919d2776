using System.Text.RegularExpressions;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// Someone an applicant names to give a reference. Two must be received, at least one from a recent
/// social-work employer (DOMAIN.md); administrators record when each arrives.
/// </summary>
public sealed partial class Referee : Entity
{
    private Referee() { }

    public Guid IswProfileId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Organisation { get; private set; } = "";

    /// <summary>How the referee knows the applicant, e.g. "Team manager".</summary>
    public string Relationship { get; private set; } = "";
    public bool FromSocialWorkEmployer { get; private set; }

    /// <summary>When the applicant's employment with the referee's organisation ended; null if it continues.</summary>
    public DateOnly? EmploymentEndedOn { get; private set; }
    public DateTime NamedAt { get; private set; }
    public DateOnly? ReceivedOn { get; private set; }
    public Guid? ReceivedRecordedByUserId { get; private set; }

    public static Referee Create(Guid iswProfileId, string name, string email, string organisation, string relationship,
        bool fromSocialWorkEmployer, DateOnly? employmentEndedOn, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the referee's name.", nameof(Name));
        if (string.IsNullOrWhiteSpace(email) || !EmailPattern().IsMatch(email.Trim()))
            throw new DomainException("Enter the referee's email address, like name@example.gov.uk.", nameof(Email));
        if (string.IsNullOrWhiteSpace(organisation)) throw new DomainException("Enter the referee's organisation.", nameof(Organisation));
        if (string.IsNullOrWhiteSpace(relationship)) throw new DomainException("Enter how the referee knows you.", nameof(Relationship));
        return new Referee
        {
            IswProfileId = iswProfileId,
            Name = name.Trim(),
            Email = email.Trim(),
            Organisation = organisation.Trim(),
            Relationship = relationship.Trim(),
            FromSocialWorkEmployer = fromSocialWorkEmployer,
            EmploymentEndedOn = employmentEndedOn,
            NamedAt = at,
        };
    }

    public void RecordReceived(DateOnly on, Guid byUserId)
    {
        if (ReceivedOn is not null) throw new DomainException($"The reference from {Name} is already recorded as received.");
        ReceivedOn = on;
        ReceivedRecordedByUserId = byUserId;
    }

    public ReferenceFacts ToFacts(DateOnly today) =>
        new(Name, FromSocialWorkEmployer, Vetting.IsRecentEmployment(EmploymentEndedOn, today), ReceivedOn);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
