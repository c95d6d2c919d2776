using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>The shadowing queries on each database the app supports, with the tenancy they enforce.</summary>
public sealed class ShadowingTenancyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Summary_hours_vetting_and_matching_read_shadowers_within_each_tenancy(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        await ClearAsync(app);
        var amara = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Amara Okonkwo")
            .Select(p => new { p.Id, p.SweNumber }).SingleAsync());
        var asha = await ShadowerAsync(app, Northshire, "Asha Patel", "asha.patel@northshire.gov.uk", ShadowerRole.Asye, amara.SweNumber);
        await AttendAsync(app, asha, 0, new DateOnly(2026, 10, 5), 90, WorkKind.HomeVisit, "First visit.");
        await AttendAsync(app, asha, 0, new DateOnly(2026, 11, 12), 75, WorkKind.Observation, "Contact session.");
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var southborough = await AuthorityIdAsync(app, Southborough);

        using var northshire = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        using var other = await ApiClients.SignedInAsync(app, DemoUsers.Southborough, DemoUsers.Password);
        using var commissioner = await SignedInAsync(app, DemoUsers.Northshire);
        using var admin = await SignedInAsync(app, DemoUsers.Admin);
        using var adminApi = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);

        var summary = await northshire.GetFromJsonAsync<JsonElement>($"/api/v1/shadowers/{asha}/summary?from=2026-10-01", TestContext.Current.CancellationToken);
        var hidden = await other.GetAsync($"/api/v1/shadowers/{asha}/summary", TestContext.Current.CancellationToken);
        var (hours, hoursPage) = await commissioner.GetPageAsync("/shadowing/hours?from=2026-10-01&to=2026-11-30");
        var (foreign, _) = await commissioner.GetPageAsync($"/shadowing/hours?authorityId={southborough}");
        var (_, vetting) = await admin.GetPageAsync($"/admin/panel/{amara.Id}");
        var shortlist = await adminApi.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{request}/shortlist", TestContext.Current.CancellationToken);

        Assert.Equal(165, summary.GetProperty("minutes").GetInt32());
        Assert.Equal("2 hours 45 minutes", summary.GetProperty("time").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        Assert.Contains("2 hours 45 minutes (2.75 hours)", hoursPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains("Asha Patel: the same Social Work England number.", vetting.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(shortlist.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("name").GetString() == "Amara Okonkwo"
            && e.GetProperty("reasons").EnumerateArray().Any(r => r.GetString()!.StartsWith("Non-solicitation", StringComparison.Ordinal)));
    }
}
