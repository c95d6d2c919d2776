using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;

namespace IswPanel.Web.Features.Requests;

/// <summary>Plans a request back from its deadline in England-and-Wales working days, with the type's offsets.</summary>
public sealed class MilestonePlanner(WorkingDayCalendar calendar)
{
    public MilestonePlan Plan(AssessmentType type, DateOnly deadline, DateOnly submittedOn, bool forCourt = true) =>
        MilestonePlan.For(deadline, submittedOn, type.MilestoneOffsets, type.TypicalWeeks, calendar, type.Name,
            forCourt ? DeadlineKind.FilingDeadline : DeadlineKind.TargetDate);

    public static IReadOnlyList<PlannedMilestone> Stored(MilestonePlan plan) =>
        [.. plan.Milestones.Select(m => new PlannedMilestone(m.Name, m.Due))];
}
