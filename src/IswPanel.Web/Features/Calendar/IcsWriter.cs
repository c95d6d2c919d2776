using System.Globalization;
using System.Text;

namespace IswPanel.Web.Features.Calendar;

/// <summary>One all-day entry of a calendar feed.</summary>
/// <param name="Uid">Stable for the same milestone of the same request, so calendar apps update it rather than add a copy.</param>
public sealed record FeedEvent(string Uid, DateOnly Date, string Summary, string Description, string? Url);

/// <summary>
/// Writes an iCalendar (RFC 5545) feed of all-day events: VCALENDAR with VEVENTs, CRLF line endings, content lines
/// folded at 75 octets without splitting a UTF-8 character, TEXT values escaped (backslash, semicolon, comma,
/// newlines), and the properties every event needs (UID, DTSTAMP, DTSTART;VALUE=DATE and DTEND, the next day).
/// </summary>
public static class IcsWriter
{
    private const int MaxOctets = 75;
    private const string Crlf = "\r\n";

    public static string Write(string calendarName, DateTime stampUtc, IEnumerable<FeedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ics = new StringBuilder();
        Line(ics, "BEGIN", "VCALENDAR");
        Line(ics, "VERSION", "2.0");
        Line(ics, "PRODID", "-//IswPanel//Deadlines feed//EN");
        Line(ics, "CALSCALE", "GREGORIAN");
        Line(ics, "METHOD", "PUBLISH");
        Line(ics, "X-WR-CALNAME", Text(calendarName));
        // Hints (honoured by some apps) to fetch the feed again every hour.
        Line(ics, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        Line(ics, "X-PUBLISHED-TTL", "PT1H");

        var stamp = DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(ics, "BEGIN", "VEVENT");
            Line(ics, "UID", Text(e.Uid));
            Line(ics, "DTSTAMP", stamp);
            Line(ics, "DTSTART;VALUE=DATE", Date(e.Date));
            Line(ics, "DTEND;VALUE=DATE", Date(e.Date.AddDays(1)));
            Line(ics, "SUMMARY", Text(e.Summary));
            Line(ics, "DESCRIPTION", Text(e.Description));
            if (e.Url is not null) Line(ics, "URL", e.Url);
            // A deadline is not a meeting: it does not make the person look busy.
            Line(ics, "TRANSP", "TRANSPARENT");
            Line(ics, "END", "VEVENT");
        }

        Line(ics, "END", "VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A TEXT value: backslash, semicolon and comma escaped, any newline as \n, other control characters dropped.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\r':
                    text.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                    break;
                case '\n': text.Append(@"\n"); break;
                default:
                    if (!char.IsControl(c) || c == '\t') text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Appends "NAME:value" and CRLF, folded so that no line is longer than 75 octets: a longer line continues on
    /// the next after CRLF and one space (which counts towards that line's 75). Folds fall between characters,
    /// never inside one character's UTF-8 bytes (or between the halves of a surrogate pair).
    /// </summary>
    private static void Line(StringBuilder ics, string name, string value)
    {
        var line = $"{name}:{value}";
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                ics.Append(Crlf).Append(' ');
                octets = 1;
            }

            ics.Append(rune.ToString());
            octets += size;
        }

        ics.Append(Crlf);
    }
}
