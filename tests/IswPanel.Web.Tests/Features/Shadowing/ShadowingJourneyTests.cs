using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Shadowing.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>
/// The whole journey through the pages: Northshire nominates a new practitioner on NS-2026-0157 (isw7, Nadia Rahman),
/// who accepts an invitation; Nadia accepts, records the family's consent and marks two sessions; the practitioner
/// reflects on both; Nadia comments; the practitioner's home page shows both sessions with their time, and never the case.
/// </summary>
public sealed class ShadowingJourneyTests
{
    private const string Email = "jordan.blake@northshire.example.gov.uk";

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nominate_accept_consent_attend_two_sessions_reflect_and_comment(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var requestId = await RequestIdAsync(app, "NS-2026-0157");
        using var commissioner = await SignedInAsync(app, DemoUsers.Northshire);

        // The commissioner finds the link on the request page and nominates.
        var (_, requestPage) = await commissioner.GetPageAsync($"/requests/{requestId}");
        Assert.NotNull(requestPage.QuerySelector($"a[href='/requests/{requestId}/shadowing/nominate']"));
        var nominated = await commissioner.PostFormAsync($"/requests/{requestId}/shadowing/nominate", $"/requests/{requestId}/shadowing/nominate",
            NominationAnswers("Jordan Blake", "Jordan.Blake@Northshire.example.gov.uk", swe: "sw412", hopes: "How a PAMS assessment adapts to a parent's learning needs."));
        var (path, _, afterNomination) = await commissioner.FollowAsync(nominated);
        Assert.Equal($"/requests/{requestId}", path);
        Assert.Contains("We have invited Jordan Blake to IswPanel and asked Nadia Rahman to accept the nomination.", Banner(afterNomination), StringComparison.Ordinal);
        var section = afterNomination.QuerySelector("#request-shadowing")?.TextContent ?? "";
        Assert.Contains("Jordan Blake", section, StringComparison.Ordinal);
        Assert.Contains("ASYE social worker", section, StringComparison.Ordinal);
        Assert.Contains("Waiting for the social worker", section, StringComparison.Ordinal);

        var nominationId = await NominationIdAsync(app, Email, requestId);
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == Email));
        Assert.Null(account.AuthorityId);
        var shadower = await app.WithDbAsync(db => db.Shadowers.AsNoTracking().SingleAsync(s => s.WorkEmail == Email));
        Assert.Equal((account.Id, "SW412", ShadowerRole.Asye), (shadower.UserId, shadower.SocialWorkEnglandNumber, shadower.Role));

        // The practitioner accepts the invitation and lands on their own page.
        var link = InvitationLinkFor(app, Email);
        using var jordan = PageClient.For(app);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var set = await jordan.PostFormAsync(link, "/account/set-password", new Dictionary<string, string>
        {
            ["User"] = query["user"]!, ["Token"] = query["token"]!, ["Purpose"] = "AcceptInvitation", ["Password"] = Password, ["ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var (home, _, mine) = await jordan.FollowAsync(await jordan.SignInAsync(Email, Password));
        Assert.Equal("/shadowing/mine", home);
        Assert.Contains("Waiting for the social worker", mine.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mine.QuerySelector("a.govuk-service-navigation__link[href='/shadowing/mine']"));

        // Nadia is told, accepts and records the family's consent.
        using var nadia = await SignedInAsync(app, DemoUsers.Isw(7));
        var (_, inbox) = await nadia.GetPageAsync("/notifications");
        Assert.Contains("Northshire County Council has nominated Jordan Blake (ASYE social worker) to shadow you on NS-2026-0157", inbox.Body!.TextContent, StringComparison.Ordinal);
        var (_, list) = await nadia.GetPageAsync("/my-shadowing");
        Assert.NotNull(list.QuerySelector($"a[href='/my-shadowing/{nominationId}']"));
        var (_, detail) = await nadia.GetPageAsync($"/my-shadowing/{nominationId}");
        Assert.Contains("How a PAMS assessment adapts to a parent's learning needs.", detail.Body!.TextContent, StringComparison.Ordinal);
        await AcceptWithConsentAsync(nadia, nominationId, Today);

        // Two sessions logged today, both marked.
        var visit = await LogAsync(app, nadia, requestId, Today, "HomeVisit", "2");
        var observation = await LogAsync(app, nadia, requestId, Today, "Observation", "1", "30");
        foreach (var entry in new[] { visit, observation })
        {
            var marked = await MarkAsync(nadia, nominationId, entry);
            Assert.True(marked.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(marked)));
        }

        var (_, withSessions) = await nadia.GetPageAsync($"/my-shadowing/{nominationId}");
        Assert.Equal(2, withSessions.QuerySelectorAll("#sessions ~ table .govuk-tag--green").Length);
        var sessions = await app.WithDbAsync(db => db.ShadowedSessions.AsNoTracking().Where(s => s.NominationId == nominationId).ToListAsync());
        Assert.Equal([120, 90], sessions.OrderByDescending(s => s.Minutes).Select(s => s.Minutes));

        // The practitioner reflects on both; Nadia comments on both.
        var (_, form) = await jordan.GetPageAsync($"/shadowing/mine/{nominationId}/reflections");
        Assert.Equal(2, form.QuerySelectorAll("input[name='Form.SessionId']").Length);
        foreach (var s in sessions)
        {
            var reflected = await ReflectAsync(jordan, nominationId, s.Id, $"Reflection on the {s.Minutes}-minute session.");
            Assert.True(reflected.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(reflected)));
            var commented = await nadia.PostFormAsync($"/my-shadowing/{nominationId}", $"/my-shadowing/{nominationId}/sessions/{s.Id}/comment",
                new Dictionary<string, string> { ["IswComment"] = $"Comment on the {s.Minutes}-minute session." });
            Assert.True(commented.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(commented)));
        }

        // Both sessions on the practitioner's page, with their time, reflections written and Nadia's comments; none of the case.
        var (_, response, done) = await jordan.FollowAsync(await jordan.Http.GetAsync("/shadowing/mine"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = done.QuerySelectorAll("#attended-sessions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Home visit", StringComparison.Ordinal) && r.Contains("2 hours", StringComparison.Ordinal)
            && r.Contains("Written", StringComparison.Ordinal) && r.Contains("Comment on the 120-minute session.", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Observation", StringComparison.Ordinal) && r.Contains("1 hour 30 minutes", StringComparison.Ordinal)
            && r.Contains("Written", StringComparison.Ordinal) && r.Contains("Comment on the 90-minute session.", StringComparison.Ordinal));
        Assert.Contains("3 hours 30 minutes", done.QuerySelector(".app-card-grid")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(done.QuerySelector($"a[href='/shadowing/shadowers/{shadower.Id}/summary']"));
        var text = done.Body!.TextContent;
        foreach (var secret in new[] { "NS-2026-0157", "K.L.", "Q.Z.", "XJ-5521", "Mother" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains("Parenting assessment, PAMS", text, StringComparison.Ordinal);
        Assert.Contains("Nadia Rahman", text, StringComparison.Ordinal);

        // The authority's overview counts both sessions.
        var (_, overview) = await commissioner.GetPageAsync("/shadowing");
        Assert.Contains("3 hours 30 minutes", overview.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("NS-2026-0157", StringComparison.Ordinal)).TextContent,
            StringComparison.Ordinal);

        // Every change and every read was audited.
        var actions = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => e.Action).ToListAsync());
        Assert.Equal(1, actions.Count(a => a == AuditActions.ShadowerNominated));
        Assert.Equal(1, actions.Count(a => a == AuditActions.NominationAccepted));
        Assert.Equal(1, actions.Count(a => a == AuditActions.ShadowingConsentRecorded));
        Assert.Equal(2, actions.Count(a => a == AuditActions.ShadowedSessionMarked));
        Assert.Equal(2, actions.Count(a => a == AuditActions.ReflectionWritten));
        Assert.Equal(2, actions.Count(a => a == AuditActions.ReflectionCommented));
        Assert.True(actions.Count(a => a == AuditActions.ShadowingViewed) >= 4);
    }
}
