using System.Text.RegularExpressions;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Assessments;

/// <summary>
/// An authority's request for an assessment. Holds the minimum about the child: a case reference and
/// initials, never a full name (data minimisation for special-category data).
/// </summary>
public sealed partial class AssessmentRequest : Entity
{
    private AssessmentRequest() { }

    public Guid AuthorityId { get; private set; }
    public Guid AssessmentTypeId { get; private set; }
    public string CaseReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public DateOnly FilingDeadline { get; private set; }
    public string PostcodeDistrict { get; private set; } = "";
    public string? CourtCaseNumber { get; private set; }
    public string? Language { get; private set; }
    public int? BudgetHours { get; private set; }
    public string? Notes { get; private set; }
    public AssessmentRequestStatus Status { get; private set; }
    public Guid? AssignedIswId { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static AssessmentRequest CreateDraft(Guid authorityId, Guid assessmentTypeId, string caseReference,
        string childInitials, DateOnly filingDeadline, string postcodeDistrict, Guid createdBy, DateTime now,
        string? courtCaseNumber = null, string? language = null, int? budgetHours = null, string? notes = null)
    {
        if (string.IsNullOrWhiteSpace(caseReference)) throw new DomainException("Enter the case reference.");
        if (!IsValidInitials(childInitials)) throw new DomainException("Enter the child's initials only, for example J.S.");
        if (!IsValidPostcodeDistrict(postcodeDistrict)) throw new DomainException("Enter a postcode district like NE1 or SW1A.");
        if (budgetHours is <= 0) throw new DomainException("Budget hours must be more than 0.");

        return new AssessmentRequest
        {
            AuthorityId = authorityId,
            AssessmentTypeId = assessmentTypeId,
            CaseReference = caseReference.Trim(),
            ChildInitials = NormaliseInitials(childInitials),
            FilingDeadline = filingDeadline,
            PostcodeDistrict = postcodeDistrict.Trim().ToUpperInvariant(),
            CourtCaseNumber = string.IsNullOrWhiteSpace(courtCaseNumber) ? null : courtCaseNumber.Trim(),
            Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim(),
            BudgetHours = budgetHours,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            Status = AssessmentRequestStatus.Draft,
            CreatedByUserId = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Submit(DateTime now)
    {
        MoveTo(AssessmentRequestStatus.Submitted, now);
        SubmittedAt = now;
    }

    public void Cancel(DateTime now) => MoveTo(AssessmentRequestStatus.Cancelled, now);

    /// <summary>Records the ISW who won the request. Offers and acceptance rules arrive with matching.</summary>
    public void Assign(Guid iswProfileId, DateTime now)
    {
        if (AssignedIswId is not null) throw new DomainException("This request already has an assigned ISW.");
        MoveTo(AssessmentRequestStatus.Assigned, now);
        AssignedIswId = iswProfileId;
    }

    public void MoveTo(AssessmentRequestStatus next, DateTime now)
    {
        if (!AssessmentRequestStatusRules.CanMove(Status, next))
            throw new DomainException($"A request that is {Status.DisplayName().ToLowerInvariant()} cannot become {next.DisplayName().ToLowerInvariant()}.");
        Status = next;
        UpdatedAt = now;
    }

    public static bool IsValidInitials(string? initials) =>
        initials is not null && InitialsPattern().IsMatch(initials.Trim());

    public static bool IsValidPostcodeDistrict(string? district) =>
        district is not null && PostcodeDistrictPattern().IsMatch(district.Trim());

    private static string NormaliseInitials(string initials) => initials.Trim().ToUpperInvariant();

    // One to four letters, optionally separated by dots or spaces: "JS", "J.S.", "J S". Nothing longer,
    // so a full name cannot be typed here by mistake.
    [GeneratedRegex(@"^(?:[A-Za-z][.\s]?){1,4}$")]
    private static partial Regex InitialsPattern();

    // The outward code of a UK postcode: area letters, district digit(s), optional letter (e.g. SW1A, NE1, B33).
    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$")]
    private static partial Regex PostcodeDistrictPattern();
}
