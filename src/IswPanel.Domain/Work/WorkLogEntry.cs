using IswPanel.Domain.Common;

namespace IswPanel.Domain.Work;

public enum WorkKind
{
    HomeVisit,
    Observation,
    Interview,
    Virtual,
    ReportWriting,
    Preparation,
    Other,
}

/// <summary>Whether the hours of an entry count: within budget they do; beyond it the commissioner decides.</summary>
public enum HoursApproval
{
    WithinBudget,
    AwaitingApproval,
    Approved,
    Refused,
}

/// <summary>
/// One line of an ISW's log on an assignment: a session with the family (a visit, observation, interview or
/// virtual session, and who was seen), or other work (reading, report writing), with travel time and mileage.
/// </summary>
public sealed class WorkLogEntry : Entity
{
    private WorkLogEntry() { }

    public Guid AssessmentRequestId { get; private set; }
    public Guid AssignmentId { get; private set; }
    public Guid IswProfileId { get; private set; }
    public DateOnly Date { get; private set; }
    public WorkKind Kind { get; private set; }
    public int DurationMinutes { get; private set; }

    /// <summary>Who was seen, by role and initials only (data minimisation), e.g. "Mother (AB), child (CD)".</summary>
    public string? WhoSeen { get; private set; }
    public int TravelMinutes { get; private set; }
    public decimal MileageMiles { get; private set; }
    public string? Notes { get; private set; }
    public DateTime LoggedAt { get; private set; }

    public HoursApproval Approval { get; private set; }
    public DateTime? ApprovalDecidedAt { get; private set; }
    public Guid? ApprovalDecidedByUserId { get; private set; }
    public string? ApprovalNote { get; private set; }

    /// <summary>Sessions are time with the family; shadowers can attend these.</summary>
    public bool IsSession => Kind is WorkKind.HomeVisit or WorkKind.Observation or WorkKind.Interview or WorkKind.Virtual;

    /// <summary>Work and travel time, in minutes: what the hours are made of.</summary>
    public int TotalMinutes => DurationMinutes + TravelMinutes;

    /// <summary>Counts toward hours used and invoicing: within budget, or approved beyond it.</summary>
    public bool Counts => Approval is HoursApproval.WithinBudget or HoursApproval.Approved;

    public const int MaximumMinutesPerEntry = 16 * 60;
    public const decimal MaximumMileagePerEntry = 1000m;

    /// <param name="countedMinutesSoFar">Minutes already counting on this assignment (within budget or approved).</param>
    /// <param name="budgetHours">The request's budget; null means no budget was set, so nothing needs approval.</param>
    public static WorkLogEntry Log(Guid requestId, Guid assignmentId, Guid iswProfileId, DateOnly date, WorkKind kind,
        int durationMinutes, string? whoSeen, int travelMinutes, decimal mileageMiles, string? notes,
        DateOnly today, DateTime now, int countedMinutesSoFar, int? budgetHours)
    {
        if (date > today) throw new DomainException("The date must be today or in the past.", nameof(Date));
        if (durationMinutes is < 1 or > MaximumMinutesPerEntry)
            throw new DomainException("Duration must be between 1 minute and 16 hours.", nameof(DurationMinutes));
        if (travelMinutes is < 0 or > MaximumMinutesPerEntry)
            throw new DomainException("Travel time must be between 0 and 16 hours.", nameof(TravelMinutes));
        if (mileageMiles < 0 || mileageMiles > MaximumMileagePerEntry)
            throw new DomainException("Mileage must be between 0 and 1,000 miles.", nameof(MileageMiles));
        var entry = new WorkLogEntry
        {
            AssessmentRequestId = requestId,
            AssignmentId = assignmentId,
            IswProfileId = iswProfileId,
            Date = date,
            Kind = kind,
            DurationMinutes = durationMinutes,
            WhoSeen = Clean(whoSeen),
            TravelMinutes = travelMinutes,
            MileageMiles = decimal.Round(mileageMiles, 1),
            Notes = Clean(notes),
            LoggedAt = now,
        };
        entry.Approval = budgetHours is { } budget && countedMinutesSoFar + entry.TotalMinutes > budget * 60
            ? HoursApproval.AwaitingApproval
            : HoursApproval.WithinBudget;
        return entry;
    }

    public void Approve(Guid commissionerUserId, DateTime now, string? note = null) =>
        Decide(HoursApproval.Approved, commissionerUserId, now, note);

    public void Refuse(Guid commissionerUserId, DateTime now, string? note) =>
        Decide(HoursApproval.Refused, commissionerUserId, now, note);

    private void Decide(HoursApproval decision, Guid userId, DateTime now, string? note)
    {
        if (Approval != HoursApproval.AwaitingApproval)
            throw new DomainException("These hours are not waiting for approval.");
        Approval = decision;
        ApprovalDecidedAt = now;
        ApprovalDecidedByUserId = userId;
        ApprovalNote = Clean(note);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
