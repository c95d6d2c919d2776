using System.Globalization;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// The ?from=&amp;to= of the shadowing reports: ISO dates (2026-03-01), either may be left out, both included.
/// An ASYE review period is the usual use.
/// </summary>
public readonly record struct ReportPeriod(DateOnly? From, DateOnly? To)
{
    public const string FromField = "From";
    public const string ToField = "To";

    public bool Contains(DateOnly day) => (From is not { } from || day >= from) && (To is not { } to || day <= to);

    /// <summary>The period, or the reasons the text is not one (by field, for the error summary).</summary>
    public static Result<ReportPeriod> Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Date(from, FromField, "start", errors);
        var end = Date(to, ToField, "end", errors);
        if (errors.Count == 0 && start is { } s && end is { } e && s > e)
            errors[ToField] = [$"The end of the period must be on or after its start, {s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."];
        return errors.Count == 0 ? new ReportPeriod(start, end) : new Failure(ResultStatus.Invalid, errors);
    }

    private static DateOnly? Date(string? text, string field, string which, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors[field] = [$"Enter the {which} of the period as a date in the form year-month-day, like 2026-03-01."];
        return null;
    }
}
