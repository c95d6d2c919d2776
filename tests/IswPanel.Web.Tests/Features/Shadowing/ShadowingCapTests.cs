using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Shadowing.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>The authority's cap on shadowers per session holds: one by default, more when its contract says so.</summary>
public sealed class ShadowingCapTests
{
    [Fact]
    public async Task With_one_seat_a_second_shadower_is_refused_and_with_two_a_second_is_allowed_and_a_third_refused()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var requestId = await RequestIdAsync(app, "SB/26/0311");
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Southborough, DemoUsers.Password);
        var first = await NominateByApiAsync(api, requestId, "Ash First", "ash.first@southborough.example.gov.uk");
        var second = await NominateByApiAsync(api, requestId, "Bo Second", "bo.second@southborough.example.gov.uk");
        var third = await NominateByApiAsync(api, requestId, "Cy Third", "cy.third@southborough.example.gov.uk");
        using var sofia = await SignedInAsync(app, DemoUsers.Isw(3));
        foreach (var nomination in new[] { first, second, third }) await AcceptWithConsentAsync(sofia, nomination, Today);
        var session = await LogAsync(app, sofia, requestId, Today, "HomeVisit", "2");

        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(sofia, first, session)).StatusCode);
        var refused = await MarkAsync(sofia, second, session);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This session already has a shadower: the authority allows one per session.",
            ErrorSummary(await PageClient.ParseAsync(refused)), StringComparison.Ordinal);
        var (_, full) = await sofia.GetPageAsync($"/my-shadowing/{second}");
        Assert.Contains("Full", full.QuerySelector("#sessions ~ table")?.TextContent, StringComparison.Ordinal);

        // Southborough's contract now allows two per session.
        await app.WithDbAsync(async db =>
        {
            var southborough = await db.Authorities.SingleAsync(a => a.Name == "Southborough City Council");
            southborough.Update(southborough.Name, southborough.OnsCode, southborough.Region, southborough.OfstedGrade,
                southborough.OfstedInspectionDate, southborough.Contract with { MaxShadowersPerSession = 2 });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(sofia, second, session)).StatusCode);
        var third3 = await MarkAsync(sofia, third, session);
        Assert.Contains("This session already has 2 shadowers: the most the authority allows.",
            ErrorSummary(await PageClient.ParseAsync(third3)), StringComparison.Ordinal);
        var seats = await app.WithDbAsync(db => db.ShadowedSessions.Where(s => s.WorkLogEntryId == session).OrderBy(s => s.Seat).Select(s => s.Seat).ToListAsync());
        Assert.Equal([1, 2], seats);
        var (_, page) = await sofia.GetPageAsync($"/my-shadowing/{third}");
        Assert.Contains("2 of 2 places taken", page.QuerySelector("#sessions ~ table")?.TextContent, StringComparison.Ordinal);
    }
}
