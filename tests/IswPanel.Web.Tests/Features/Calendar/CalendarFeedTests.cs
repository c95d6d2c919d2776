using System.Net;
using System.Text;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using IswPanel.Web.Features.Calendar;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Calendars;

/// <summary>
/// Each person's .ics feed at a secret address: it parses as a calendar, holds their own milestones and deadlines
/// only, never a child's initials, and a reset address stops the old one working.
/// </summary>
public sealed class CalendarFeedTests(CalendarApp fixture) : IClassFixture<CalendarApp>
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static readonly AssessmentRequestStatus[] Open =
    [
        AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Offered, AssessmentRequestStatus.Assigned,
        AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa,
    ];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_isws_feed_holds_their_assigned_requests_milestones_and_deadline_and_their_open_offers_and_nothing_of_another_isw(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var mine = await FeedScenario.RequestAsync(app, "NS-CAL-0001", "Q.Z.", assignTo: 1);
        await FeedScenario.RequestAsync(app, "NS-CAL-0002", "W.X.", assignTo: 2);
        var offered = await FeedScenario.RequestAsync(app, "NS-CAL-0003", "V.Y.", offerTo: 1);

        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);
        var (response, text) = await FeedScenario.GetFeedAsync(isw, await FeedScenario.CreateLinkAsync(isw));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl?.NoStore);

        var calendar = Ical.Net.Calendar.Load(text)!;
        var request = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == mine));
        var typeName = await app.WithDbAsync(db => db.AssessmentTypes.Where(t => t.Id == request.AssessmentTypeId).Select(t => t.Name).SingleAsync());
        var ofMine = calendar.Events.Where(e => e.Summary!.Contains("NS-CAL-0001", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, request.Milestones.Count);
        Assert.Equal(6, ofMine.Count);
        foreach (var milestone in request.Milestones)
        {
            var e = Assert.Single(ofMine, e => e.Summary == $"{milestone.Name}: NS-CAL-0001 ({typeName})");
            Assert.Equal(milestone.Due, e.DtStart!.Date);
            Assert.False(e.DtStart.HasTime);
            Assert.Equal(milestone.Due.AddDays(1), e.DtEnd!.Date);
            Assert.EndsWith($"/requests/{mine}", e.Url!.ToString(), StringComparison.Ordinal);
        }

        var deadline = Assert.Single(ofMine, e => e.Summary == $"Filing deadline: NS-CAL-0001 ({typeName})");
        Assert.Equal(request.FilingDeadline, deadline.DtStart!.Date);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());

        var offer = Assert.Single(calendar.Events, e => e.Summary!.Contains("NS-CAL-0003", StringComparison.Ordinal));
        Assert.StartsWith("Reply to offer by: NS-CAL-0003", offer.Summary, StringComparison.Ordinal);

        // Nothing of another ISW's work, nor of the requests this ISW was only offered.
        var othersWork = await app.WithDbAsync(async db =>
        {
            var iswId = await FeedScenario.IswIdAsync(db, 1);
            return await db.AssessmentRequests.Where(r => r.AssignedIswId != iswId || !(r.Status == AssessmentRequestStatus.Assigned
                    || r.Status == AssessmentRequestStatus.InProgress || r.Status == AssessmentRequestStatus.InQa))
                .Where(r => r.Id != offered).Select(r => r.CaseReference).ToListAsync();
        });
        Assert.Contains("NS-CAL-0002", othersWork);
        Assert.All(othersWork, reference => Assert.DoesNotContain(reference, FeedScenario.Unfolded(text), StringComparison.Ordinal));
        await FeedScenario.AssertNoInitialsAsync(app, text);
        FeedScenario.AssertWellFormed(text);
    }

    [Fact]
    public async Task A_commissioners_feed_holds_their_authoritys_open_requests_only()
    {
        using var commissioner = PageClient.For(fixture.App);
        await commissioner.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);

        var (response, text) = await FeedScenario.GetFeedAsync(commissioner, await FeedScenario.CreateLinkAsync(commissioner));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var today = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime);
        var requests = await fixture.App.WithDbAsync(db => (
            from r in db.AssessmentRequests.AsNoTracking()
            join a in db.Authorities on r.AuthorityId equals a.Id
            select new { r.CaseReference, r.Status, Southborough = a.Name == "Southborough City Council", r.FilingDeadline, r.Milestones }).ToListAsync());
        var expected = requests.Where(r => r.Southborough && Open.Contains(r.Status)).ToList();
        var dates = expected.SelectMany(r => r.Milestones.Select(m => m.Due).Append(r.FilingDeadline))
            .Where(d => d >= today.AddMonths(-1) && d <= today.AddMonths(12)).ToList();

        Assert.NotEmpty(expected);
        foreach (var r in expected)
        {
            Assert.Single(calendar.Events, e => e.Summary!.StartsWith($"Filing deadline: {r.CaseReference} (", StringComparison.Ordinal));
        }

        Assert.Equal(dates.Order(), calendar.Events.Select(e => e.DtStart!.Date).Order());
        Assert.All(requests.Where(r => !r.Southborough || !Open.Contains(r.Status)),
            r => Assert.DoesNotContain(r.CaseReference, FeedScenario.Unfolded(text), StringComparison.Ordinal));
        await FeedScenario.AssertNoInitialsAsync(fixture.App, text);
        FeedScenario.AssertWellFormed(text);
    }

    [Fact]
    public async Task Panel_staff_get_the_filing_deadlines_of_open_requests_for_the_next_12_months()
    {
        using var admin = PageClient.For(fixture.App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var (_, text) = await FeedScenario.GetFeedAsync(admin, await FeedScenario.CreateLinkAsync(admin));

        var calendar = Ical.Net.Calendar.Load(text)!;
        var today = DateOnly.FromDateTime(fixture.App.Clock.GetUtcNow().UtcDateTime);
        var open = await fixture.App.WithDbAsync(db => db.AssessmentRequests
            .Where(r => Open.Contains(r.Status)).Select(r => new { r.CaseReference, r.FilingDeadline }).ToListAsync());
        var expected = open.Where(r => r.FilingDeadline >= today.AddMonths(-1) && r.FilingDeadline <= today.AddMonths(12)).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.StartsWith("Filing deadline: ", e.Summary, StringComparison.Ordinal));
        Assert.All(expected, r => Assert.Single(calendar.Events, e => e.Summary!.StartsWith($"Filing deadline: {r.CaseReference} (", StringComparison.Ordinal)
            && e.DtStart!.Date == r.FilingDeadline));
        await FeedScenario.AssertNoInitialsAsync(fixture.App, text);
    }

    [Fact]
    public async Task A_reset_link_stops_the_old_one_working_and_the_new_one_works()
    {
        using var commissioner = PageClient.For(fixture.App);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var first = await FeedScenario.CreateLinkAsync(commissioner);
        Assert.Equal(HttpStatusCode.OK, (await FeedScenario.GetFeedAsync(commissioner, first)).Response.StatusCode);

        var (_, page) = await commissioner.GetPageAsync("/account/calendar");
        Assert.Null(page.QuerySelector("#calendar-url"));  // shown once only: just its hash is kept
        Assert.Equal("Reset the link", page.QuerySelector("form[action='/account/calendar'] button")?.TextContent.Trim());

        var second = await FeedScenario.CreateLinkAsync(commissioner);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedScenario.GetFeedAsync(commissioner, first)).Response.StatusCode);
        using var calendarApp = fixture.App.CreateClient(); // a calendar app: no cookies
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(new Uri(second).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(first).PathAndQuery)).StatusCode);

        var userId = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Northshire).Select(u => u.Id).SingleAsync());
        var hash = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.CalendarFeedSecretHash).SingleAsync());
        var secret = new Uri(second).Segments[^1].Replace(".ics", "", StringComparison.Ordinal);
        Assert.Equal(FeedSecrets.Hash(secret), hash);
        Assert.DoesNotContain(secret, hash!, StringComparison.Ordinal);
        var audited = await fixture.App.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == userId.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.CalendarLinkCreated, audited);
        Assert.Contains(AuditActions.CalendarLinkReset, audited);
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_user_or_a_user_without_a_link_is_404()
    {
        using var isw = PageClient.For(fixture.App);
        await isw.SignInAsync(DemoUsers.Isw(3), DemoUsers.Password);
        var link = new Uri(await FeedScenario.CreateLinkAsync(isw));
        var userId = Guid.Parse(link.Segments[^2].TrimEnd('/'));
        var secret = link.Segments[^1].Replace(".ics", "", StringComparison.Ordinal);
        var withoutLink = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Isw(4)).Select(u => u.Id).SingleAsync());
        using var calendarApp = fixture.App.CreateClient();

        var right = await calendarApp.GetAsync($"/calendar/{userId}/{secret}.ics");
        var wrongSecret = await calendarApp.GetAsync($"/calendar/{userId}/{FeedSecrets.NewSecret()}.ics");
        var changedByOne = await calendarApp.GetAsync($"/calendar/{userId}/{(secret[0] == 'A' ? 'B' : 'A')}{secret[1..]}.ics");
        var badShape = await calendarApp.GetAsync($"/calendar/{userId}/not-a-secret.ics");
        var unknownUser = await calendarApp.GetAsync($"/calendar/{Guid.NewGuid()}/{secret}.ics");
        var anotherUser = await calendarApp.GetAsync($"/calendar/{withoutLink}/{secret}.ics");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changedByOne.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badShape.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anotherUser.StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Qa)]
    [InlineData(DemoUsers.Southborough)]
    [InlineData("isw5@demo.iswpanel.test")]
    public async Task Everyone_signed_in_can_create_their_link_and_sees_it_once(string email)
    {
        using var client = PageClient.For(fixture.App);
        await client.SignInAsync(email, DemoUsers.Password);
        await fixture.App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.CalendarFeedSecretHash = null;
            return await db.SaveChangesAsync();
        });

        var (_, before) = await client.GetPageAsync("/account/calendar");
        var created = await client.PostFormAsync("/account/calendar", "/account/calendar", []);
        var page = await PageClient.ParseAsync(created);

        Assert.Equal("Create my calendar link", before.QuerySelector("form[action='/account/calendar'] button")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.Matches(@"^https://localhost/calendar/[0-9a-f-]{36}/[A-Za-z0-9_-]{43}\.ics$", page.QuerySelector("#calendar-url")?.GetAttribute("value") ?? "");
        Assert.Contains("Your calendar link has been created", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_page_needs_a_signed_in_user()
    {
        using var visitor = PageClient.For(fixture.App);

        var response = await visitor.Http.GetAsync("/account/calendar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Requests, offers and feed links for the feed tests.</summary>
internal static class FeedScenario
{
    /// <summary>Creates (or resets) the signed-in user's link on the page and returns the address it shows.</summary>
    public static async Task<string> CreateLinkAsync(PageClient client)
    {
        var response = await client.PostFormAsync("/account/calendar", "/account/calendar", []);
        var page = await PageClient.ParseAsync(response);
        return page.QuerySelector("#calendar-url")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No link shown ({(int)response.StatusCode}).");
    }

    /// <summary>Fetches the feed without the page client's cookies, as a calendar app would.</summary>
    public static async Task<(HttpResponseMessage Response, string Text)> GetFeedAsync(PageClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        var response = await client.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static Task<Guid> IswIdAsync(AppDbContext db, int number) =>
        (from p in db.IswProfiles join u in db.Users on p.UserId equals u.Id where u.Email == DemoUsers.Isw(number) select p.Id).SingleAsync();

    /// <summary>
    /// A Northshire parenting request due 1 June 2027 (every milestone ahead of the fake clock), with the child's
    /// initials given: in progress with ISW <paramref name="assignTo"/>, or offered to ISW <paramref name="offerTo"/>.
    /// </summary>
    public static async Task<Guid> RequestAsync(IswPanelApp app, string caseReference, string childInitials, int? assignTo = null, int? offerTo = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planner = scope.ServiceProvider.GetRequiredService<MilestonePlanner>();
        var type = await db.AssessmentTypes.SingleAsync(t => t.Code == "parenting");
        var authorityId = await db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync();
        var commissioner = await db.Users.Where(u => u.Email == DemoUsers.Northshire).Select(u => u.Id).SingleAsync();
        var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var due = new DateOnly(2027, 6, 1);

        var request = AssessmentRequest.CreateDraft(authorityId, new Domain.Assessments.RequestDetails(type.Id, caseReference, childInitials,
            [new RequestParty("Mother", "K.J.")], true, "Family Court", "MA27C00077", due, "M14", null, false, [], 60, null, null), commissioner, now);
        var plan = planner.Plan(type, due, DateOnly.FromDateTime(now));
        request.Submit(MilestonePlanner.Stored(plan), plan.AtRisk, plan.ShortfallWorkingDays, now);
        request.MarkOffered(now);
        if (assignTo is { } assigned)
        {
            request.Assign(await IswIdAsync(db, assigned), now);
            request.MoveTo(AssessmentRequestStatus.InProgress, now);
        }
        else if (offerTo is { } offered)
        {
            db.Offers.Add(Offer.Send(request.Id, await IswIdAsync(db, offered), admin, now, 2, now.AddDays(2), cascade: false));
        }

        db.AssessmentRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>No child's (or party's) initials from any request appear in the feed.</summary>
    public static async Task AssertNoInitialsAsync(IswPanelApp app, string feed)
    {
        var initials = await app.WithDbAsync(async db =>
        {
            var children = await db.AssessmentRequests.Select(r => r.ChildInitials).ToListAsync();
            var parties = await db.AssessmentRequests.SelectMany(r => r.Parties.Select(p => p.Initials)).ToListAsync();
            return children.Concat(parties).Distinct().ToList();
        });
        Assert.NotEmpty(initials);
        Assert.All(initials, i => Assert.DoesNotContain(i, Unfolded(feed), StringComparison.Ordinal));
    }

    /// <summary>The feed with folded lines joined again, so a search cannot miss text split by a fold.</summary>
    public static string Unfolded(string feed) => feed.Replace("\r\n ", "", StringComparison.Ordinal);

    /// <summary>RFC 5545's framing: CRLF line endings and no line longer than 75 octets.</summary>
    public static void AssertWellFormed(string feed)
    {
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", feed.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = feed.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Longer than 75 octets: {line}"));
    }
}
