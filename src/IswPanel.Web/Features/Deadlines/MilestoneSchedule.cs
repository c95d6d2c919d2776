using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Web.Features.Requests;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// When a request's milestones call for a reminder, an escalation or a place on the at-risk list. Pure rules over
/// the stored plan, the request's status, today's UK date and the working-day calendar.
/// <para>
/// <b>Reached.</b> A milestone is reached when the request's status shows the step done: "Allocate by" once it is
/// Assigned (or later); "First visit by" once In progress; "Draft to QA by" once In QA; "QA complete by" and
/// "Release by" once Delivered. A request sent back from QA to In progress has not reached "Draft to QA by" again.
/// </para>
/// </summary>
public static class MilestoneSchedule
{
    /// <summary>An ISW is working on the request: milestone reminders go to them.</summary>
    public static readonly AssessmentRequestStatus[] Assigned =
        [AssessmentRequestStatus.Assigned, AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa];

    /// <summary>Submitted and not yet delivered: milestones can be missed and deadlines are at risk.</summary>
    public static readonly AssessmentRequestStatus[] Open =
    [
        AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Offered,
        AssessmentRequestStatus.Assigned, AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa,
    ];

    public static bool IsReached(string milestone, AssessmentRequestStatus status)
    {
        var done = status switch
        {
            AssessmentRequestStatus.Assigned => 1,
            AssessmentRequestStatus.InProgress => 2,
            AssessmentRequestStatus.InQa => 3,
            AssessmentRequestStatus.Delivered or AssessmentRequestStatus.Closed => 5,
            _ => 0,
        };
        var index = IndexOf(milestone);
        // A name the plan does not know counts as the last step: reached only on delivery.
        return (index < 0 ? MilestoneNames.All.Count - 1 : index) < done;
    }

    /// <summary>
    /// The reminder due on <paramref name="today"/> for a milestone due on <paramref name="due"/>: of the reminder
    /// points (working days before; 0 is the day itself), the latest whose day has come — so a sweep that missed a
    /// day, or a request assigned late, sends the one reminder that matters now rather than every one it missed.
    /// Null before the first point, and after the due date (then it is overdue, not a reminder).
    /// </summary>
    public static int? ReminderDue(DateOnly due, DateOnly today, IReadOnlyList<int> points, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(calendar);
        if (today > due) return null;
        int? latest = null;
        foreach (var point in points)
        {
            if (calendar.AddWorkingDays(due, -point) <= today && (latest is null || point < latest)) latest = point;
        }

        return latest;
    }

    /// <summary>The last day a sweep needs to look ahead to: a milestone due after it has no reminder yet.</summary>
    public static DateOnly ReminderHorizon(DateOnly today, IReadOnlyList<int> points, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(today, points.Count == 0 ? 0 : points.Max());

    /// <summary>A milestone not reached by its due date is escalated from the next working day after it.</summary>
    public static bool IsOverdue(DateOnly due, DateOnly today, WorkingDayCalendar calendar) =>
        today > due && calendar.AddWorkingDays(due, 1) <= today;

    /// <summary>
    /// Whether a request is at risk of missing its deadline on <paramref name="today"/>: the working days left
    /// (after today, up to and including the deadline, as the milestone plan counts them) are fewer than the
    /// work left. Exactly equal is not at risk.
    /// <list type="bullet">
    /// <item>Not yet assigned (Submitted, Offered): the work left is the whole assessment, the type's typical
    /// length in working days (typical weeks × 5) — the same test the plan applied when the request was submitted.</item>
    /// <item>Assigned, In progress, In QA: the work left is what the plan keeps after the next milestone not yet
    /// reached — the working days from its due date to the deadline. So a request is at risk from the first
    /// working day its next step is late, and stays on the list until that step is reached.</item>
    /// </list>
    /// </summary>
    public static Risk RiskOn(DateOnly today, AssessmentRequestStatus status, DateOnly deadline, int typicalWeeks,
        IReadOnlyList<PlannedMilestone> plan, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        var remaining = calendar.WorkingDaysBetween(today, deadline);
        if (status is AssessmentRequestStatus.Submitted or AssessmentRequestStatus.Offered)
            return new Risk(remaining, typicalWeeks * 5, null);

        var next = plan.OrderBy(m => Order(m.Name)).FirstOrDefault(m => !IsReached(m.Name, status));
        return next is null
            ? new Risk(remaining, 0, null)
            : new Risk(remaining, calendar.WorkingDaysBetween(next.Due, deadline), next);
    }

    /// <summary>A request's standing against its deadline.</summary>
    /// <param name="RemainingWorkingDays">Working days after today up to and including the deadline (negative once it has passed).</param>
    /// <param name="WorkLeftWorkingDays">Working days the work still needs (see <see cref="RiskOn"/>).</param>
    /// <param name="NextMilestone">For assigned work, the next milestone not reached; null before assignment.</param>
    public sealed record Risk(int RemainingWorkingDays, int WorkLeftWorkingDays, PlannedMilestone? NextMilestone)
    {
        public bool AtRisk => RemainingWorkingDays < WorkLeftWorkingDays;

        public int ShortfallWorkingDays => Math.Max(0, WorkLeftWorkingDays - RemainingWorkingDays);

        /// <summary>Why, in a sentence for administrators.</summary>
        public string Explain(string typeName) => NextMilestone is { } next
            ? $"{next.Name} {RequestWording.Date(next.Due)} is not reached; the plan keeps {RequestWording.WorkingDays(WorkLeftWorkingDays)} after it and {Left()}."
            : $"Not yet assigned; {RequestWording.WithArticle(typeName)} typically needs {RequestWording.WorkingDays(WorkLeftWorkingDays)} and {Left()}.";

        private string Left() => RemainingWorkingDays switch
        {
            < 0 => "the deadline has passed",
            0 => "no working day is left before the deadline",
            1 => "1 working day is left",
            _ => $"{RequestWording.WorkingDays(RemainingWorkingDays)} are left",
        };
    }

    private static int IndexOf(string milestone)
    {
        for (var i = 0; i < MilestoneNames.All.Count; i++)
        {
            if (string.Equals(MilestoneNames.All[i], milestone, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private static int Order(string milestone) => IndexOf(milestone) is var i and >= 0 ? i : MilestoneNames.All.Count;
}
