using System.Runtime.CompilerServices;
using System.Text;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Tests.Calendar;

public sealed class BankHolidaysTests
{
    private static readonly BankHolidayList Shipped = BankHolidays.EnglandAndWales();

    private static string File(params (string Division, string[] Events)[] divisions) =>
        "{" + string.Join(",", divisions.Select(d =>
            $"\"{d.Division}\":{{\"division\":\"{d.Division}\",\"events\":[{string.Join(",", d.Events)}]}}")) + "}";

    private static string Event(string date, string title, string notes = "") =>
        $"{{\"title\":\"{title}\",\"date\":\"{date}\",\"notes\":\"{notes}\",\"bunting\":true}}";

    private static readonly string[] EnglandAndWales2029 =
    [
        Event("2029-01-01", "New Year’s Day"),
        Event("2029-03-30", "Good Friday"),
        Event("2029-04-02", "Easter Monday"),
        Event("2029-05-07", "Early May bank holiday"),
        Event("2029-05-28", "Spring bank holiday"),
        Event("2029-08-27", "Summer bank holiday"),
        Event("2029-12-25", "Christmas Day"),
        Event("2029-12-26", "Boxing Day"),
    ];

    private static DomainException ParseFails(string json) =>
        Assert.Throws<DomainException>(() => BankHolidays.Parse(json, BankHolidays.EnglandAndWalesDivision));

    [Fact]
    public void The_shipped_list_covers_2018_to_2028_with_91_holidays()
    {
        Assert.Equal("england-and-wales", Shipped.Division);
        Assert.Equal(2018, Shipped.FirstYear);
        Assert.Equal(2028, Shipped.LastYear);
        Assert.Equal(new DateOnly(2018, 1, 1), Shipped.CoveredFrom);
        Assert.Equal(new DateOnly(2028, 12, 31), Shipped.CoveredTo);
        Assert.Equal(91, Shipped.Holidays.Count);
        Assert.Equal(Shipped.Holidays.OrderBy(h => h.Date), Shipped.Holidays);
    }

    [Fact]
    public void The_shipped_list_is_loaded_once() => Assert.Same(BankHolidays.EnglandAndWales(), BankHolidays.EnglandAndWales());

    [Fact]
    public void The_shipped_list_is_exactly_what_the_England_and_Wales_rules_give_for_every_year()
    {
        var expected = Enumerable.Range(2018, 11).SelectMany(EnglandAndWalesRules.For).OrderBy(h => h.Date).ToList();
        var actual = Shipped.Holidays.Select(h => (h.Date, h.Title, h.Notes)).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_shipped_holiday_falls_on_a_weekday() =>
        Assert.All(Shipped.Holidays, h => Assert.DoesNotContain(h.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));

    [Fact]
    public void The_embedded_resource_is_byte_for_byte_the_file_in_the_source_tree()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream("IswPanel.Domain.Calendar.bank-holidays-england-and-wales.json");
        Assert.NotNull(stream);
        var shared = Path.Combine(FindRepositoryRoot(), "src", "IswPanel.Domain", "Calendar", "bank-holidays-england-and-wales.json");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(System.IO.File.ReadAllBytes(shared), copy.ToArray());
    }

    // The repository root, found from this source file's own path so the test runs from any output folder.
    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (var dir = new FileInfo(thisFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "IswPanel.Domain"))) return dir.FullName;
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public void Substitute_days_are_marked_and_described()
    {
        var boxing = Shipped.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 28));
        Assert.Equal("Boxing Day", boxing.Title);
        Assert.True(boxing.IsSubstituteDay);
        Assert.Equal("Boxing Day, substitute day", boxing.Description);
        var christmas = Shipped.Holidays.Single(h => h.Date == new DateOnly(2026, 12, 25));
        Assert.False(christmas.IsSubstituteDay);
        Assert.Equal("Christmas Day", christmas.Description);
    }

    [Fact]
    public void A_stream_with_a_byte_order_mark_parses()
    {
        var json = File(("england-and-wales", EnglandAndWales2029));
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);
        var list = BankHolidays.Parse(stream, "england-and-wales");
        Assert.Equal(8, list.Holidays.Count);
        Assert.Equal((2029, 2029), (list.FirstYear, list.LastYear));
        Assert.Equal("New Year’s Day", list.Holidays[0].Title);
    }

    [Fact]
    public void A_string_with_a_byte_order_mark_parses() =>
        Assert.Equal(8, BankHolidays.Parse("\uFEFF" + File(("england-and-wales", EnglandAndWales2029)), "england-and-wales").Holidays.Count);

    [Fact]
    public void The_requested_division_is_read_and_the_others_ignored()
    {
        var json = File(
            ("england-and-wales", EnglandAndWales2029),
            ("scotland", [Event("2029-01-01", "New Year’s Day"), Event("2029-01-02", "2nd January"), Event("2029-11-30", "St Andrew’s Day")]));
        var scotland = BankHolidays.Parse(json, "scotland");
        Assert.Equal("scotland", scotland.Division);
        Assert.Equal(["New Year’s Day", "2nd January", "St Andrew’s Day"], scotland.Holidays.Select(h => h.Title));
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("")]
    [InlineData("{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [}")]
    public void Malformed_json_is_refused(string json) =>
        Assert.Equal("The file is not valid JSON. Download bank-holidays.json from GOV.UK and upload it unchanged.", ParseFails(json).Message);

    [Fact]
    public void Malformed_json_in_a_stream_is_refused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("[1, 2"));
        var error = Assert.Throws<DomainException>(() => BankHolidays.Parse(stream, "england-and-wales"));
        Assert.StartsWith("The file is not valid JSON.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_not_an_object_of_divisions_is_refused() =>
        Assert.Equal("The file is not in GOV.UK's bank holidays format: expected divisions such as \"england-and-wales\".",
            ParseFails("[{\"date\": \"2029-01-01\"}]").Message);

    [Fact]
    public void A_missing_division_is_refused_naming_the_divisions_found() =>
        Assert.Equal("The file has no \"england-and-wales\" division. It has \"scotland\", \"northern-ireland\".",
            ParseFails(File(("scotland", EnglandAndWales2029), ("northern-ireland", EnglandAndWales2029))).Message);

    [Fact]
    public void An_empty_object_is_refused() =>
        Assert.Equal("The file has no \"england-and-wales\" division; it has no divisions at all.", ParseFails("{}").Message);

    [Theory]
    [InlineData("{\"england-and-wales\": {\"division\": \"england-and-wales\"}}")]
    [InlineData("{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": {}}}")]
    [InlineData("{\"england-and-wales\": []}")]
    public void A_division_without_a_list_of_events_is_refused(string json) =>
        Assert.Equal("The \"england-and-wales\" division has no list of events.", ParseFails(json).Message);

    [Fact]
    public void A_division_that_names_itself_differently_is_refused() =>
        Assert.Equal("The \"england-and-wales\" division names itself \"scotland\".",
            ParseFails("{\"england-and-wales\": {\"division\": \"scotland\", \"events\": []}}").Message);

    [Fact]
    public void A_division_with_no_events_is_refused() =>
        Assert.Equal("The \"england-and-wales\" division lists no bank holidays.", ParseFails(File(("england-and-wales", []))).Message);

    [Theory]
    [InlineData("2023-02-30", "Event 2 in \"england-and-wales\" has the date \"2023-02-30\", which is not a real date.")]
    [InlineData("2023-13-01", "Event 2 in \"england-and-wales\" has the date \"2023-13-01\", which is not a real date.")]
    [InlineData("2022-02-29", "Event 2 in \"england-and-wales\" has the date \"2022-02-29\", which is not a real date.")]
    [InlineData("08/05/2023", "Event 2 in \"england-and-wales\" has the date \"08/05/2023\", which is not in the form YYYY-MM-DD.")]
    [InlineData("2023-5-8", "Event 2 in \"england-and-wales\" has the date \"2023-5-8\", which is not in the form YYYY-MM-DD.")]
    [InlineData("2023-05-08T00:00:00", "Event 2 in \"england-and-wales\" has the date \"2023-05-08T00:00:00\", which is not in the form YYYY-MM-DD.")]
    [InlineData("", "Event 2 in \"england-and-wales\" has the date \"\", which is not in the form YYYY-MM-DD.")]
    public void A_date_that_is_not_a_real_yyyy_mm_dd_date_is_refused(string date, string message) =>
        Assert.Equal(message, ParseFails(File(("england-and-wales", [Event("2023-01-02", "New Year’s Day"), Event(date, "Odd day")]))).Message);

    [Fact]
    public void A_leap_day_in_a_leap_year_is_a_real_date() =>
        Assert.Equal(new DateOnly(2024, 2, 29), BankHolidays.Parse(File(("england-and-wales", [Event("2024-02-29", "Leap day")])), "england-and-wales").Holidays[0].Date);

    [Theory]
    [InlineData("{\"title\": \"No date\"}", "Event 1 in \"england-and-wales\" has no date.")]
    [InlineData("{\"title\": \"Number\", \"date\": 20290101}", "Event 1 in \"england-and-wales\" has no date.")]
    [InlineData("{\"date\": \"2029-01-01\"}", "Event 1 in \"england-and-wales\" (2029-01-01) has no title.")]
    [InlineData("{\"date\": \"2029-01-01\", \"title\": \"  \"}", "Event 1 in \"england-and-wales\" (2029-01-01) has no title.")]
    [InlineData("\"2029-01-01\"", "Event 1 in \"england-and-wales\" is not an object with a title and a date.")]
    public void An_event_without_a_date_or_title_is_refused(string item, string message) =>
        Assert.Equal(message, ParseFails(File(("england-and-wales", [item]))).Message);

    [Fact]
    public void A_date_listed_twice_is_refused() =>
        Assert.Equal("2029-01-01 is listed twice in \"england-and-wales\".",
            ParseFails(File(("england-and-wales", [Event("2029-01-01", "New Year’s Day"), Event("2029-01-01", "Again")]))).Message);

    [Fact]
    public void A_year_missing_in_the_middle_of_the_file_is_refused() =>
        Assert.Equal("The \"england-and-wales\" division lists nothing for 2030, although it runs from 2029 to 2031.",
            ParseFails(File(("england-and-wales", [Event("2029-01-01", "New Year’s Day"), Event("2031-01-01", "New Year’s Day")]))).Message);

    [Fact]
    public void Missing_notes_are_empty()
    {
        var list = BankHolidays.Parse(File(("england-and-wales", ["{\"title\": \"New Year’s Day\", \"date\": \"2029-01-01\"}"])), "england-and-wales");
        Assert.Equal("", list.Holidays[0].Notes);
    }

    [Fact]
    public void An_upload_for_2029_merged_with_the_shipped_list_extends_it()
    {
        var uploaded = BankHolidays.Parse(File(("england-and-wales", EnglandAndWales2029)), "england-and-wales");
        var merged = BankHolidays.Merge(Shipped, uploaded);

        Assert.Equal((2018, 2029), (merged.FirstYear, merged.LastYear));
        Assert.Equal(99, merged.Holidays.Count);
        Assert.Equal(Shipped.Holidays.Concat(uploaded.Holidays), merged.Holidays);

        var before = new WorkingDayCalendar(Shipped);
        var after = new WorkingDayCalendar(merged);
        var lastThursday = new DateOnly(2028, 12, 28);
        Assert.Throws<DateNotCoveredException>(() => before.AddWorkingDays(lastThursday, 3));
        Assert.Equal(new DateOnly(2029, 1, 3), after.AddWorkingDays(lastThursday, 3));   // 29 Dec, (1 Jan holiday), 2 Jan, 3 Jan
        Assert.False(after.IsWorkingDay(new DateOnly(2029, 3, 30)));
        Assert.Equal("Good Friday", after.BankHolidayOn(new DateOnly(2029, 3, 30))?.Title);
        Assert.True(after.IsWorkingDay(new DateOnly(2029, 12, 27)));
    }

    [Fact]
    public void An_upload_replaces_the_years_it_covers()
    {
        // A newer file for 2028-2029 in which 2028 gained a one-off day and lost nothing else but the Summer
        // bank holiday (as if it had moved): the upload's 2028 is taken whole, the shipped 2028 dropped.
        string[] events =
        [
            Event("2028-01-03", "New Year’s Day", "Substitute day"),
            Event("2028-04-14", "Good Friday"),
            Event("2028-04-17", "Easter Monday"),
            Event("2028-05-01", "Early May bank holiday"),
            Event("2028-05-29", "Spring bank holiday"),
            Event("2028-06-09", "A one-off celebration"),
            Event("2028-09-04", "Summer bank holiday (moved)"),
            Event("2028-12-25", "Christmas Day"),
            Event("2028-12-26", "Boxing Day"),
            .. EnglandAndWales2029,
        ];
        var uploaded = BankHolidays.Parse(File(("england-and-wales", events)), "england-and-wales");
        var merged = BankHolidays.Merge(Shipped, uploaded);
        var calendar = new WorkingDayCalendar(merged);

        Assert.Equal((2018, 2029), (merged.FirstYear, merged.LastYear));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 6, 9)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 8, 28)));     // the shipped Summer bank holiday is gone
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 9, 4)));
        Assert.Equal(Shipped.Holidays.Where(h => h.Date.Year < 2028), merged.Holidays.Where(h => h.Date.Year < 2028));
        Assert.Equal(uploaded.Holidays, merged.Holidays.Where(h => h.Date.Year >= 2028));
    }

    [Fact]
    public void An_upload_of_the_same_years_replaces_the_whole_list()
    {
        var uploaded = BankHolidays.Parse(System.IO.File.ReadAllText(Path.Combine(FindRepositoryRoot(), "src", "IswPanel.Domain", "Calendar", "bank-holidays-england-and-wales.json")), "england-and-wales");
        Assert.Equal(Shipped.Holidays, BankHolidays.Merge(Shipped, uploaded).Holidays);
    }

    [Fact]
    public void An_upload_that_would_leave_a_gap_is_refused()
    {
        var uploaded = BankHolidays.Parse(File(("england-and-wales", [Event("2030-01-01", "New Year’s Day")])), "england-and-wales");
        var error = Assert.Throws<DomainException>(() => BankHolidays.Merge(Shipped, uploaded));
        Assert.Equal("The uploaded list covers 2030 to 2030 and the current one 2018 to 2028, which would leave 2029 without bank holidays.", error.Message);

        var older = BankHolidays.Parse(File(("england-and-wales", [Event("2015-01-01", "New Year’s Day")])), "england-and-wales");
        Assert.Contains("2016 to 2017 without bank holidays", Assert.Throws<DomainException>(() => BankHolidays.Merge(Shipped, older)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upload_for_another_division_is_refused()
    {
        var scotland = BankHolidays.Parse(File(("scotland", EnglandAndWales2029)), "scotland");
        Assert.Equal("The uploaded list is for \"scotland\", not \"england-and-wales\".",
            Assert.Throws<DomainException>(() => BankHolidays.Merge(Shipped, scotland)).Message);
    }

    [Fact]
    public void A_list_made_in_code_refuses_holidays_outside_its_years_and_duplicates()
    {
        Assert.Throws<ArgumentException>(() => new BankHolidayList("x", [new BankHoliday(new DateOnly(2030, 1, 1), "A")], 2029, 2029));
        Assert.Throws<ArgumentException>(() => new BankHolidayList("x",
            [new BankHoliday(new DateOnly(2029, 1, 1), "A"), new BankHoliday(new DateOnly(2029, 1, 1), "B")], 2029, 2029));
        Assert.Throws<ArgumentException>(() => new BankHolidayList("x", [], 2029, 2028));
    }
}
