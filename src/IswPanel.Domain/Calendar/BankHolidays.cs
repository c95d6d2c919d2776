using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Calendar;

/// <summary>
/// Reads GOV.UK's bank-holidays JSON (https://www.gov.uk/bank-holidays.json): an object keyed by division
/// ("england-and-wales", "scotland", "northern-ireland"), each with <c>division</c> and <c>events</c>, each
/// event with <c>title</c>, <c>date</c> (YYYY-MM-DD), <c>notes</c> and <c>bunting</c>. The application ships
/// a copy for England and Wales and never needs the network; an administrator may upload a newer file.
/// </summary>
public static partial class BankHolidays
{
    public const string EnglandAndWalesDivision = "england-and-wales";

    private const string ShippedResource = "IswPanel.Domain.Calendar.bank-holidays-england-and-wales.json";

    private static readonly Lazy<BankHolidayList> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// England and Wales bank holidays from the copy of GOV.UK's file embedded in this assembly, parsed
    /// once per process (covers 2018 to 2028 as shipped).
    /// </summary>
    public static BankHolidayList EnglandAndWales() => Shipped.Value;

    /// <summary>Parses a GOV.UK bank-holidays file and returns one division's holidays.</summary>
    /// <exception cref="DomainException">The file is not GOV.UK's format, lacks the division, or holds a bad event.</exception>
    public static BankHolidayList Parse(Stream json, string division)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(division);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException)
        {
            throw NotJson();
        }

        using (document)
        {
            return Read(document.RootElement, division);
        }
    }

    /// <inheritdoc cref="Parse(Stream, string)"/>
    public static BankHolidayList Parse(string json, string division)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(division);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.TrimStart('\uFEFF'), Options);
        }
        catch (JsonException)
        {
            throw NotJson();
        }

        using (document)
        {
            return Read(document.RootElement, division);
        }
    }

    /// <summary>
    /// Combines the shipped list with an uploaded one: the upload replaces every year it covers (its
    /// holidays are taken and the shipped ones in those years dropped); the shipped list supplies the rest.
    /// The result must still be a continuous run of years.
    /// </summary>
    /// <exception cref="DomainException">The divisions differ, or the result would leave a year without a list.</exception>
    public static BankHolidayList Merge(BankHolidayList shipped, BankHolidayList uploaded)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        ArgumentNullException.ThrowIfNull(uploaded);
        if (!string.Equals(shipped.Division, uploaded.Division, StringComparison.Ordinal))
            throw new DomainException($"The uploaded list is for \"{uploaded.Division}\", not \"{shipped.Division}\".");
        if (uploaded.FirstYear > shipped.LastYear + 1)
            throw new DomainException(GapMessage(shipped.LastYear + 1, uploaded.FirstYear - 1, shipped, uploaded));
        if (uploaded.LastYear < shipped.FirstYear - 1)
            throw new DomainException(GapMessage(uploaded.LastYear + 1, shipped.FirstYear - 1, shipped, uploaded));

        var kept = shipped.Holidays.Where(h => !uploaded.Covers(h.Date));
        return new BankHolidayList(shipped.Division, kept.Concat(uploaded.Holidays),
            Math.Min(shipped.FirstYear, uploaded.FirstYear), Math.Max(shipped.LastYear, uploaded.LastYear));
    }

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    private static DomainException NotJson() =>
        new("The file is not valid JSON. Download bank-holidays.json from GOV.UK and upload it unchanged.");

    private static string GapMessage(int from, int to, BankHolidayList shipped, BankHolidayList uploaded)
    {
        var missing = from == to ? $"{from}" : $"{from} to {to}";
        return $"The uploaded list covers {uploaded.FirstYear} to {uploaded.LastYear} and the current one "
             + $"{shipped.FirstYear} to {shipped.LastYear}, which would leave {missing} without bank holidays.";
    }

    private static BankHolidayList Read(JsonElement root, string division)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new DomainException($"The file is not in GOV.UK's bank holidays format: expected divisions such as \"{EnglandAndWalesDivision}\".");
        if (!root.TryGetProperty(division, out var section))
        {
            var found = root.EnumerateObject().Select(p => $"\"{p.Name}\"").ToList();
            throw new DomainException(found.Count == 0
                ? $"The file has no \"{division}\" division; it has no divisions at all."
                : $"The file has no \"{division}\" division. It has {string.Join(", ", found)}.");
        }

        if (section.ValueKind != JsonValueKind.Object
            || !section.TryGetProperty("events", out var events)
            || events.ValueKind != JsonValueKind.Array)
            throw new DomainException($"The \"{division}\" division has no list of events.");
        if (section.TryGetProperty("division", out var named)
            && (named.ValueKind != JsonValueKind.String || !string.Equals(named.GetString(), division, StringComparison.Ordinal)))
            throw new DomainException($"The \"{division}\" division names itself \"{named}\".");

        var holidays = new List<BankHoliday>();
        var seen = new HashSet<DateOnly>();
        var number = 0;
        foreach (var item in events.EnumerateArray())
        {
            number++;
            var holiday = ReadEvent(item, number, division);
            if (!seen.Add(holiday.Date))
                throw new DomainException($"{holiday.Date:yyyy-MM-dd} is listed twice in \"{division}\".");
            holidays.Add(holiday);
        }

        if (holidays.Count == 0)
            throw new DomainException($"The \"{division}\" division lists no bank holidays.");

        var years = holidays.Select(h => h.Date.Year).ToHashSet();
        var first = years.Min();
        var last = years.Max();
        for (var year = first; year <= last; year++)
        {
            if (!years.Contains(year))
                throw new DomainException($"The \"{division}\" division lists nothing for {year}, although it runs from {first} to {last}.");
        }

        return new BankHolidayList(division, holidays, first, last);
    }

    private static BankHoliday ReadEvent(JsonElement item, int number, string division)
    {
        var which = $"Event {number} in \"{division}\"";
        if (item.ValueKind != JsonValueKind.Object)
            throw new DomainException($"{which} is not an object with a title and a date.");
        if (!item.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
            throw new DomainException($"{which} has no date.");

        var text = dateElement.GetString()!;
        if (!IsoDate().IsMatch(text))
            throw new DomainException($"{which} has the date \"{text}\", which is not in the form YYYY-MM-DD.");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new DomainException($"{which} has the date \"{text}\", which is not a real date.");
        if (date.Year > 9998)
            throw new DomainException($"{which} has the date \"{text}\", which is too far ahead.");

        var title = item.TryGetProperty("title", out var titleElement) && titleElement.ValueKind == JsonValueKind.String
            ? titleElement.GetString()!.Trim()
            : "";
        if (title.Length == 0)
            throw new DomainException($"{which} ({text}) has no title.");

        var notes = item.TryGetProperty("notes", out var notesElement) && notesElement.ValueKind == JsonValueKind.String
            ? notesElement.GetString()!.Trim()
            : "";
        return new BankHoliday(date, title, notes);
    }

    private static BankHolidayList LoadShipped()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The embedded resource {ShippedResource} is missing from {typeof(BankHolidays).Assembly.GetName().Name}.");
        return Parse(stream, EnglandAndWalesDivision);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
