using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// A list's total is counted on every page unless it is large (Lists:LargeTotal rows or more): then it is kept for
/// Lists:LargeTotalSeconds per viewer scope, status and filter. The page's rows are always read afresh.
/// </summary>
public sealed class LargeTotalsTests
{
    private const string Submitted = "/api/v1/assessment-requests?pageSize=100&status=Submitted";

    private static async Task<(int Total, int Rows)> ListAsync(HttpClient api, string url)
    {
        var body = await api.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
        return (body.GetProperty("total").GetInt32(), body.GetProperty("items").GetArrayLength());
    }

    private static Task<int> CancelOneSubmittedAsync(IswPanelApp app) =>
        app.WithDbAsync(async db =>
        {
            var one = await db.AssessmentRequests.Where(r => r.Status == AssessmentRequestStatus.Submitted)
                .OrderBy(r => r.CaseReference).Select(r => r.Id).FirstAsync();
            return await db.AssessmentRequests.Where(r => r.Id == one)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AssessmentRequestStatus.Cancelled));
        });

    [Fact]
    public async Task A_large_total_is_kept_for_its_scope_while_the_rows_are_read_afresh()
    {
        // Every non-empty total counts as large here.
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Lists:LargeTotal"] = "1",
            ["Lists:LargeTotalSeconds"] = "600",
        });
        using var admin = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);
        var before = await ListAsync(admin, Submitted);
        Assert.True(before.Total >= 2, "The demo holds submitted requests.");
        Assert.Equal(before.Total, before.Rows);

        await CancelOneSubmittedAsync(app);

        var after = await ListAsync(admin, Submitted);
        Assert.Equal(before.Rows - 1, after.Rows);
        Assert.Equal(before.Total, after.Total);
        // Another status of the same list, and a commissioner's own list, are counted for themselves.
        var cancelled = await ListAsync(admin, "/api/v1/assessment-requests?pageSize=100&status=Cancelled");
        Assert.Equal(cancelled.Rows, cancelled.Total);
        using var northshire = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var theirs = await ListAsync(northshire, Submitted);
        Assert.Equal(theirs.Rows, theirs.Total);
    }

    [Fact]
    public async Task Below_the_threshold_every_page_counts_afresh()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);
        var before = await ListAsync(admin, Submitted);

        await CancelOneSubmittedAsync(app);

        Assert.Equal((before.Total - 1, before.Rows - 1), await ListAsync(admin, Submitted));
    }
}
