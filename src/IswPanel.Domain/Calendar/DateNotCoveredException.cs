namespace IswPanel.Domain.Calendar;

/// <summary>
/// Working days were asked for on a date the bank holiday list does not cover. The calendar refuses
/// rather than treat an unknown year as holiday-free. The message is fit to show to a person; callers
/// that want to warn instead should ask <see cref="WorkingDayCalendar.Covers(DateOnly)"/> first.
/// </summary>
public sealed class DateNotCoveredException : InvalidOperationException
{
    public DateNotCoveredException(DateOnly date, int firstYear, int lastYear)
        : base(MessageFor(date, firstYear, lastYear))
    {
        Date = date;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The first date that was needed but is not covered.</summary>
    public DateOnly Date { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    private static string MessageFor(DateOnly date, int firstYear, int lastYear)
    {
        var covered = firstYear == lastYear ? $"{firstYear} only" : $"{firstYear} to {lastYear}";
        var where = date.Year > lastYear
            ? $"after 31 December {lastYear}"
            : $"before 1 January {firstYear}";
        return $"Working days {where} cannot be worked out: the bank holiday list covers {covered}. "
             + "An administrator can upload a newer list from GOV.UK.";
    }
}
