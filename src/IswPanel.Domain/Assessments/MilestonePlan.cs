using System.Globalization;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Assessments;

/// <summary>A step of the work and the date it is due.</summary>
public sealed record Milestone(string Name, DateOnly Due);

/// <summary>Whether the date the plan is worked back from is a court filing deadline or a target date.</summary>
public enum DeadlineKind
{
    /// <summary>A court's filing date; refusals name the field "FilingDeadline".</summary>
    FilingDeadline,

    /// <summary>A target date for work that is not for court; refusals name the field "TargetDate".</summary>
    TargetDate,
}

/// <summary>
/// The milestone plan of an assessment request, worked back from its filing deadline (or target date) in
/// working days: "Allocate by", "First visit by", "Draft to QA by", "QA complete by", "Release by", each
/// <see cref="MilestoneOffsets"/> working days before the deadline.
/// <para>
/// The plan is flagged at risk (a warning, never a refusal) when the working days from the submission date
/// to the deadline — <see cref="WorkingDayCalendar.WorkingDaysBetween"/>, i.e. the working days after the
/// submission date up to and including the deadline — are fewer than the type's typical weeks × 5. Exactly
/// equal is not at risk. Milestones are not moved to suit the submission date: in an at-risk plan the early
/// ones may already be due or past, which is the point of the warning.
/// </para>
/// </summary>
public sealed class MilestonePlan
{
    private MilestonePlan(DateOnly deadline, DateOnly submittedOn, Milestone[] milestones, int available, int needed, string? explanation)
    {
        Deadline = deadline;
        SubmittedOn = submittedOn;
        Milestones = Array.AsReadOnly(milestones);
        AvailableWorkingDays = available;
        NeededWorkingDays = needed;
        RiskExplanation = explanation;
    }

    /// <summary>The filing deadline or target date the plan was worked back from (always a working day).</summary>
    public DateOnly Deadline { get; }

    public DateOnly SubmittedOn { get; }

    /// <summary>The five milestones in the order they fall due (names as in <see cref="MilestoneNames"/>).</summary>
    public IReadOnlyList<Milestone> Milestones { get; }

    public Milestone AllocateBy => Milestones[0];
    public Milestone FirstVisitBy => Milestones[1];
    public Milestone DraftToQaBy => Milestones[2];
    public Milestone QaCompleteBy => Milestones[3];
    public Milestone ReleaseBy => Milestones[4];

    /// <summary>Working days after the submission date up to and including the deadline.</summary>
    public int AvailableWorkingDays { get; }

    /// <summary>Working days the type typically needs: typical weeks × 5.</summary>
    public int NeededWorkingDays { get; }

    /// <summary>True when <see cref="AvailableWorkingDays"/> is fewer than <see cref="NeededWorkingDays"/>.</summary>
    public bool AtRisk => AvailableWorkingDays < NeededWorkingDays;

    /// <summary>How many working days short the deadline leaves; 0 when not at risk.</summary>
    public int ShortfallWorkingDays => AtRisk ? NeededWorkingDays - AvailableWorkingDays : 0;

    /// <summary>
    /// Why the plan is at risk, in plain English ("The deadline leaves 38 working days; a parenting assessment
    /// typically needs 60. 22 working days short."); null when it is not.
    /// </summary>
    public string? RiskExplanation { get; }

    /// <summary>
    /// Works out the plan for a request submitted on <paramref name="submittedOn"/> (the UK date of
    /// submission, normally <c>IClock.Today</c>).
    /// </summary>
    /// <param name="filingDeadline">The filing deadline, or the target date when the request is not for court.</param>
    /// <param name="submittedOn">The date of submission; it need not be a working day.</param>
    /// <param name="offsets">The assessment type's offsets.</param>
    /// <param name="typicalWeeks">The assessment type's typical length in weeks (1 or more).</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="assessmentTypeName">The type's name for the risk explanation ("Parenting assessment"); optional.</param>
    /// <param name="kind">Whether the date is a filing deadline or a target date (changes the wording and field of refusals).</param>
    /// <exception cref="DomainException">
    /// Refusals, with the field "FilingDeadline" (or "TargetDate"): the deadline is not after the submission
    /// date ("must be in the future" — a deadline on the submission day itself counts as past: no assessment
    /// can be done in no working days); the deadline is a Saturday, Sunday or bank holiday (naming it); or
    /// the plan needs dates outside the years the bank holiday list covers.
    /// </exception>
    public static MilestonePlan For(DateOnly filingDeadline, DateOnly submittedOn, MilestoneOffsets offsets, int typicalWeeks,
        WorkingDayCalendar calendar, string? assessmentTypeName = null, DeadlineKind kind = DeadlineKind.FilingDeadline)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(typicalWeeks, 1);

        var field = kind == DeadlineKind.TargetDate ? "TargetDate" : "FilingDeadline";
        var label = kind == DeadlineKind.TargetDate ? "The target date" : "The filing deadline";

        if (filingDeadline <= submittedOn)
            throw new DomainException($"{label} must be in the future.", field);

        try
        {
            if (!calendar.IsWorkingDay(filingDeadline))
            {
                var why = calendar.BankHolidayOn(filingDeadline) is { } holiday && !IsWeekend(filingDeadline)
                    ? $"a bank holiday ({holiday.Description})"
                    : $"a {filingDeadline.DayOfWeek}";
                throw new DomainException($"{label} must be a working day: {DisplayDates.Show(filingDeadline)} is {why}.", field);
            }

            var offsetsInOrder = offsets.InOrder();
            var milestones = new Milestone[offsetsInOrder.Count];
            for (var i = 0; i < milestones.Length; i++)
                milestones[i] = new Milestone(MilestoneNames.All[i], calendar.AddWorkingDays(filingDeadline, -offsetsInOrder[i]));

            var available = calendar.WorkingDaysBetween(submittedOn, filingDeadline);
            var needed = typicalWeeks * 5;
            var explanation = available < needed ? Explain(available, needed, assessmentTypeName) : null;
            return new MilestonePlan(filingDeadline, submittedOn, milestones, available, needed, explanation);
        }
        catch (DateNotCoveredException uncovered)
        {
            throw new DomainException(uncovered.Message, field);
        }
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Explain(int available, int needed, string? typeName)
    {
        var who = string.IsNullOrWhiteSpace(typeName) ? "this type of assessment" : WithArticle(typeName.Trim());
        var shortfall = needed - available;
        return $"The deadline leaves {WorkingDays(available)}; {who} typically needs {needed}. {WorkingDays(shortfall)} short.";
    }

    private static string WorkingDays(int count) =>
        count == 1 ? "1 working day" : $"{count.ToString(CultureInfo.InvariantCulture)} working days";

    // "Parenting assessment" -> "a parenting assessment"; "Adoption: ..." -> "an adoption: ...";
    // names starting with an acronym ("PAMS assessment") keep their capitals.
    private static string WithArticle(string name)
    {
        var lowered = name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1])
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : name;
        var article = "aeiou".Contains(char.ToLowerInvariant(lowered[0]), StringComparison.Ordinal) ? "an" : "a";
        return $"{article} {lowered}";
    }
}
