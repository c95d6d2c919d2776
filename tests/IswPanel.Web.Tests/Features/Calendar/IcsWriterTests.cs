using System.Text;
using IswPanel.Web.Features.Calendar;

namespace IswPanel.Web.Tests.Features.Calendars;

/// <summary>The feed's RFC 5545 text: escaping, folding at 75 octets and all-day dates, read back by Ical.Net.</summary>
public sealed class IcsWriterTests
{
    private static readonly DateTime Stamp = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b; c", @"a\, b\; c")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("one\r\ntwo\nthree\rfour", @"one\ntwo\nthree\nfour")]
    [InlineData("bell\u0007 and\ttab", "bell and\ttab")]
    public void Text_values_are_escaped(string value, string expected) => Assert.Equal(expected, IcsWriter.Text(value));

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character_and_read_back_whole()
    {
        // Two-, three- and four-byte characters, so some folds would land inside one if counted wrongly.
        var summary = string.Concat(Enumerable.Repeat("Réunion – café 😀, ", 12)) + "end; with \\ and\nnew line";
        var url = "https://iswpanel.example/requests/" + new string('x', 120);

        var text = IcsWriter.Write("IswPanel deadlines", Stamp,
            [new FeedEvent("abc@iswpanel", new DateOnly(2027, 3, 26), summary, "Case NS-1, Parenting assessment: filing deadline.", url)]);

        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]); // ends with CRLF
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains(lines, line => Encoding.UTF8.GetByteCount(line) >= 73); // folds fill lines, give or take one character
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', text);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(summary, e.Summary);
        Assert.Equal("abc@iswpanel", e.Uid);
        Assert.Equal(url, e.Url!.ToString());
        Assert.Equal(new DateOnly(2027, 3, 26), e.DtStart!.Date);
        Assert.False(e.DtStart.HasTime);
        Assert.Equal(new DateOnly(2027, 3, 27), e.DtEnd!.Date);
        Assert.Contains("DTSTAMP:20261201T093000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270326\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20270327\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_feed_is_still_a_calendar()
    {
        var text = IcsWriter.Write("IswPanel deadlines", Stamp, []);

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Empty(calendar.Events);
        Assert.Equal("2.0", calendar.Version);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", text, StringComparison.Ordinal);
    }
}
