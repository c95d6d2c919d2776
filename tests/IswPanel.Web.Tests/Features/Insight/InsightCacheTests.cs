using System.Net;
using AngleSharp.Dom;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>
/// Dashboards keep their figures for Insight:CacheSeconds once computed: a second view is served from the first
/// computation (and says when that was), another period or another authority gets its own, never someone else's.
/// </summary>
public sealed class InsightCacheTests
{
    private static int OpenTotal(IDocument page) =>
        page.QuerySelectorAll("#open-by-state table tbody tr td:first-of-type").Sum(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_second_view_within_the_cache_time_shows_the_first_computation_and_other_scopes_compute_their_own()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Insight:CacheSeconds"] = "600" });
        using var northshire = PageClient.For(app);
        await northshire.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        using var southborough = PageClient.For(app);
        await southborough.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);

        var (first, firstPage) = await northshire.GetPageAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var open = OpenTotal(firstPage);
        Assert.True(open > 0, "Northshire has open requests in the demo.");
        Assert.Contains("as they stood at 09:30 today", firstPage.Body!.TextContent, StringComparison.Ordinal);
        var (_, southPage) = await southborough.GetPageAsync("/dashboard");
        var southOpen = OpenTotal(southPage);

        // Every open request is cancelled behind the dashboard's back.
        var openStates = new[] { AssessmentRequestStatus.Submitted, AssessmentRequestStatus.Offered, AssessmentRequestStatus.Assigned,
            AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa };
        await app.WithDbAsync(db => db.AssessmentRequests.Where(r => openStates.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AssessmentRequestStatus.Cancelled)));

        var (_, again) = await northshire.GetPageAsync("/dashboard");
        Assert.Equal(open, OpenTotal(again));
        var (_, southAgain) = await southborough.GetPageAsync("/dashboard");
        Assert.Equal(southOpen, OpenTotal(southAgain));
        Assert.Equal("Southborough City Council", southAgain.QuerySelector(".govuk-caption-l")?.TextContent.Trim());

        var (_, otherPeriod) = await northshire.GetPageAsync("/dashboard?from=2026-02-01&to=2026-11-30");
        Assert.Equal(0, OpenTotal(otherPeriod));
    }
}
