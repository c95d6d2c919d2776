using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Shadowing.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>
/// Who reaches what, on the shared demo app (nothing here changes a row): a shadower sees only their own nominations and
/// sessions, never the case file, the report or another shadower's reflections; an ISW only the nominations on their
/// own assignments; a commissioner only their own authority's requests. Anyone else's record is a 404.
/// </summary>
public sealed class ShadowingAccessTests(DemoApp demo)
{
    private IswPanelApp App => demo.App;

    [Fact]
    public async Task A_shadower_lands_on_their_own_page_which_never_shows_the_case()
    {
        using var leah = PageClient.For(App);

        var (path, response, page) = await leah.FollowAsync(await leah.SignInAsync(DemoUsers.Shadower1, DemoUsers.Password));

        Assert.Equal("/shadowing/mine", path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Amara Okonkwo", text, StringComparison.Ordinal);
        Assert.Contains("Northshire County Council", text, StringComparison.Ordinal);
        Assert.Contains("Observation", text, StringComparison.Ordinal);
        Assert.Contains("1 hour 30 minutes", text, StringComparison.Ordinal);
        Assert.Contains("next time, note what the parent does", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "NS-2026-0142", "A.B.", "C.D.", "Mother", "Father", "Extended observation directed by the court", "Family Court" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        var nav = page.QuerySelectorAll("a.govuk-service-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/shadowing/mine"], nav);
    }

    [Fact]
    public async Task A_shadower_gets_404_for_the_case_file_the_log_and_the_reports()
    {
        var inProgress = await RequestIdAsync(App, "NS-2026-0142");
        var delivered = await RequestIdAsync(App, "NS-2026-0123");
        var version = await App.WithDbAsync(db => db.ReportVersions.Where(v => v.AssessmentRequestId == inProgress || v.AssessmentRequestId == delivered)
            .Select(v => new { v.Id, v.AssessmentRequestId }).FirstAsync());
        using var leah = await SignedInAsync(App, DemoUsers.Shadower1);
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Shadower1, DemoUsers.Password);

        foreach (var url in new[]
        {
            $"/requests/{inProgress}", $"/work/{inProgress}", $"/work/{inProgress}/log", $"/work/{inProgress}/report-versions",
            $"/requests/{delivered}", $"/requests/{delivered}/report",
            $"/work/{version.AssessmentRequestId}/report-versions/{version.Id}/file",
        })
        {
            var response = await leah.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain("NS-2026-0142", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var report = await api.GetAsync($"/api/v1/assessment-requests/{delivered}/report", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal("application/problem+json", report.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_shadower_gets_404_for_another_shadowers_reflections()
    {
        var leahs = await NominationIdAsync(App, DemoUsers.Shadower1, await RequestIdAsync(App, "NS-2026-0142"));
        var session = await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.NominationId == leahs).Select(s => s.Id).SingleAsync());
        using var sam = await SignedInAsync(App, DemoUsers.Shadower2);
        using var leah = await SignedInAsync(App, DemoUsers.Shadower1);

        var (theirs, _) = await sam.GetPageAsync($"/shadowing/mine/{leahs}/reflections");
        var (withSession, _) = await sam.GetPageAsync($"/shadowing/mine/{leahs}/reflections?session={session}");
        var posted = await sam.PostFormAsync("/shadowing/mine", $"/shadowing/mine/{leahs}/reflections",
            new Dictionary<string, string> { ["Form.SessionId"] = session.ToString(), ["Form.Reflection"] = "Not mine." });
        var (own, ownPage) = await leah.GetPageAsync($"/shadowing/mine/{leahs}/reflections?session={session}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withSession.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Watching contact from the side of the room", ownPage.QuerySelector("textarea[name='Form.Reflection']")?.TextContent, StringComparison.Ordinal);
        var (_, samsPage) = await sam.GetPageAsync("/shadowing/mine");
        Assert.DoesNotContain("Watching contact", samsPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting for the social worker", samsPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reflection_on_a_session_the_shadower_did_not_attend_is_refused()
    {
        var leahs = await NominationIdAsync(App, DemoUsers.Shadower1, await RequestIdAsync(App, "NS-2026-0142"));
        var assignment = (await NominationAsync(App, leahs)).AssignmentId;
        var attended = await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.NominationId == leahs).Select(s => s.WorkLogEntryId).SingleAsync());
        var notAttended = await App.WithDbAsync(db => db.WorkLogEntries.Where(e => e.AssignmentId == assignment && e.Id != attended)
            .Select(e => e.Id).FirstAsync());
        using var leah = await SignedInAsync(App, DemoUsers.Shadower1);

        foreach (var id in new[] { notAttended, Guid.NewGuid() })
        {
            var response = await ReflectAsync(leah, leahs, id, "A session I was not at.");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PageClient.ParseAsync(response);
            Assert.Equal("#Form_SessionId", page.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
            Assert.Contains("Choose a session you attended.", ErrorSummary(page), StringComparison.Ordinal);
            Assert.Equal("A session I was not at.", page.QuerySelector("textarea[name='Form.Reflection']")?.TextContent.Trim());
        }

        Assert.StartsWith("Watching contact", await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.NominationId == leahs).Select(s => s.Reflection).SingleAsync()),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_isw_gets_404_for_a_nomination_on_another_isws_assignment()
    {
        var leahs = await NominationIdAsync(App, DemoUsers.Shadower1, await RequestIdAsync(App, "NS-2026-0142"));
        var sams = await NominationIdAsync(App, DemoUsers.Shadower2, await RequestIdAsync(App, "NS-2026-0161"));
        using var nadia = await SignedInAsync(App, DemoUsers.Isw(7));
        using var amara = await SignedInAsync(App, DemoUsers.Isw(1));

        var (other, _) = await nadia.GetPageAsync($"/my-shadowing/{leahs}");
        var accept = await nadia.PostFormAsync("/my-shadowing", $"/my-shadowing/{sams}/accept", []);
        var (_, list) = await nadia.GetPageAsync("/my-shadowing");
        var (own, ownPage) = await amara.GetPageAsync($"/my-shadowing/{sams}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.DoesNotContain("Leah Morgan", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Waiting for your decision", ownPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(ownPage.QuerySelector($"form[action='/my-shadowing/{sams}/accept']"));
        Assert.NotNull(ownPage.QuerySelector("a.govuk-service-navigation__link[href='/my-shadowing']"));
    }

    [Fact]
    public async Task A_nomination_for_another_authoritys_request_is_404_on_the_page_and_the_api()
    {
        var northshire = await RequestIdAsync(App, "NS-2026-0157");
        using var southborough = await SignedInAsync(App, DemoUsers.Southborough);
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Southborough, DemoUsers.Password);
        var before = await App.WithDbAsync(db => db.ShadowingNominations.CountAsync());

        var (form, _) = await southborough.GetPageAsync($"/requests/{northshire}/shadowing/nominate");
        var posted = await southborough.PostFormAsync("/shadowing", $"/requests/{northshire}/shadowing/nominate",
            NominationAnswers("Someone Else", "someone.else@southborough.example.gov.uk"));
        var fromApi = await api.PostAsJsonAsync("/api/v1/shadowing/nominations", new
        {
            assessmentRequestId = northshire, fullName = "Someone Else", role = "asye", workEmail = "someone.else@southborough.example.gov.uk",
            hopesToLearn = "Anything.",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromApi.StatusCode);
        Assert.Equal("application/problem+json", fromApi.Content.Headers.ContentType?.MediaType);
        var problem = await fromApi.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("There is no assessment request with this id for your authority.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("NS-2026-0157", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.ShadowingNominations.CountAsync()));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "someone.else@southborough.example.gov.uk")));
    }
}
