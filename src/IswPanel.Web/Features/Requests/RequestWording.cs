using System.Globalization;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// How requests are named in messages, history and notifications: by type and case reference, never by a
/// child's details ("Parenting assessment NS-2026-0200").
/// </summary>
public static class RequestWording
{
    public const string DatePattern = "d MMMM yyyy";

    public static string Name(string typeName, string caseReference) => $"{typeName} {caseReference}";

    public static string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    public static string WorkingDays(int count) =>
        count == 1 ? "1 working day" : $"{count.ToString(CultureInfo.InvariantCulture)} working days";

    /// <summary>
    /// Why a submitted request is at risk, worked out again from what was stored with it (the shortfall) and the
    /// type's typical length, in the words the milestone plan uses: "The deadline left 38 working days; a parenting
    /// assessment typically needs 60. 22 working days short."
    /// </summary>
    public static string RiskExplanation(string typeName, int typicalWeeks, int shortfallWorkingDays)
    {
        var needed = typicalWeeks * 5;
        var available = needed - shortfallWorkingDays;
        return available >= 0
            ? $"When it was submitted, the deadline left {WorkingDays(available)}; {WithArticle(typeName)} typically needs {needed}. {WorkingDays(shortfallWorkingDays)} short."
            : $"The deadline leaves {WorkingDays(shortfallWorkingDays)} fewer than {WithArticle(typeName)} typically needs.";
    }

    /// <summary>"Parenting assessment" → "a parenting assessment"; names that start with an acronym keep their capitals.</summary>
    public static string WithArticle(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return "this type of assessment";
        var lowered = trimmed.Length > 1 && char.IsUpper(trimmed[0]) && !char.IsUpper(trimmed[1])
            ? char.ToLowerInvariant(trimmed[0]) + trimmed[1..]
            : trimmed;
        var article = "aeiou".Contains(char.ToLowerInvariant(lowered[0]), StringComparison.Ordinal) ? "an" : "a";
        return $"{article} {lowered}";
    }

    /// <summary>"12 working days left", "Due today", "3 working days overdue".</summary>
    public static string TimeLeft(int workingDaysLeft) => workingDaysLeft switch
    {
        > 0 => $"{WorkingDays(workingDaysLeft)} left",
        0 => "Due today",
        _ => $"{WorkingDays(-workingDaysLeft)} overdue",
    };
}
