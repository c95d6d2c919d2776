using IswPanel.Domain.Common;

namespace IswPanel.Domain.Assessments;

/// <summary>A person to be assessed, by role and initials only (data minimisation): "Mother, K.L.".</summary>
public sealed record RequestParty(string Role, string Initials)
{
    public string Role { get; } = string.IsNullOrWhiteSpace(Role) ? throw new DomainException("Enter the person's role, for example Mother.") : Role.Trim();

    public string Initials { get; } = AssessmentRequest.IsValidInitials(Initials)
        ? Initials.Trim().ToUpperInvariant()
        : throw new DomainException("Enter the person's initials only, for example K.L.");
}
