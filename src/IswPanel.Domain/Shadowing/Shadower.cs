using System.Net.Mail;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Shadowing;

/// <summary>What kind of junior practitioner a shadower is.</summary>
public enum ShadowerRole
{
    /// <summary>Assessed and Supported Year in Employment: a newly qualified social worker's first year.</summary>
    Asye,

    /// <summary>Newly qualified social worker outside (or after) the ASYE programme.</summary>
    Nqsw,
    Student,
    Other,
}

public static class ShadowerRoles
{
    public static string DisplayName(this ShadowerRole role) => role switch
    {
        ShadowerRole.Asye => "ASYE social worker",
        ShadowerRole.Nqsw => "Newly qualified social worker",
        ShadowerRole.Student => "Social work student",
        _ => "Other junior practitioner",
    };
}

/// <summary>
/// A junior practitioner of an authority who shadows panel ISWs. They are the authority's permanent staff:
/// the record is the agency's evidence for non-solicitation (a later panel application by the same person is
/// blocked within the contract's period, and the agency never contacts them about joining). One record per
/// person per authority, reused across nominations; <see cref="UserId"/> is their Shadower account.
/// </summary>
public sealed class Shadower : Entity
{
    private Shadower() { }

    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;

    public Guid AuthorityId { get; private set; }
    public Guid UserId { get; private set; }
    public string FullName { get; private set; } = "";
    public ShadowerRole Role { get; private set; }

    /// <summary>Their work email at the authority, lower-cased: the invitation goes here.</summary>
    public string WorkEmail { get; private set; } = "";

    /// <summary>Social Work England number when they have one (students do not): the surest link to a later application.</summary>
    public string? SocialWorkEnglandNumber { get; private set; }

    /// <summary>The first day the agency knew them as the authority's permanent staff.</summary>
    public DateOnly StaffSince { get; private set; }

    /// <summary>Their last day at the authority, when the commissioner records that they left; null while employed.</summary>
    public DateOnly? LeftOn { get; private set; }

    public DateTime RecordedAt { get; private set; }
    public Guid RecordedByUserId { get; private set; }

    /// <summary>
    /// Set when a panel administrator confirms that an applicant whose name matches is this person, so the
    /// non-solicitation rule applies to that application; a matching registration number needs no confirmation.
    /// </summary>
    public Guid? ConfirmedApplicantProfileId { get; private set; }

    public static Shadower Record(Guid authorityId, Guid userId, string fullName, ShadowerRole role, string workEmail,
        string? socialWorkEnglandNumber, DateOnly today, DateTime now, Guid recordedByUserId)
    {
        var name = fullName?.Trim() ?? "";
        if (name.Length == 0) throw new DomainException("Enter the practitioner's full name.", nameof(FullName));
        if (name.Length > MaxNameLength) throw new DomainException("The name must be 200 characters or fewer.", nameof(FullName));
        var number = string.IsNullOrWhiteSpace(socialWorkEnglandNumber) ? null : socialWorkEnglandNumber.Trim().ToUpperInvariant();
        if (number is not null && !IswProfile.IsValidSweNumber(number))
            throw new DomainException("Enter a Social Work England number like SW12345, or leave it blank.", nameof(SocialWorkEnglandNumber));
        return new Shadower
        {
            AuthorityId = authorityId,
            UserId = userId,
            FullName = name,
            Role = role,
            WorkEmail = NormaliseEmail(workEmail),
            SocialWorkEnglandNumber = number,
            StaffSince = today,
            RecordedAt = now,
            RecordedByUserId = recordedByUserId,
        };
    }

    /// <summary>A valid email address, trimmed and lower-cased; otherwise a <see cref="DomainException"/>.</summary>
    public static string NormaliseEmail(string? email)
    {
        var value = email?.Trim() ?? "";
        if (value.Length == 0) throw new DomainException("Enter the practitioner's work email address.", nameof(WorkEmail));
        if (value.Length > MaxEmailLength || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value || !value.Contains('.', StringComparison.Ordinal))
            throw new DomainException("Enter an email address in the correct format, like name@example.gov.uk.", nameof(WorkEmail));
        return value.ToLowerInvariant();
    }

    /// <summary>A later nomination may bring a new role (an ASYE becomes an NQSW) or a registration number.</summary>
    public void Refresh(ShadowerRole role, string? socialWorkEnglandNumber)
    {
        Role = role;
        if (!string.IsNullOrWhiteSpace(socialWorkEnglandNumber))
        {
            var number = socialWorkEnglandNumber.Trim().ToUpperInvariant();
            if (!IswProfile.IsValidSweNumber(number))
                throw new DomainException("Enter a Social Work England number like SW12345, or leave it blank.", nameof(SocialWorkEnglandNumber));
            SocialWorkEnglandNumber = number;
        }
    }

    public void RecordLeaving(DateOnly lastDay)
    {
        if (lastDay < StaffSince)
            throw new DomainException($"The last day must be on or after {DisplayDates.Show(StaffSince)}, when they were recorded.", nameof(LeftOn));
        LeftOn = lastDay;
    }

    public void ConfirmSamePersonAs(Guid applicantProfileId) => ConfirmedApplicantProfileId = applicantProfileId;

    /// <summary>Their time at the authority as non-solicitation sees it: permanent staff from when they were recorded.</summary>
    public EmploymentSpell AsEmploymentSpell() => new(AuthorityId, EmploymentKind.Permanent, StaffSince, LeftOn);

    /// <summary>Names compared for a possible link: case, spacing and punctuation ignored.</summary>
    public static string NameKey(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 256)];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 256)))
        {
            if (char.IsLetter(c))
            {
                if (pendingSpace && length > 0) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '.') pendingSpace = true;
        }
        return new string(buffer[..length]);
    }
}
