using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Features.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Shadowing.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>The API's nomination, the commissioner's shadowing page and withdrawal, and the ISW's comments and removals.</summary>
[Collection(ShadowingCollection.Name)]
public sealed class ShadowingPagesTests(ShadowingApp shadowing)
{
    private IswPanelApp App => shadowing.App;

    [Fact]
    public async Task The_api_creates_a_nomination_with_201_and_refuses_bad_input_with_field_errors()
    {
        var requestId = await RequestIdAsync(App, "NS-2026-0164");
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);
        var ct = TestContext.Current.CancellationToken;

        var created = await api.PostAsJsonAsync("/api/v1/shadowing/nominations", new
        {
            assessmentRequestId = requestId, fullName = "Morgan Price", role = "Student", workEmail = "Morgan.Price@northshire.example.gov.uk",
            hopesToLearn = "How risk is assessed.",
        }, ct);
        var bad = await api.PostAsJsonAsync("/api/v1/shadowing/nominations", new
        {
            assessmentRequestId = requestId, fullName = "", role = "boss", workEmail = "nope", socialWorkEnglandNumber = "12345",
        }, ct);
        var empty = await api.PostAsJsonAsync("/api/v1/shadowing/nominations", new { }, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(requestId, body.GetProperty("assessmentRequestId").GetGuid());
        Assert.Equal("nominated", body.GetProperty("status").GetString());
        Assert.Equal("notRecorded", body.GetProperty("consent").GetString());
        Assert.Equal("student", body.GetProperty("shadower").GetProperty("role").GetString());
        Assert.Equal("morgan.price@northshire.example.gov.uk", body.GetProperty("shadower").GetProperty("workEmail").GetString());
        Assert.Equal("David Whitfield", body.GetProperty("isw").GetProperty("name").GetString());
        Assert.True(body.GetProperty("invited").GetBoolean());
        Assert.Contains("/account/accept-invitation?", InvitationLinkFor(App, "morgan.price@northshire.example.gov.uk"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.Equal(ShadowingApiController.RoleValues, errors.GetProperty("role")[0].GetString());
        Assert.Equal("Enter the practitioner's full name.", errors.GetProperty("fullName")[0].GetString());
        Assert.Equal("Enter an email address in the correct format, like name@example.gov.uk.", errors.GetProperty("workEmail")[0].GetString());
        Assert.Equal("Enter a Social Work England number like SW12345, or leave it blank.", errors.GetProperty("socialWorkEnglandNumber")[0].GetString());
        Assert.Equal("Enter what the practitioner hopes to learn.", errors.GetProperty("hopesToLearn")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("assessmentRequestId", out _));
        Assert.Equal(1, await App.WithDbAsync(db => db.ShadowingNominations.CountAsync(n => n.AssessmentRequestId == requestId)));
    }

    [Fact]
    public async Task The_commissioner_sees_the_authoritys_practitioners_with_sessions_and_hours_and_links_to_each_summary()
    {
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);
        var leah = await App.WithDbAsync(db => db.Shadowers.Where(s => s.WorkEmail == DemoUsers.Shadower1).Select(s => s.Id).SingleAsync());

        var (response, page) = await commissioner.GetPageAsync("/shadowing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Leah Morgan", text, StringComparison.Ordinal);
        Assert.Contains("Sam Patel", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/shadowing/shadowers/{leah}/summary']"));
        Assert.NotNull(page.QuerySelector("a[href='/shadowing/hours']"));
        var leahRow = page.QuerySelectorAll("tr").Select(r => r.TextContent).Single(r => r.Contains("NS-2026-0142", StringComparison.Ordinal));
        Assert.Contains("Given on", leahRow, StringComparison.Ordinal);
        Assert.Contains("1 hour 30 minutes", leahRow, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a.govuk-service-navigation__link[href='/shadowing']"));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ShadowingViewed && e.EntityType == "Authority")));

        using var southborough = await SignedInAsync(App, DemoUsers.Southborough);
        var (_, theirs) = await southborough.GetPageAsync("/shadowing");
        Assert.DoesNotContain("Leah Morgan", theirs.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commissioner_withdraws_a_nomination_and_the_isw_is_told()
    {
        var requestId = await RequestIdAsync(App, "NS-2026-0161");
        var sams = await NominationIdAsync(App, DemoUsers.Shadower2, requestId);
        using var southborough = await SignedInAsync(App, DemoUsers.Southborough);
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);

        var (_, requestPage) = await commissioner.GetPageAsync($"/requests/{requestId}");
        Assert.Contains("Sam Patel", requestPage.QuerySelector("#request-shadowing")?.TextContent, StringComparison.Ordinal);
        var refused = await southborough.PostFormAsync("/shadowing", $"/shadowing/nominations/{sams}/withdraw", []);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var withdrawn = await commissioner.PostFormAsync("/shadowing", $"/shadowing/nominations/{sams}/withdraw", []);
        var (_, _, page) = await commissioner.FollowAsync(withdrawn);

        Assert.Contains("You have withdrawn Sam Patel's nomination.", Banner(page), StringComparison.Ordinal);
        Assert.Equal(NominationStatus.Withdrawn, (await NominationAsync(App, sams)).Status);
        var isw1 = await App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Isw(1)).Select(u => u.Id).SingleAsync());
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == isw1 && n.Category == NotificationCategories.Assignments
            && n.Text.StartsWith("The authority has withdrawn Sam Patel's nomination"))));
        var again = await commissioner.PostFormAsync("/shadowing", $"/shadowing/nominations/{sams}/withdraw", []);
        Assert.Contains("This nomination has already been withdrawn.", ErrorSummary(await PageClient.ParseAsync(again)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_isw_comments_on_a_reflection_and_cannot_remove_a_session_that_has_one()
    {
        var requestId = await RequestIdAsync(App, "NS-2026-0142");
        var leahs = await NominationIdAsync(App, DemoUsers.Shadower1, requestId);
        var session = await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.NominationId == leahs).Select(s => s.Id).SingleAsync());
        using var amara = await SignedInAsync(App, DemoUsers.Isw(1));

        var (_, page) = await amara.GetPageAsync($"/my-shadowing/{leahs}");
        Assert.Contains("Watching contact from the side of the room", page.QuerySelector("#reflections")?.ParentElement?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"form[action='/my-shadowing/{leahs}/sessions/{session}/remove']"));

        var removal = await amara.PostFormAsync($"/my-shadowing/{leahs}", $"/my-shadowing/{leahs}/sessions/{session}/remove", []);
        Assert.Contains(SessionAttendance.HasReflection, ErrorSummary(await PageClient.ParseAsync(removal)), StringComparison.Ordinal);

        var blank = await amara.PostFormAsync($"/my-shadowing/{leahs}", $"/my-shadowing/{leahs}/sessions/{session}/comment",
            new Dictionary<string, string> { ["IswComment"] = " " });
        var blankPage = await PageClient.ParseAsync(blank);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        var field = NominationView.CommentField(session);
        Assert.Equal($"#{field}", blankPage.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Contains("Enter your comment.", blankPage.QuerySelector($"#{field}-error")?.TextContent, StringComparison.Ordinal);

        var commented = await amara.PostFormAsync($"/my-shadowing/{leahs}", $"/my-shadowing/{leahs}/sessions/{session}/comment",
            new Dictionary<string, string> { ["IswComment"] = "A new comment." });
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        Assert.Equal("A new comment.", await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.Id == session).Select(s => s.IswComment).SingleAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.ShadowedSessions.CountAsync(s => s.NominationId == leahs)));
    }

    [Fact]
    public async Task The_isw_removes_a_session_marked_in_error_before_any_reflection()
    {
        var requestId = await RequestIdAsync(App, "SB/26/0311");
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Southborough, DemoUsers.Password);
        var nominationId = await NominateByApiAsync(api, requestId, "Dana Frost", "dana.frost@southborough.example.gov.uk");
        using var sofia = await SignedInAsync(App, DemoUsers.Isw(3));
        await AcceptWithConsentAsync(sofia, nominationId, Today);
        var entry = await LogAsync(App, sofia, requestId, Today, "Virtual", "1");
        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(sofia, nominationId, entry)).StatusCode);
        var session = await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.NominationId == nominationId).Select(s => s.Id).SingleAsync());

        var removed = await sofia.PostFormAsync($"/my-shadowing/{nominationId}", $"/my-shadowing/{nominationId}/sessions/{session}/remove", []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.ShadowedSessions.AnyAsync(s => s.NominationId == nominationId)));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ShadowedSessionRemoved && e.EntityId == session.ToString())));
        // The seat is free again.
        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(sofia, nominationId, entry)).StatusCode);
    }
}
