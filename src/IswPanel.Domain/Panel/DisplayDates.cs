using System.Globalization;

namespace IswPanel.Domain.Panel;

/// <summary>
/// How the panel rules write dates in their explanations: "3 May 2027", whatever the thread's culture,
/// so a reason reads the same in a page, an e-mail and a test.
/// </summary>
internal static class DisplayDates
{
    public const string Pattern = "d MMMM yyyy";

    public static string Show(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Show(DateTime at) => DateOnly.FromDateTime(at).ToString(Pattern, CultureInfo.InvariantCulture);
}
