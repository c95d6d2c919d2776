using System.Globalization;

namespace IswPanel.Domain.Shadowing;

/// <summary>Shadowing time as people read it: minutes summed, shown as hours and minutes ("2 hours 45 minutes").</summary>
public static class ShadowingTime
{
    public static string Describe(int minutes)
    {
        if (minutes < 0) throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Minutes cannot be negative.");
        var hours = minutes / 60;
        var rest = minutes % 60;
        var hourText = hours == 1 ? "1 hour" : $"{hours.ToString(CultureInfo.InvariantCulture)} hours";
        var minuteText = rest == 1 ? "1 minute" : $"{rest.ToString(CultureInfo.InvariantCulture)} minutes";
        return (hours, rest) switch
        {
            (0, _) => minuteText,
            (_, 0) => hourText,
            _ => $"{hourText} {minuteText}",
        };
    }

    /// <summary>Decimal hours to two places (for figures and the API): 165 minutes are 2.75 hours.</summary>
    public static decimal Hours(int minutes) => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    /// <summary>The first day of the month <paramref name="day"/> falls in.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
