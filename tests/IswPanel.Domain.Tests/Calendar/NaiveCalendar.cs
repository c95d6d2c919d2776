using IswPanel.Domain.Calendar;

namespace IswPanel.Domain.Tests.Calendar;

/// <summary>The obviously-correct, day-by-day reference the fast calendar is compared with.</summary>
internal sealed class NaiveCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public NaiveCalendar(BankHolidayList list) : this(list.Holidays.Select(h => h.Date)) { }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        var step = Math.Sign(n);
        var day = from;
        for (var left = Math.Abs(n); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) left--;
        }

        return day;
    }

    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }

        return count;
    }
}
