using IswPanel.Testing;
using Microsoft.Playwright;

namespace IswPanel.Browser.Tests;

/// <summary>
/// The three dashboards and the evidence pack in Chromium: axe-core finds no violations, every chart is an SVG image
/// with a title and description and has its table beside it, and a chart's table opens from its "Show the data"
/// control. Skips without Chromium (fails on CI).
/// </summary>
public sealed class InsightPagesTests(BrowserApp browser)
{
    /// <summary>Every chart on the page is a titled SVG image followed by a table with rows; returns how many charts.</summary>
    private static async Task<int> AssertEveryChartHasItsTableAsync(BrowserPage session, string pageName)
    {
        var charts = session.Page.Locator(".app-chart:has(svg)");
        var count = await charts.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var chart = charts.Nth(i);
            var id = await chart.GetAttributeAsync("id");
            var svg = chart.Locator("svg");
            Assert.Equal("img", await svg.GetAttributeAsync("role"));
            Assert.NotEmpty((await svg.Locator("title").TextContentAsync())?.Trim() ?? "");
            Assert.NotEmpty((await svg.Locator("desc").TextContentAsync())?.Trim() ?? "");
            Assert.True(await chart.Locator("table tbody tr").CountAsync() > 0, $"The chart {id} on {pageName} has no table rows.");
        }

        return count;
    }

    [Fact]
    public async Task A_commissioners_dashboard_and_evidence_pack_are_accessible_and_every_chart_has_its_table()
    {
        await using var session = await browser.OpenAsync();
        await session.SignInAsync(DemoUsers.Northshire, DemoUsers.Password, "/requests");

        await session.NavigatesAsync(() => session.FollowLinkAsync("Dashboard"));
        Assert.Equal("Dashboard", await session.HeadingAsync());
        await session.AssertHealthyAsync();
        Assert.True(await AssertEveryChartHasItsTableAsync(session, "/dashboard") >= 3, "The commissioner's dashboard draws its figures as charts.");
        await session.AssertNoAxeViolationsAsync("the commissioner's dashboard");

        // A closed table opens from its control and is then visible.
        var closed = session.Page.Locator(".app-chart details").First;
        if (await closed.CountAsync() > 0)
        {
            await closed.Locator("summary").ClickAsync();
            await Assertions.Expect(closed.Locator("table")).ToBeVisibleAsync();
            await session.AssertNoAxeViolationsAsync("the commissioner's dashboard with a chart's table open");
        }

        await session.ScreenshotAsync("insight-dashboard");

        await session.NavigatesAsync(() => session.FollowLinkAsync("Your Ofsted-ready evidence pack for this period"));
        Assert.Equal("Evidence of the quality and impact of practice", await session.HeadingAsync());
        await session.AssertHealthyAsync();
        await AssertEveryChartHasItsTableAsync(session, "the evidence pack");
        await session.AssertNoAxeViolationsAsync("the evidence pack");

        // Saving an empty plan explains itself accessibly; the page keeps the figures.
        await session.Page.Locator("textarea[name='Form.Text']").FillAsync("");
        await session.NavigatesAsync(() => session.PressButtonAsync("Save your plans"));
        await Assertions.Expect(session.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await session.AssertNoAxeViolationsAsync("the evidence pack with the plan's error");

        const string plan = "Use the QA returns on analysis to plan two practice workshops before March.";
        await session.Page.Locator("textarea[name='Form.Text']").FillAsync(plan);
        await session.NavigatesAsync(() => session.PressButtonAsync("Save your plans"));
        Assert.Contains(plan, await session.Page.Locator("#saved-plan").InnerTextAsync(), StringComparison.Ordinal);
        await session.AssertNoAxeViolationsAsync("the evidence pack with its saved plan");
        await session.ScreenshotAsync("insight-evidence");
    }

    public static TheoryData<string, string, string> OtherDashboards => new()
    {
        { DemoUsers.Admin, "/admin", "/admin/dashboard" },
        { DemoUsers.Isw(1), "/my-work", "/my-dashboard" },
    };

    [Theory]
    [MemberData(nameof(OtherDashboards))]
    public async Task The_administrators_and_isws_dashboards_are_accessible_and_every_chart_has_its_table(string email, string home, string dashboard)
    {
        await using var session = await browser.OpenAsync();
        await session.SignInAsync(email, DemoUsers.Password, home);

        await session.NavigatesAsync(() => session.FollowLinkAsync("Dashboard"));
        Assert.EndsWith(dashboard, new Uri(session.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await session.AssertHealthyAsync();
        Assert.True(await AssertEveryChartHasItsTableAsync(session, dashboard) >= 1, $"{dashboard} draws at least one chart.");
        await session.AssertNoAxeViolationsAsync(dashboard);
        await session.ScreenshotAsync($"insight{dashboard.Replace('/', '-')}");
    }
}
