using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Testing;
using IswPanel.Web.Features.Calendar;
using IswPanel.Web.Features.Offers;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Calendars;

/// <summary>
/// One calendar for the whole app: the shipped GOV.UK list until an administrator uploads a newer file, which then
/// serves milestones and offer windows at once, without the network. A bad file is refused with GOV.UK's reason.
/// </summary>
public sealed class BankHolidaysTests(CalendarApp fixture) : IClassFixture<CalendarApp>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static readonly DateOnly GoodFriday2029 = new(2029, 3, 30);
    private static readonly DateOnly EasterMonday2029 = new(2029, 4, 2);

    private static async Task<T> InScopeAsync<T>(IswPanelApp app, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private static Task<HttpResponseMessage> UploadAsync(PageClient admin, byte[] file, string fileName = "bank-holidays.json") =>
        admin.PostMultipartAsync("/admin/bank-holidays", "/admin/bank-holidays", new Dictionary<string, string>(), ("Form.File", fileName, file));

    [Fact]
    public async Task The_registered_calendar_is_the_shipped_GOV_UK_list_for_handlers_milestones_and_offer_windows()
    {
        var (calendar, sourceCalendar) = await InScopeAsync(fixture.App, services => Task.FromResult(
            (services.GetRequiredService<WorkingDayCalendar>(), services.GetRequiredService<CalendarSource>().Current)));

        Assert.Same(WorkingDayCalendar.EnglandAndWales(), calendar);
        Assert.Same(calendar, sourceCalendar);
        Assert.Equal(2018, calendar.FirstYear);
        Assert.Equal(2028, calendar.LastYear);
        Assert.Equal(BankHolidays.EnglandAndWales().Holidays, calendar.HolidayList.Holidays);
        Assert.Null(fixture.App.Services.GetRequiredService<CalendarSource>().UploadId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_upload_that_covers_2029_makes_2029_deadlines_computable_at_once_without_the_network(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var parenting = await app.WithDbAsync(db => db.AssessmentTypes.SingleAsync(t => t.Code == "parenting"));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var deadline = new DateOnly(2029, 4, 3); // the Tuesday after Easter Monday 2029

        var refused = await InScopeAsync(app, services => Task.FromResult(
            Assert.Throws<DomainException>(() => services.GetRequiredService<MilestonePlanner>().Plan(parenting, deadline, today))));
        Assert.Contains("after 31 December 2028 cannot be worked out", refused.Message, StringComparison.Ordinal);

        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var response = await UploadAsync(admin, GovUkFiles.Through2029());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, _, page) = await admin.FollowAsync(response);
        Assert.Contains("Working days are now known for 2018 to 2029", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);

        // The next scope (request or job) has the new calendar: working days across Easter 2029 are known.
        await InScopeAsync(app, services =>
        {
            var calendar = services.GetRequiredService<WorkingDayCalendar>();
            Assert.Equal(2029, calendar.LastYear);
            Assert.False(calendar.IsWorkingDay(GoodFriday2029));
            Assert.False(calendar.IsWorkingDay(EasterMonday2029));
            Assert.Equal(deadline, calendar.AddWorkingDays(new DateOnly(2029, 3, 29), 1));
            Assert.Equal(new DateOnly(2029, 12, 27), calendar.AddWorkingDays(new DateOnly(2029, 12, 24), 1));

            var plan = services.GetRequiredService<MilestonePlanner>().Plan(parenting, deadline, today);
            Assert.Equal(deadline, plan.Deadline);
            foreach (var milestone in plan.Milestones)
            {
                Assert.True(calendar.IsWorkingDay(milestone.Due), $"{milestone.Name} {milestone.Due} is not a working day");
            }
            // "Release by" sits the type's offset in working days before the deadline, counting Easter 2029 out.
            Assert.Equal(parenting.MilestoneOffsets.ReleaseBefore, calendar.WorkingDaysBetween(plan.ReleaseBy.Due, deadline));

            // An offer sent on Maundy Thursday 2029 with 1 working day lapses at the end of Tuesday 3 April.
            var expires = services.GetRequiredService<OfferWindows>().ExpiryFor(new DateTime(2029, 3, 29, 10, 0, 0, DateTimeKind.Utc), 1);
            Assert.Equal(new DateTime(2029, 4, 3, 23, 0, 0, DateTimeKind.Utc), expires); // midnight BST
            return Task.FromResult(true);
        });

        var saved = await app.WithDbAsync(db => db.BankHolidayUploads.SingleAsync());
        Assert.Equal((2021, 2029), (saved.FirstYear, saved.LastYear));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.BankHolidaysUploaded && e.EntityId == saved.Id.ToString())));

        var (_, shown) = await admin.GetPageAsync("/admin/bank-holidays");
        Assert.Contains("2018 to 2029", shown.QuerySelector(".govuk-summary-list")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_instance_uses_an_upload_when_it_starts_and_a_running_one_within_its_refresh_interval()
    {
        await using var first = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        // The refresh interval is wall-clock time (not the app's clock); a second keeps the test short.
        await using var running = new IswPanelApp(first.Database, new Dictionary<string, string?> { ["Calendar:RefreshInterval"] = "00:00:01" }, ownsDatabase: false);
        Assert.Equal(2028, running.Services.GetRequiredService<CalendarSource>().Current.LastYear);

        using var admin = PageClient.For(first);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, GovUkFiles.Through2029())).StatusCode);

        // A server started after the upload reads it at start.
        await using var started = first.SecondInstance();
        Assert.Equal(2029, started.Services.GetRequiredService<CalendarSource>().Current.LastYear);

        // One already running checks the newest upload's id at its refresh interval.
        var source = running.Services.GetRequiredService<CalendarSource>();
        var waited = TimeSpan.Zero;
        while (source.Current.LastYear != 2029 && waited < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            waited += TimeSpan.FromMilliseconds(100);
        }

        Assert.Equal(2029, source.Current.LastYear);
        Assert.NotNull(source.UploadId);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "not JSON", "<html>Bank holidays</html>"u8.ToArray(), "The file is not valid JSON. Download bank-holidays.json from GOV.UK and upload it unchanged." },
        { "not UTF-8", [0xFF, 0xFE, 0x00, 0x7B, 0x00], "The file is not valid JSON." },
        { "no England and Wales", GovUkFiles.File(GovUkFiles.Holidays2029, division: "northern-ireland"),
            "The file has no \"england-and-wales\" division. It has \"northern-ireland\", \"scotland\"." },
        { "a gap after 2028", GovUkFiles.File(GovUkFiles.Holidays2029.Select(h => h with { Date = h.Date.AddYears(1) })),
            "The uploaded list covers 2030 to 2030 and the current one 2018 to 2028, which would leave 2029 without bank holidays." },
        { "a year missing inside", GovUkFiles.File(BankHolidays.EnglandAndWales().Holidays.Where(h => h.Date.Year != 2025).Concat(GovUkFiles.Holidays2029)),
            "The \"england-and-wales\" division lists nothing for 2025, although it runs from 2018 to 2029." },
        { "an impossible date", "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[{\"title\":\"Boxing Day\",\"date\":\"2029-02-30\"}]}}"u8.ToArray(),
            "Event 1 in \"england-and-wales\" has the date \"2029-02-30\", which is not a real date." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_the_reason_and_changes_nothing(string why, byte[] file, string message)
    {
        using var admin = PageClient.For(fixture.App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var response = await UploadAsync(admin, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";
        Assert.True(summary.Contains(message, StringComparison.Ordinal), $"{why}: {summary}");
        Assert.Contains(message, page.QuerySelector(".govuk-form-group--error .govuk-error-message")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.BankHolidayUploads.CountAsync()));
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.BankHolidaysUploaded)));
        Assert.Same(WorkingDayCalendar.EnglandAndWales(), fixture.App.Services.GetRequiredService<CalendarSource>().Current);
    }

    [Fact]
    public async Task No_file_an_empty_file_and_a_file_over_1_MB_are_refused()
    {
        using var admin = PageClient.For(fixture.App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var none = await PageClient.ParseAsync(await admin.PostMultipartAsync("/admin/bank-holidays", "/admin/bank-holidays",
            new Dictionary<string, string>()));
        var empty = await PageClient.ParseAsync(await UploadAsync(admin, []));
        var large = await PageClient.ParseAsync(await UploadAsync(admin, new byte[1024 * 1024 + 1]));

        Assert.Contains("Select the bank-holidays.json file you downloaded from GOV.UK", none.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The selected file is empty", empty.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("The selected file must be smaller than 1 MB", large.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.BankHolidayUploads.CountAsync()));
    }

    [Fact]
    public async Task The_page_shows_the_covered_years_and_this_and_next_years_holidays()
    {
        using var admin = PageClient.For(fixture.App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var (response, page) = await admin.GetPageAsync("/admin/bank-holidays");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2018 to 2028", page.QuerySelector(".govuk-summary-list")?.TextContent, StringComparison.Ordinal);
        var tables = page.QuerySelectorAll("table.govuk-table").Select(t => t.TextContent).ToList();
        Assert.Equal(2, tables.Count);
        Assert.Contains("Friday 25 December", tables[0], StringComparison.Ordinal);            // 2026
        Assert.Contains("Monday 28 December", tables[0], StringComparison.Ordinal);            // Boxing Day 2026, substitute day
        Assert.Contains("Friday 26 March", tables[1], StringComparison.Ordinal);               // Good Friday 2027
        Assert.NotNull(page.QuerySelector("form[action='/admin/bank-holidays'][enctype='multipart/form-data'] input[type=file][name='Form.File']"));
    }

    [Theory]
    [InlineData(DemoUsers.Qa)]
    [InlineData(DemoUsers.Northshire)]
    [InlineData("isw1@demo.iswpanel.test")]
    public async Task Only_panel_administrators_reach_the_bank_holidays_page(string email)
    {
        using var client = PageClient.For(fixture.App);
        await client.SignInAsync(email, DemoUsers.Password);

        var (_, get, _) = await client.FollowAsync(await client.Http.GetAsync("/admin/bank-holidays"));
        var post = await client.PostMultipartAsync("/account/calendar", "/admin/bank-holidays", new Dictionary<string, string>(),
            ("Form.File", "bank-holidays.json", GovUkFiles.Through2029()));
        var (_, posted, _) = await client.FollowAsync(post);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.BankHolidayUploads.CountAsync()));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var visitor = PageClient.For(fixture.App);

        var response = await visitor.Http.GetAsync("/admin/bank-holidays");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
