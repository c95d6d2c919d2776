using System.Globalization;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// The period a set of figures covers: whole UK dates from <see cref="From"/> to <see cref="To"/>, both inclusive.
/// Instants (a release, a QA decision, a rating) are placed in a period and a month by their UTC date, so a figure
/// for a past period depends only on the records dated in it; in summer an instant between 23:00 and midnight UTC
/// counts on the UTC day, an hour before the UK day turns.
/// </summary>
public sealed record InsightPeriod(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 60;
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The first instant of the period (UTC midnight of <see cref="From"/>).</summary>
    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the period (UTC midnight of the day after <see cref="To"/>).</summary>
    public DateTime ToExclusiveUtc => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first day of every calendar month the period touches, in order.</summary>
    public IReadOnlyList<DateOnly> Months
    {
        get
        {
            var months = new List<DateOnly>();
            for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) months.Add(m);
            return months;
        }
    }

    public string FromText => From.ToString(DateFormat, CultureInfo.InvariantCulture);
    public string ToText => To.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>"1 January 2026 to 1 December 2026".</summary>
    public string Display => $"{From.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} to {To.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>"2026-01-01 to 2026-12-01": how the CSV and the API name the period.</summary>
    public string Key => $"{FromText} to {ToText}";

    /// <summary>The query string that asks for this period again.</summary>
    public string Query => $"from={FromText}&to={ToText}";

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The default: the last 12 months to today (the whole of the 11 months before this one, and this month so far).</summary>
    public static InsightPeriod Default(DateOnly today) => new(new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today);

    /// <summary>
    /// A period from the query string: both dates omitted is the default; one omitted is 12 months before or after the
    /// other (never past today). Errors are keyed "from" and "to" for the form and the problem's <c>errors</c>.
    /// </summary>
    public static Result<InsightPeriod> Parse(string? from, string? to, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to)) return Default(today);
        var errors = new Dictionary<string, string[]>();
        DateOnly? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (TryParseDate(from, out var d)) start = d;
            else errors["from"] = ["Enter the start of the period as a date like 2026-01-01."];
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (TryParseDate(to, out var d)) end = d;
            else errors["to"] = ["Enter the end of the period as a date like 2026-12-31."];
        }

        if (errors.Count > 0) return Invalid(errors);
        var last = end ?? Min(start!.Value.AddMonths(12).AddDays(-1), today);
        var first = start ?? last.AddMonths(-12).AddDays(1);
        if (last > today) return Invalid(new() { ["to"] = ["The end of the period must be today or in the past."] });
        if (first > last) return Invalid(new() { ["from"] = ["The start of the period must be on or before its end."] });
        if (first < last.AddMonths(-MaxMonths).AddDays(1) || first.Year < 2000)
            return Invalid(new() { ["from"] = [$"The period can be at most {MaxMonths / 12} years long."] });
        return new InsightPeriod(first, last);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Result<InsightPeriod> Invalid(Dictionary<string, string[]> errors) =>
        Result<InsightPeriod>.Failure(ResultStatus.Invalid, errors);
}
