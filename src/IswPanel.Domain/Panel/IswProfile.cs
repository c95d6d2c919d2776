using System.Text.RegularExpressions;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>An independent social worker's panel profile, owned by one Isw user.</summary>
public sealed partial class IswProfile : Entity
{
    private IswProfile() { }

    public Guid UserId { get; private set; }
    public string FullName { get; private set; } = "";
    public string? Phone { get; private set; }

    /// <summary>Social Work England registration number: "SW" then digits with no leading zero.</summary>
    public string SweNumber { get; private set; } = "";
    public DateOnly QualifiedOn { get; private set; }
    public SocialWorkBackground Background { get; private set; }
    public PanelMemberStatus Status { get; private set; } = PanelMemberStatus.Applicant;

    /// <summary>How many assessments the ISW takes at once.</summary>
    public int Capacity { get; private set; } = PanelRules.DefaultCapacity;
    public string HomePostcodeDistrict { get; private set; } = "";
    public int TravelRadiusMiles { get; private set; }
    public decimal HourlyRate { get; private set; }
    public List<string> AssessmentTypeCodes { get; private set; } = [];
    public List<string> Skills { get; private set; } = [];
    public List<EnglishRegion> RegionsCovered { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    public List<ComplianceDocument> Documents { get; private set; } = [];
    public List<EmploymentRecord> EmploymentHistory { get; private set; } = [];

    public static IswProfile Create(Guid userId, string fullName, string sweNumber, DateOnly qualifiedOn,
        SocialWorkBackground background, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new DomainException("Enter your full name.");
        if (!IsValidSweNumber(sweNumber))
            throw new DomainException("Enter a Social Work England number in the correct format, like SW12345.");
        if (DateOnly.FromDateTime(now) < qualifiedOn) throw new DomainException("The qualification date cannot be in the future.");
        return new IswProfile
        {
            UserId = userId,
            FullName = fullName.Trim(),
            SweNumber = sweNumber.Trim().ToUpperInvariant(),
            QualifiedOn = qualifiedOn,
            Background = background,
            CreatedAt = now,
        };
    }

    public void SetPractice(IEnumerable<string> assessmentTypeCodes, IEnumerable<string> skills,
        IEnumerable<EnglishRegion> regions, IEnumerable<string> languages, string homePostcodeDistrict,
        int travelRadiusMiles, int capacity, decimal hourlyRate)
    {
        if (capacity is < 1 or > PanelRules.MaximumCapacity)
            throw new DomainException($"Capacity must be between 1 and {PanelRules.MaximumCapacity} concurrent assessments.");
        if (travelRadiusMiles is < 0 or > 500) throw new DomainException("Travel radius must be between 0 and 500 miles.");
        if (hourlyRate is <= 0 or > 1000) throw new DomainException("Hourly rate must be more than £0 and at most £1,000.");
        if (!Assessments.AssessmentRequest.IsValidPostcodeDistrict(homePostcodeDistrict))
            throw new DomainException("Enter a postcode district like NE1 or SW1A.");

        AssessmentTypeCodes = [.. assessmentTypeCodes.Distinct(StringComparer.OrdinalIgnoreCase)];
        Skills = [.. skills.Distinct(StringComparer.OrdinalIgnoreCase)];
        RegionsCovered = [.. regions.Distinct()];
        Languages = [.. languages.Distinct(StringComparer.OrdinalIgnoreCase)];
        HomePostcodeDistrict = homePostcodeDistrict.Trim().ToUpperInvariant();
        TravelRadiusMiles = travelRadiusMiles;
        Capacity = capacity;
        HourlyRate = hourlyRate;
    }

    public int PqeYears(DateOnly today) => PostQualifyingExperience.WholeYears(QualifiedOn, today);

    /// <summary>The applicant has finished their application; administrators now vet it.</summary>
    public void SubmitForReview() => MoveTo(PanelMemberStatus.UnderReview);

    /// <summary>Approval; the vetting workflow checks every eligibility rule before calling this.</summary>
    public void Approve() => MoveTo(PanelMemberStatus.Active);

    public void Reject() => MoveTo(PanelMemberStatus.Rejected);
    public void Suspend() => MoveTo(PanelMemberStatus.Suspended);
    public void Reinstate() => MoveTo(PanelMemberStatus.Active);
    public void Remove() => MoveTo(PanelMemberStatus.Removed);

    private void MoveTo(PanelMemberStatus next)
    {
        if (!PanelMemberStatusRules.CanMove(Status, next))
            throw new DomainException($"A panel member who is {Status.DisplayName().ToLowerInvariant()} cannot become {next.DisplayName().ToLowerInvariant()}.");
        Status = next;
    }

    public ComplianceDocument AddDocument(ComplianceDocumentKind kind, string? reference, DateOnly? issuedOn,
        DateOnly? expiresOn, bool onUpdateService = false)
    {
        var document = ComplianceDocument.Record(Id, kind, reference, issuedOn, expiresOn, onUpdateService);
        Documents.Add(document);
        return document;
    }

    public EmploymentRecord AddEmployment(Guid? authorityId, string employer, string role, EmploymentKind kind,
        DateOnly startedOn, DateOnly? endedOn)
    {
        var record = EmploymentRecord.Create(Id, authorityId, employer, role, kind, startedOn, endedOn);
        EmploymentHistory.Add(record);
        return record;
    }

    public static bool IsValidSweNumber(string? number) =>
        number is not null && SweNumberPattern().IsMatch(number.Trim().ToUpperInvariant());

    [GeneratedRegex("^SW[1-9][0-9]*$")]
    private static partial Regex SweNumberPattern();
}
