namespace IswPanel.Domain.Tests.Calendar;

/// <summary>
/// An independent statement of the England and Wales bank holiday rules, written for the tests only, to
/// check the shipped GOV.UK list against: fixed days with their substitute days, Easter by the anonymous
/// Gregorian algorithm, the Monday rules, and the one-off days.
/// </summary>
internal static class EnglandAndWalesRules
{
    public const string Substitute = "Substitute day";

    /// <summary>Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher "anonymous Gregorian" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    public static IEnumerable<(DateOnly Date, string Title, string Notes)> For(int year)
    {
        var newYear = new DateOnly(year, 1, 1);
        yield return newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => (newYear.AddDays(2), "New Year’s Day", Substitute),
            DayOfWeek.Sunday => (newYear.AddDays(1), "New Year’s Day", Substitute),
            _ => (newYear, "New Year’s Day", ""),
        };

        var easter = EasterSunday(year);
        yield return (easter.AddDays(-2), "Good Friday", "");
        yield return (easter.AddDays(1), "Easter Monday", "");

        yield return year == 2020
            ? (new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)", "")
            : (FirstMonday(year, 5), "Early May bank holiday", "");
        if (year == 2023) yield return (new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III", "");

        if (year == 2022)
        {
            yield return (new DateOnly(2022, 6, 2), "Spring bank holiday", "");
            yield return (new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday", "");
        }
        else
        {
            yield return (LastMonday(year, 5), "Spring bank holiday", "");
        }

        yield return (LastMonday(year, 8), "Summer bank holiday", "");
        if (year == 2022) yield return (new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", "");

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                yield return (christmas.AddDays(2), "Christmas Day", Substitute);
                yield return (christmas.AddDays(3), "Boxing Day", Substitute);
                break;
            case DayOfWeek.Sunday:
                yield return (christmas.AddDays(1), "Boxing Day", "");
                yield return (christmas.AddDays(2), "Christmas Day", Substitute);
                break;
            case DayOfWeek.Friday:
                yield return (christmas, "Christmas Day", "");
                yield return (christmas.AddDays(3), "Boxing Day", Substitute);
                break;
            default:
                yield return (christmas, "Christmas Day", "");
                yield return (christmas.AddDays(1), "Boxing Day", "");
                break;
        }
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(-1);
        return day;
    }
}
