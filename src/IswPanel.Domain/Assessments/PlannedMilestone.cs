namespace IswPanel.Domain.Assessments;

/// <summary>A dated step of a submitted request's plan, stored with it (the plan is computed once, at submission).</summary>
public sealed record PlannedMilestone(string Name, DateOnly Due);
