namespace IswPanel.Domain.Calendar;

/// <summary>
/// Working days in one jurisdiction: Monday to Friday, except bank holidays. Immutable and thread-safe;
/// share one instance. Every method is O(log h) in the number of holidays h (no day-by-day loops) and
/// allocates nothing.
/// <para>
/// <b>Coverage.</b> Holidays are known only for the years the list covers (<see cref="FirstYear"/> to
/// <see cref="LastYear"/>). Any answer that depends on a day outside them throws
/// <see cref="DateNotCoveredException"/> (a message fit to show) instead of silently treating the unknown
/// year as holiday-free. Ask <see cref="Covers(DateOnly)"/> first to warn rather than fail.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    // DateOnly.DayNumber 0 is Monday 1 January 0001, so (dayNumber % 7) is 0 for Monday … 6 for Sunday.
    private const int DaysPerWeek = 7;
    private const int WeekdaysPerWeek = 5;

    private readonly int[] _weekdayHolidays;   // day numbers of the holidays that fall Monday-Friday, ascending
    private readonly int[] _allHolidayDays;     // day numbers of every listed holiday, ascending (for titles)
    private readonly BankHoliday[] _allHolidays; // parallel to _allHolidayDays
    private readonly int _firstDay;
    private readonly int _lastDay;

    public WorkingDayCalendar(BankHolidayList holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        HolidayList = holidays;
        _allHolidays = holidays.Span.ToArray();
        _allHolidayDays = _allHolidays.Select(h => h.Date.DayNumber).ToArray();
        _weekdayHolidays = _allHolidays.Where(h => !IsWeekend(h.Date.DayNumber)).Select(h => h.Date.DayNumber).ToArray();
        _firstDay = holidays.CoveredFrom.DayNumber;
        _lastDay = holidays.CoveredTo.DayNumber;
    }

    /// <summary>The shipped England and Wales calendar (GOV.UK's list embedded in the domain assembly).</summary>
    public static WorkingDayCalendar EnglandAndWales() => ShippedCalendar.Value;

    private static readonly Lazy<WorkingDayCalendar> ShippedCalendar =
        new(() => new WorkingDayCalendar(BankHolidays.EnglandAndWales()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The holiday list this calendar was built from.</summary>
    public BankHolidayList HolidayList { get; }

    public int FirstYear => HolidayList.FirstYear;

    public int LastYear => HolidayList.LastYear;

    /// <summary>Whether the holiday list covers <paramref name="date"/>'s year, so working days there are known.</summary>
    public bool Covers(DateOnly date) => date.DayNumber >= _firstDay && date.DayNumber <= _lastDay;

    /// <summary>Monday to Friday and not a bank holiday.</summary>
    /// <exception cref="DateNotCoveredException">The date is outside the covered years.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date.DayNumber);
        return IsWorkingDayNumber(date.DayNumber);
    }

    /// <summary>The listed bank holiday on <paramref name="date"/>, or null (also null outside the covered years).</summary>
    public BankHoliday? BankHolidayOn(DateOnly date)
    {
        var index = Array.BinarySearch(_allHolidayDays, date.DayNumber);
        return index >= 0 ? _allHolidays[index] : null;
    }

    /// <summary>
    /// Moves <paramref name="n"/> working days from <paramref name="from"/>.
    /// <list type="bullet">
    /// <item>n &gt; 0: the n-th working day strictly after <paramref name="from"/>. AddWorkingDays(Friday, 1) is the
    /// next Monday, or the Tuesday when that Monday is a bank holiday; AddWorkingDays(Saturday, 1) is Monday too.</item>
    /// <item>n &lt; 0: the |n|-th working day strictly before <paramref name="from"/>. AddWorkingDays(Monday, -1) is the
    /// Friday before; AddWorkingDays(Sunday, -1) is that Friday too.</item>
    /// <item>n = 0: <paramref name="from"/> unchanged, even when it is not a working day.</item>
    /// </list>
    /// For n ≠ 0 the result is always a working day. When <paramref name="from"/> is a working day,
    /// <c>WorkingDaysBetween(from, AddWorkingDays(from, n)) == n</c> for every n.
    /// </summary>
    /// <exception cref="DateNotCoveredException"><paramref name="from"/> or the result is outside the covered years.</exception>
    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        var day = from.DayNumber;
        EnsureCovered(day);
        if (n == 0) return from;

        // The 0-based index, among all working days since day 0, of the working day we want.
        long target = n > 0 ? WorkingDaysBefore(day + 1) + (long)n - 1 : WorkingDaysBefore(day) + (long)n;
        if (target < 0) throw Uncovered(_firstDay - 1);
        var result = WorkingDayAt(target);
        if (result > _lastDay) throw Uncovered(_lastDay + 1);
        if (result < _firstDay) throw Uncovered(_firstDay - 1);
        return DateOnly.FromDayNumber((int)result);
    }

    /// <summary>
    /// The number of working days in the half-open interval (<paramref name="from"/>, <paramref name="to"/>]:
    /// after <paramref name="from"/>, up to and including <paramref name="to"/>. When <paramref name="to"/> is
    /// before <paramref name="from"/> the answer is minus the count over (<paramref name="to"/>, <paramref name="from"/>],
    /// so WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a), and 0 when the dates are equal.
    /// From Monday to the Friday of the same week (no holidays) is 4; from Friday to the next Monday is 1.
    /// </summary>
    /// <exception cref="DateNotCoveredException">Either date is outside the covered years.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        EnsureCovered(from.DayNumber);
        EnsureCovered(to.DayNumber);
        return (int)(WorkingDaysBefore(to.DayNumber + 1) - WorkingDaysBefore(from.DayNumber + 1));
    }

    /// <summary><paramref name="date"/> when it is a working day, otherwise the first working day after it.</summary>
    /// <exception cref="DateNotCoveredException">The date or the answer is outside the covered years.</exception>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary><paramref name="date"/> when it is a working day, otherwise the last working day before it.</summary>
    /// <exception cref="DateNotCoveredException">The date or the answer is outside the covered years.</exception>
    public DateOnly PreviousWorkingDayOnOrBefore(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, -1);

    private void EnsureCovered(int day)
    {
        if (day > _lastDay) throw Uncovered(day);
        if (day < _firstDay) throw Uncovered(day);
    }

    private DateNotCoveredException Uncovered(long day) =>
        new(DateOnly.FromDayNumber((int)Math.Clamp(day, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)), FirstYear, LastYear);

    private static bool IsWeekend(int day) => day % DaysPerWeek >= WeekdaysPerWeek;

    private bool IsWorkingDayNumber(int day) => !IsWeekend(day) && Array.BinarySearch(_weekdayHolidays, day) < 0;

    /// <summary>Weekdays (Monday-Friday) among day numbers [0, x).</summary>
    private static long WeekdaysBefore(long x) => WeekdaysPerWeek * (x / DaysPerWeek) + Math.Min(x % DaysPerWeek, WeekdaysPerWeek);

    /// <summary>The day number of the weekday with 0-based index <paramref name="index"/> counting from day 0.</summary>
    private static long WeekdayAt(long index) => DaysPerWeek * (index / WeekdaysPerWeek) + index % WeekdaysPerWeek;

    /// <summary>Weekday holidays among day numbers [0, x).</summary>
    private int HolidaysBefore(long x)
    {
        // Lower bound: the first index whose day is >= x.
        int low = 0, high = _weekdayHolidays.Length;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (_weekdayHolidays[mid] < x) low = mid + 1;
            else high = mid;
        }

        return low;
    }

    /// <summary>Working days among day numbers [0, x).</summary>
    private long WorkingDaysBefore(long x) => WeekdaysBefore(x) - HolidaysBefore(x);

    /// <summary>
    /// The day number of the working day with 0-based index <paramref name="index"/>: the day t that is a
    /// working day with WorkingDaysBefore(t) == index. It is the (index + h)-th weekday, where h is the number
    /// of holidays before it; h is found by fixed-point iteration from 0, which only ever increases and stops
    /// after at most one step per holiday in the span (in practice one or two binary searches).
    /// </summary>
    private long WorkingDayAt(long index)
    {
        long holidays = 0;
        while (true)
        {
            var candidate = WeekdayAt(index + holidays);
            long upTo = HolidaysBefore(candidate + 1);
            if (upTo == holidays) return candidate;
            holidays = upTo;
        }
    }
}
