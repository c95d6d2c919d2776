using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Features.ShadowingReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>An authority's shadowing hours by month, against figures worked out by hand from <see cref="ShadowingWorld"/>.</summary>
public sealed class ShadowingHoursTests(ShadowingWorld world) : IClassFixture<ShadowingWorld>
{
    private IswPanelApp App => world.App;

    private static string[] Row(AngleSharp.Dom.IElement row) => [.. row.Children.Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task Northshire_by_month_from_september_to_november_matches_the_hand_count()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var figures = await ShadowingHours.ByMonthAsync(db, world.Northshire, new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30),
            TestContext.Current.CancellationToken);

        // September: Asha 60. October: Asha 90. November: Asha 75 + Ben 45 = 120, two practitioners.
        Assert.Equal([(new DateOnly(2026, 9, 1), 1, 1, 60), (new DateOnly(2026, 10, 1), 1, 1, 90), (new DateOnly(2026, 11, 1), 2, 2, 120)],
            figures.Months.Select(m => (m.Month, m.Sessions, m.Shadowers, m.Minutes)));
        Assert.Equal((4, 2, 270), (figures.Sessions, figures.Shadowers, figures.Minutes));
        Assert.Equal([(ShadowerRole.Asye, 3, 1, 225), (ShadowerRole.Nqsw, 1, 1, 45)],
            figures.ByRole.Select(r => (r.Role, r.Sessions, r.Shadowers, r.Minutes)));
        Assert.Equal([(ShadowerRole.Asye, 1, 75), (ShadowerRole.Nqsw, 1, 45)],
            figures.Months[2].ByRole.Select(r => (r.Role, r.Sessions, r.Minutes)));
    }

    [Fact]
    public async Task A_session_counts_under_the_role_its_shadower_had_when_it_was_marked()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var northshire = await app.WithDbAsync(db => db.Shadowers.Where(s => s.WorkEmail == DemoUsers.Shadower1).Select(s => s.AuthorityId).SingleAsync());
        var everything = (new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31));
        var before = await app.WithDbAsync(db => ShadowingHours.ByMonthAsync(db, northshire, everything.Item1, everything.Item2, default));

        // Leah (ASYE in the demo) is recorded as newly qualified on a later nomination.
        await app.WithDbAsync(async db =>
        {
            var leah = await db.Shadowers.SingleAsync(s => s.WorkEmail == DemoUsers.Shadower1);
            leah.Refresh(ShadowerRole.Nqsw, null);
            return await db.SaveChangesAsync();
        });
        var after = await app.WithDbAsync(db => ShadowingHours.ByMonthAsync(db, northshire, everything.Item1, everything.Item2, default));

        Assert.Equal([ShadowerRole.Asye], before.ByRole.Select(r => r.Role));
        Assert.Equal(before.ByRole, after.ByRole);
        Assert.True(after.Minutes > 0);
    }

    [Fact]
    public async Task A_commissioner_sees_the_last_12_months_of_their_own_authority_by_default()
    {
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);

        var (response, page) = await commissioner.GetPageAsync("/shadowing/hours");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var months = page.QuerySelectorAll("#months tbody tr").Select(Row).ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(["January 2026", "0", "0", "0.00", ""], months[0]);
        Assert.Equal(["September 2026", "1", "1", "1.00", "ASYE social worker: 1 (1.00 hours)"], months[8]);
        Assert.Equal(["October 2026", "1", "1", "1.50", "ASYE social worker: 1 (1.50 hours)"], months[9]);
        Assert.Equal(["November 2026", "2", "2", "2.00", "ASYE social worker: 1 (1.25 hours); Newly qualified social worker: 1 (0.75 hours)"], months[10]);
        Assert.Equal(["December 2026", "0", "0", "0.00", ""], months[11]);
        Assert.Equal(["ASYE social worker", "3", "1", "3.75"], Row(page.QuerySelectorAll("#roles tbody tr")[0]));
        Assert.Contains("4 hours 30 minutes (4.5 hours)", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Southborough", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commissioner_naming_another_authority_finds_nothing()
    {
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);

        var (other, page) = await commissioner.GetPageAsync($"/shadowing/hours?authorityId={world.Southborough}");
        var (own, _) = await commissioner.GetPageAsync($"/shadowing/hours?authorityId={world.Northshire}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("Student", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task An_administrator_chooses_the_authority_and_the_period()
    {
        using var admin = await SignedInAsync(App, DemoUsers.Admin);

        var (_, page) = await admin.GetPageAsync($"/shadowing/hours?authorityId={world.Southborough}&from=2026-11-01&to=2026-11-30");

        Assert.Equal("Southborough City Council", page.QuerySelector(".govuk-caption-l")?.TextContent.Trim());
        Assert.Equal([["November 2026", "1", "1", "1.00", "Social work student: 1 (1.00 hours)"]],
            page.QuerySelectorAll("#months tbody tr").Select(Row));
        Assert.Equal(2, page.QuerySelectorAll("#authorityId option").Length);
    }

    [Fact]
    public async Task A_bad_period_is_explained_and_kept_and_the_default_period_shown()
    {
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);

        var (_, page) = await commissioner.GetPageAsync("/shadowing/hours?from=2026-13-01&to=2026-11-30");

        Assert.Equal(["Enter the start of the period as a date in the form year-month-day, like 2026-03-01."], Errors(page));
        Assert.Equal("2026-13-01", page.QuerySelector("#From")?.GetAttribute("value"));
        Assert.Equal(12, page.QuerySelectorAll("#months tbody tr").Length);
    }

    [Theory]
    [InlineData(ShadowingWorld.AshaEmail)]
    [InlineData("isw1@demo.iswpanel.test")]
    public async Task Shadowers_and_isws_may_not_see_an_authoritys_hours(string email)
    {
        using var client = await SignedInAsync(App, email);

        var (_, response, _) = await client.FollowAsync(await client.Http.GetAsync("/shadowing/hours"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
