using System.Collections.ObjectModel;

namespace IswPanel.Domain.Calendar;

/// <summary>
/// The bank holidays of one GOV.UK division over a run of whole years. Every year from
/// <see cref="FirstYear"/> to <see cref="LastYear"/> is covered: a date in those years that is not listed
/// is not a bank holiday. Immutable; the holidays are sorted by date and unique.
/// </summary>
public sealed class BankHolidayList
{
    private readonly BankHoliday[] _holidays;

    /// <exception cref="ArgumentException">
    /// The years are the wrong way round or out of range, a holiday lies outside them, or a date is listed twice.
    /// (Data from a file is validated by <see cref="BankHolidays.Parse(string, string)"/> with friendlier messages first.)
    /// </exception>
    public BankHolidayList(string division, IEnumerable<BankHoliday> holidays, int firstYear, int lastYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(division);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 9998);
        if (lastYear < firstYear)
            throw new ArgumentException($"The last year ({lastYear}) is before the first ({firstYear}).", nameof(lastYear));

        var sorted = holidays.OrderBy(h => h.Date).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var holiday = sorted[i] ?? throw new ArgumentException("A bank holiday is missing.", nameof(holidays));
            if (holiday.Date.Year < firstYear || holiday.Date.Year > lastYear)
                throw new ArgumentException($"{holiday.Date:yyyy-MM-dd} lies outside {firstYear} to {lastYear}.", nameof(holidays));
            if (i > 0 && sorted[i - 1].Date == holiday.Date)
                throw new ArgumentException($"{holiday.Date:yyyy-MM-dd} is listed twice.", nameof(holidays));
        }

        Division = division;
        FirstYear = firstYear;
        LastYear = lastYear;
        _holidays = sorted;
        Holidays = new ReadOnlyCollection<BankHoliday>(sorted);
    }

    /// <summary>GOV.UK's division name, e.g. "england-and-wales".</summary>
    public string Division { get; }

    /// <summary>The first whole year covered.</summary>
    public int FirstYear { get; }

    /// <summary>The last whole year covered.</summary>
    public int LastYear { get; }

    /// <summary>The holidays in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays { get; }

    /// <summary>The first covered day: 1 January of <see cref="FirstYear"/>.</summary>
    public DateOnly CoveredFrom => new(FirstYear, 1, 1);

    /// <summary>The last covered day: 31 December of <see cref="LastYear"/>.</summary>
    public DateOnly CoveredTo => new(LastYear, 12, 31);

    /// <summary>Whether the list covers the year of <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date.Year >= FirstYear && date.Year <= LastYear;

    internal ReadOnlySpan<BankHoliday> Span => _holidays;
}
