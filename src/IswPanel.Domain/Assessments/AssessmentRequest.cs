using System.Text.RegularExpressions;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Assessments;

/// <summary>
/// An authority's request for an assessment. Holds the minimum about the child: a case reference and
/// initials, never a full name (data minimisation for special-category data). Its status follows
/// <see cref="AssessmentRequestStatusRules"/>; <see cref="Version"/> changes with every change of state, so
/// two people acting on the same request at once cannot both succeed.
/// </summary>
public sealed partial class AssessmentRequest : Entity
{
    private AssessmentRequest() { }

    public Guid AuthorityId { get; private set; }
    public Guid AssessmentTypeId { get; private set; }
    public string CaseReference { get; private set; } = "";
    public string ChildInitials { get; private set; } = "";
    public List<RequestParty> Parties { get; private set; } = [];

    /// <summary>Whether the report is for court proceedings (then <see cref="FilingDeadline"/> is the court's filing date).</summary>
    public bool ForCourt { get; private set; } = true;
    public string? CourtName { get; private set; }
    public string? CourtCaseNumber { get; private set; }

    /// <summary>The court's filing date, or the target date when the report is not for court.</summary>
    public DateOnly FilingDeadline { get; private set; }
    public string PostcodeDistrict { get; private set; } = "";
    public string? Language { get; private set; }
    public bool InterpreterNeeded { get; private set; }
    public List<string> SpecialRequirements { get; private set; } = [];
    public int? BudgetHours { get; private set; }
    public string? Notes { get; private set; }
    public Guid? LetterOfInstructionFileId { get; private set; }

    public AssessmentRequestStatus Status { get; private set; }
    public Guid? AssignedIswId { get; private set; }
    public List<PlannedMilestone> Milestones { get; private set; } = [];
    public bool AtRisk { get; private set; }
    public int ShortfallWorkingDays { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the QA-approved report was released to the commissioner (the request is then Delivered).</summary>
    public DateTime? ReleasedAt { get; private set; }
    public Guid? ReleasedReportVersionId { get; private set; }

    /// <summary>Working days after the filing deadline (or target date) the report was released; 0 when on time.
    /// Stored at release so past figures stay reproducible when the bank-holiday list changes.</summary>
    public int? WorkingDaysLate { get; private set; }

    /// <summary>Why the report came after the filing deadline, in the ISW's words (no child's details); null when on time.</summary>
    public string? LateReason { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>After this date the child's details may be purged (set when the request closes or is cancelled).</summary>
    public DateOnly? RetainUntil { get; private set; }

    /// <summary>When an administrator confirmed the purge of the child's details and documents.</summary>
    public DateTime? PurgedAt { get; private set; }
    public Guid? PurgedByUserId { get; private set; }

    /// <summary>Optimistic-concurrency token: a new value on every change of state.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public static AssessmentRequest CreateDraft(Guid authorityId, RequestDetails details, Guid createdBy, DateTime now)
    {
        var request = new AssessmentRequest
        {
            AuthorityId = authorityId,
            Status = AssessmentRequestStatus.Draft,
            CreatedByUserId = createdBy,
            CreatedAt = now,
        };
        request.Apply(details, now);
        return request;
    }

    /// <summary>Changes a draft; once submitted, the request is fixed (cancel and ask again instead).</summary>
    public void UpdateDraft(RequestDetails details, DateTime now)
    {
        if (Status != AssessmentRequestStatus.Draft) throw new DomainException("Only a draft request can be changed.");
        Apply(details, now);
    }

    private void Apply(RequestDetails d, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(d.CaseReference)) throw new DomainException("Enter the case reference.", nameof(CaseReference));
        if (d.CaseReference.Trim().Length > 64) throw new DomainException("The case reference must be 64 characters or fewer.", nameof(CaseReference));
        if (!IsValidInitials(d.ChildInitials))
            throw new DomainException("Enter the child's initials only, for example J.S.", nameof(ChildInitials));
        if (!IsValidPostcodeDistrict(d.PostcodeDistrict))
            throw new DomainException("Enter a postcode district like NE1 or SW1A.", nameof(PostcodeDistrict));
        if (d.BudgetHours is <= 0 or > 1000) throw new DomainException("Budget hours must be between 1 and 1000.", nameof(BudgetHours));
        if (d.ForCourt && string.IsNullOrWhiteSpace(d.CourtName) && string.IsNullOrWhiteSpace(d.CourtCaseNumber))
            throw new DomainException("Enter the court or the court case number.", nameof(CourtName));

        AssessmentTypeId = d.AssessmentTypeId;
        CaseReference = d.CaseReference.Trim();
        ChildInitials = d.ChildInitials.Trim().ToUpperInvariant();
        Parties = [.. d.Parties];
        ForCourt = d.ForCourt;
        CourtName = d.ForCourt ? Clean(d.CourtName) : null;
        CourtCaseNumber = d.ForCourt ? Clean(d.CourtCaseNumber) : null;
        FilingDeadline = d.DueDate;
        PostcodeDistrict = d.PostcodeDistrict.Trim().ToUpperInvariant();
        Language = Clean(d.Language);
        InterpreterNeeded = d.InterpreterNeeded;
        SpecialRequirements = [.. d.SpecialRequirements.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        BudgetHours = d.BudgetHours;
        Notes = Clean(d.Notes);
        LetterOfInstructionFileId = d.LetterOfInstructionFileId ?? LetterOfInstructionFileId;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    /// <summary>Submits the request with its milestone plan (computed back from the deadline in working days).</summary>
    public void Submit(IEnumerable<PlannedMilestone> milestones, bool atRisk, int shortfallWorkingDays, DateTime now)
    {
        MoveTo(AssessmentRequestStatus.Submitted, now);
        Milestones = [.. milestones];
        AtRisk = atRisk;
        ShortfallWorkingDays = atRisk ? shortfallWorkingDays : 0;
        SubmittedAt = now;
    }

    /// <summary>Offers are out (more may be sent while none is accepted).</summary>
    public void MarkOffered(DateTime now)
    {
        if (Status == AssessmentRequestStatus.Offered) return;
        MoveTo(AssessmentRequestStatus.Offered, now);
    }

    /// <summary>Every offer was declined, lapsed or withdrawn: the request is back with the administrators.</summary>
    public void ReturnToMatching(DateTime now) => MoveTo(AssessmentRequestStatus.Submitted, now);

    /// <summary>Records the ISW who accepted first. A second assignment is refused.</summary>
    public void Assign(Guid iswProfileId, DateTime now)
    {
        if (AssignedIswId is not null) throw new DomainException("This request already has an assigned ISW.");
        MoveTo(AssessmentRequestStatus.Assigned, now);
        AssignedIswId = iswProfileId;
    }

    /// <summary>The commissioner did not approve the proposed ISW: back to matching.</summary>
    public void Unassign(DateTime now)
    {
        MoveTo(AssessmentRequestStatus.Submitted, now);
        AssignedIswId = null;
    }

    public void Cancel(DateTime now)
    {
        if (!Status.CanCancel())
            throw new DomainException($"A request that is {Status.DisplayName().ToLowerInvariant()} can no longer be cancelled.");
        MoveTo(AssessmentRequestStatus.Cancelled, now);
    }

    /// <summary>The assigned ISW has started (first session logged or first report submitted).</summary>
    public void StartWork(DateTime now)
    {
        if (Status == AssessmentRequestStatus.Assigned) MoveTo(AssessmentRequestStatus.InProgress, now);
    }

    /// <summary>A report version was submitted: the request waits for QA.</summary>
    public void SendToQa(DateTime now)
    {
        StartWork(now);
        MoveTo(AssessmentRequestStatus.InQa, now);
    }

    /// <summary>QA returned the report: back to the ISW.</summary>
    public void ReturnFromQa(DateTime now) => MoveTo(AssessmentRequestStatus.InProgress, now);

    /// <summary>QA approved: the report is released to the commissioner.</summary>
    public void Release(Guid reportVersionId, int workingDaysLate, DateTime now)
    {
        MoveTo(AssessmentRequestStatus.Delivered, now);
        ReleasedAt = now;
        ReleasedReportVersionId = reportVersionId;
        WorkingDaysLate = Math.Max(0, workingDaysLate);
    }

    public const int MaxLateReasonLength = 1000;

    /// <summary>The ISW explains a report submitted after the filing deadline: the evidence pack groups these.</summary>
    public void RecordLateReason(string? reason, DateTime now)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) throw new DomainException("Enter why the report is after the deadline.", nameof(LateReason));
        if (text.Length > MaxLateReasonLength) throw new DomainException("The reason must be 1,000 characters or fewer.", nameof(LateReason));
        LateReason = text;
        UpdatedAt = now;
    }

    /// <summary>The commissioner has rated the work: the request closes.</summary>
    public void Close(DateTime now)
    {
        MoveTo(AssessmentRequestStatus.Closed, now);
        ClosedAt = now;
    }

    /// <summary>Starts the retention clock: the request is finished, and its type's policy says for how long it is kept.</summary>
    public void SetRetention(DateOnly finishedOn, int retentionYears) => RetainUntil = finishedOn.AddYears(retentionYears);

    /// <summary>
    /// Removes the child's and family's details once the retention date has passed and a person has confirmed it.
    /// What remains (type, authority, dates, status, milestones, hours) carries the anonymised figures.
    /// The caller deletes the stored files (the letter of instruction, reports).
    /// </summary>
    public void Purge(Guid confirmedBy, DateOnly today, DateTime now)
    {
        if (PurgedAt is not null) throw new DomainException("This request has already been purged.");
        if (RetainUntil is null || RetainUntil >= today)
            throw new DomainException("This request has not passed its retention date.");
        CaseReference = PurgedMarker;
        ChildInitials = "";
        Parties = [];
        CourtCaseNumber = null;
        Notes = null;
        LetterOfInstructionFileId = null;
        PurgedAt = now;
        PurgedByUserId = confirmedBy;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public const string PurgedMarker = "(purged)";

    public void MoveTo(AssessmentRequestStatus next, DateTime now)
    {
        if (!AssessmentRequestStatusRules.CanMove(Status, next))
            throw new DomainException($"A request that is {Status.DisplayName().ToLowerInvariant()} cannot become {next.DisplayName().ToLowerInvariant()}.");
        Status = next;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public static bool IsValidInitials(string? initials) =>
        initials is not null && InitialsPattern().IsMatch(initials.Trim());

    public static bool IsValidPostcodeDistrict(string? district) =>
        district is not null && PostcodeDistrictPattern().IsMatch(district.Trim());

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // One to four letters, optionally separated by dots or spaces: "JS", "J.S.", "J S". Nothing longer,
    // so a full name cannot be typed here by mistake.
    [GeneratedRegex(@"^(?:[A-Za-z][.\s]?){1,4}$")]
    private static partial Regex InitialsPattern();

    // The outward code of a UK postcode: area letters, district digit(s), optional letter (e.g. SW1A, NE1, B33).
    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$")]
    private static partial Regex PostcodeDistrictPattern();
}
