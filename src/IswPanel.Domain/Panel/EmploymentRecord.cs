using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

public enum EmploymentKind
{
    Permanent,
    AgencyOrLocum,
}

/// <summary>A line of an ISW's employment history: the evidence for the non-solicitation rule.</summary>
public sealed class EmploymentRecord : Entity
{
    private EmploymentRecord() { }

    public Guid IswProfileId { get; private set; }

    /// <summary>The client authority, when the employer is one; null for other employers.</summary>
    public Guid? AuthorityId { get; private set; }
    public string EmployerName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public EmploymentKind Kind { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>Null while the employment is ongoing.</summary>
    public DateOnly? EndedOn { get; private set; }

    public static EmploymentRecord Create(Guid iswProfileId, Guid? authorityId, string employerName, string role,
        EmploymentKind kind, DateOnly startedOn, DateOnly? endedOn)
    {
        if (string.IsNullOrWhiteSpace(employerName)) throw new DomainException("Enter the employer.");
        if (string.IsNullOrWhiteSpace(role)) throw new DomainException("Enter the role.");
        if (endedOn is not null && endedOn < startedOn) throw new DomainException("The end date must be on or after the start date.");
        return new EmploymentRecord
        {
            IswProfileId = iswProfileId,
            AuthorityId = authorityId,
            EmployerName = employerName.Trim(),
            Role = role.Trim(),
            Kind = kind,
            StartedOn = startedOn,
            EndedOn = endedOn,
        };
    }
}
