using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Testing;
using IswPanel.Web.Features.ShadowingReports;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>A shadower's summary: its figures, its period, its PDF and API forms, and who may read it.</summary>
public sealed class ShadowerSummaryTests(ShadowingWorld world) : IClassFixture<ShadowingWorld>
{
    private IswPanelApp App => world.App;

    private static string SummaryPath(Guid shadower) => $"/shadowing/shadowers/{shadower}/summary";

    private async Task<ShadowerSummary.Summary> SummaryAsAdminAsync(Guid shadower, string? from = null, string? to = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // The handler as the pages call it, for an administrator.
        var handler = new ShadowerSummary.Handler(services.GetRequiredService<Data.AppDbContext>(), new Administrator(),
            services.GetRequiredService<IAuditLog>());
        var result = await handler.Handle(new ShadowerSummary.Query(shadower, from, to), TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, string.Join(" ", result.Errors.Values.SelectMany(m => m)));
        return result.Value!;
    }

    private sealed class Administrator : Domain.Security.ICurrentUser
    {
        public Guid? UserId => null;
        public string? DisplayName => "Test administrator";
        public bool IsAuthenticated => true;
        public bool IsInRole(string role) => role == Domain.Security.Roles.PanelAdmin;
        public Guid? AuthorityId => null;
        public Guid? IswProfileId => null;
    }

    [Fact]
    public async Task Sessions_time_by_month_and_assessment_types_are_summed_from_the_attended_sessions()
    {
        var summary = await SummaryAsAdminAsync(world.Asha);

        Assert.Equal(3, summary.SessionCount);
        Assert.Equal(225, summary.Minutes);
        Assert.Equal("3 hours 45 minutes", summary.Time);
        Assert.Equal([(new DateOnly(2026, 9, 1), 1, 60), (new DateOnly(2026, 10, 1), 1, 90), (new DateOnly(2026, 11, 1), 1, 75)],
            summary.ByMonth.Select(m => (m.Start, m.Sessions, m.Minutes)));
        var types = world.AshaSessions.Select(s => s.AssessmentType).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, types.Count);
        Assert.Equal(types, summary.AssessmentTypes);
        Assert.Equal("Asha Patel", summary.Name);
    }

    [Fact]
    public async Task A_period_limits_the_sessions_and_their_time()
    {
        var summary = await SummaryAsAdminAsync(world.Asha, "2026-10-01", "2026-11-30");

        Assert.Equal(2, summary.SessionCount);
        Assert.Equal("2 hours 45 minutes", summary.Time);
        Assert.Equal([new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 12)], summary.Sessions.Select(s => s.Date));
        Assert.Equal(ShadowingWorld.FirstReflection, summary.Sessions[0].Reflection);
        Assert.Equal(ShadowingWorld.FirstComment, summary.Sessions[0].IswComment);
    }

    [Fact]
    public async Task The_page_shows_the_summary_and_nothing_from_the_case_file()
    {
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);

        var (response, page) = await commissioner.GetPageAsync($"{SummaryPath(world.Asha)}?from=2026-10-01&to=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Shadowing summary: Asha Patel", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ASYE social worker, Northshire County Council", text, StringComparison.Ordinal);
        Assert.Contains("2 hours 45 minutes", text, StringComparison.Ordinal);
        Assert.Contains(ShadowingWorld.FirstReflection, text, StringComparison.Ordinal);
        Assert.Contains(ShadowingWorld.FirstComment, text, StringComparison.Ordinal);
        Assert.Contains("Home visit, 1 hour 30 minutes", text, StringComparison.Ordinal);
        Assert.Contains("Sessions from 1 October 2026 to 30 November 2026.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("14 September 2026", text, StringComparison.Ordinal);
        var cases = await App.WithDbAsync(db => db.AssessmentRequests.Where(r => world.AshaSessions.Select(s => s.RequestId).Contains(r.Id))
            .Select(r => new { r.CaseReference, r.ChildInitials }).ToListAsync());
        foreach (var c in cases)
        {
            Assert.DoesNotContain(c.CaseReference, text, StringComparison.Ordinal);
            Assert.DoesNotContain($"({c.ChildInitials})", text, StringComparison.Ordinal);
        }

        Assert.Equal($"/shadowing/shadowers/{world.Asha}/summary.pdf?from=2026-10-01&to=2026-11-30",
            page.QuerySelector("a[href*='summary.pdf']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("form[action$='/left']"));
    }

    [Fact]
    public async Task A_period_that_is_not_a_date_is_explained_and_kept_and_every_session_shown()
    {
        using var shadower = await SignedInAsync(App, ShadowingWorld.AshaEmail);

        var (_, page) = await shadower.GetPageAsync($"{SummaryPath(world.Asha)}?from=31/02/2026&to=2026-01-01");
        var (_, backwards) = await shadower.GetPageAsync($"{SummaryPath(world.Asha)}?from=2026-11-01&to=2026-10-01");

        Assert.Equal(["Enter the start of the period as a date in the form year-month-day, like 2026-03-01."], Errors(page));
        Assert.Equal("31/02/2026", page.QuerySelector("#From")?.GetAttribute("value"));
        Assert.Equal("2026-01-01", page.QuerySelector("#To")?.GetAttribute("value"));
        Assert.Contains("3 hours 45 minutes", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["The end of the period must be on or after its start, 2026-11-01."], Errors(backwards));
        // The shadower sees their own summary, without the commissioner's leaving form.
        Assert.Null(page.QuerySelector("form[action$='/left']"));
    }

    [Theory]
    [InlineData(ShadowingWorld.AshaEmail, HttpStatusCode.OK)]          // the shadower themself
    [InlineData(ShadowingWorld.BenEmail, HttpStatusCode.NotFound)]     // another shadower, same authority
    [InlineData(ShadowingWorld.CaraEmail, HttpStatusCode.NotFound)]    // another authority's shadower
    [InlineData(DemoUsers.Northshire, HttpStatusCode.OK)]              // a commissioner of the shadower's authority
    [InlineData(DemoUsers.Southborough, HttpStatusCode.NotFound)]      // another authority's commissioner
    [InlineData(DemoUsers.Admin, HttpStatusCode.OK)]
    [InlineData("isw1@demo.iswpanel.test", HttpStatusCode.Forbidden)]  // an ISW: not a role that reads summaries
    public async Task Who_may_read_a_summary(string email, HttpStatusCode expected)
    {
        Assert.Equal("isw1@demo.iswpanel.test", DemoUsers.Isw(1));
        using var client = await SignedInAsync(App, email);

        var (_, page) = await client.GetPageAsync(SummaryPath(world.Asha));
        var (_, response, _) = await client.FollowAsync(await client.Http.GetAsync(SummaryPath(world.Asha)));
        var pdf = await client.Http.GetAsync($"{SummaryPath(world.Asha)}.pdf");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        else Assert.DoesNotContain("Asha Patel", page.Body!.TextContent, StringComparison.Ordinal);
        if (expected == HttpStatusCode.NotFound) Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    [Fact]
    public async Task The_pdf_reads_back_with_the_name_the_time_and_every_reflection_across_pages()
    {
        using var admin = await SignedInAsync(App, DemoUsers.Admin);

        var response = await admin.Http.GetAsync($"{SummaryPath(world.Asha)}.pdf", TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 2, $"The long reflections should run onto a second page; there are {pdf.NumberOfPages}.");
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Asha Patel", text, StringComparison.Ordinal);
        Assert.Contains("Total time: 3 hours 45 minutes", text, StringComparison.Ordinal);
        Assert.Contains(ShadowingWorld.FirstReflection, text, StringComparison.Ordinal);
        Assert.Contains(ShadowingWorld.FirstComment, text, StringComparison.Ordinal);
        // The long reflection is wrapped, not cut off: its last words are there (twice: two sessions).
        Assert.Equal(2, text.Split(ShadowingWorld.LongClosing).Length - 1);
        Assert.Contains($"Page {pdf.NumberOfPages} of {pdf.NumberOfPages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_and_downloads_are_audited()
    {
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);
        var viewed = await AuditCountAsync(App, AuditActions.ShadowingSummaryViewed, world.Ben);
        var downloaded = await AuditCountAsync(App, AuditActions.ShadowingSummaryDownloaded, world.Ben);

        await commissioner.GetPageAsync(SummaryPath(world.Ben));
        await commissioner.Http.GetAsync($"{SummaryPath(world.Ben)}.pdf", TestContext.Current.CancellationToken);

        Assert.Equal(viewed + 1, await AuditCountAsync(App, AuditActions.ShadowingSummaryViewed, world.Ben));
        Assert.Equal(downloaded + 1, await AuditCountAsync(App, AuditActions.ShadowingSummaryDownloaded, world.Ben));
        var subject = await App.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ShadowingSummaryDownloaded
            && e.EntityId == world.Ben.ToString()).Select(e => e.SubjectAuthorityId).FirstAsync());
        Assert.Equal(world.Northshire, subject);
    }

    [Fact]
    public async Task The_api_gives_the_same_summary_as_json_and_hides_other_tenants()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);
        using var other = await ApiClients.SignedInAsync(App, DemoUsers.Southborough, DemoUsers.Password);
        using var isw = await ApiClients.SignedInAsync(App, DemoUsers.Isw(1), DemoUsers.Password);
        var path = $"/api/v1/shadowers/{world.Asha}/summary?from=2026-10-01&to=2026-11-30";

        var json = await api.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);
        var hidden = await other.GetAsync(path, TestContext.Current.CancellationToken);
        var refused = await isw.GetAsync(path, TestContext.Current.CancellationToken);
        var bad = await api.GetAsync($"/api/v1/shadowers/{world.Asha}/summary?from=yesterday", TestContext.Current.CancellationToken);

        Assert.Equal("Asha Patel", json.GetProperty("name").GetString());
        Assert.Equal("asye", json.GetProperty("role").GetString());
        Assert.Equal(2, json.GetProperty("sessionCount").GetInt32());
        Assert.Equal(165, json.GetProperty("minutes").GetInt32());
        Assert.Equal(2.75m, json.GetProperty("hours").GetDecimal());
        Assert.Equal(["2026-10:90", "2026-11:75"],
            json.GetProperty("hoursByMonth").EnumerateArray().Select(m => $"{m.GetProperty("month").GetString()}:{m.GetProperty("minutes").GetInt32()}"));
        Assert.Equal(2, json.GetProperty("assessmentTypes").GetArrayLength());
        var first = json.GetProperty("sessions")[0];
        Assert.Equal("2026-10-05", first.GetProperty("date").GetString());
        Assert.Equal("homeVisit", first.GetProperty("kind").GetString());
        Assert.Equal(ShadowingWorld.FirstReflection, first.GetProperty("reflection").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
