using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// An authority sees only its own requests and an ISW only theirs; another tenant's record is a 404
/// on the pages and the API, on each database the app supports.
/// </summary>
public sealed class TenancyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static Task<Guid> RequestOf(IswPanelApp app, string caseReference) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == caseReference).Select(r => r.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_commissioner_gets_404_for_another_authoritys_request_on_pages_and_the_api(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var southborough = await RequestOf(app, "SB/26/0311");
        var northshire = await RequestOf(app, "NS-2026-0142");

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        var foreignPage = await page.Http.GetAsync($"/requests/{southborough}");
        var ownPage = await page.Http.GetAsync($"/requests/{northshire}");

        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var foreignApi = await api.GetAsync($"/api/v1/assessment-requests/{southborough}");
        var ownApi = await api.GetAsync($"/api/v1/assessment-requests/{northshire}");

        Assert.Equal(HttpStatusCode.NotFound, foreignPage.StatusCode);
        Assert.DoesNotContain("SB/26/0311", await foreignPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains("NS-2026-0142", await ownPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, foreignApi.StatusCode);
        Assert.Equal("application/problem+json", foreignApi.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("0311", await foreignApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownApi.StatusCode);
        var own = await ownApi.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(northshire.ToString(), own.GetProperty("id").GetString());
        Assert.Equal("Northshire County Council", own.GetProperty("authority").GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_commissioners_list_holds_only_their_authoritys_requests(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var northshireId = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync());
        var expected = await app.WithDbAsync(db => db.AssessmentRequests.CountAsync(r => r.AuthorityId == northshireId));

        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/assessment-requests?pageSize=100", TestContext.Current.CancellationToken);

        var authorities = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("authority").GetProperty("name").GetString()).ToList();
        Assert.Equal(expected, list.GetProperty("total").GetInt32());
        Assert.Equal(expected, authorities.Count);
        Assert.All(authorities, name => Assert.Equal("Northshire County Council", name));
    }

    [Fact]
    public async Task An_isw_sees_only_requests_assigned_to_them()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var amaras = await RequestOf(app, "NS-2026-0142");   // assigned to isw1
        var sofias = await RequestOf(app, "SB/26/0311");     // assigned to isw3

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync($"/requests/{amaras}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/requests/{sofias}")).StatusCode);
    }

    [Fact]
    public async Task Reading_a_requests_child_details_is_audited()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await RequestOf(app, "NS-2026-0142");
        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        await page.Http.GetAsync($"/requests/{request}");

        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.viewed" && e.EntityId == request.ToString()));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_commissioner_may_not_list_requests_of_the_whole_panel_by_filtering()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Southborough, DemoUsers.Password);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests?status={AssessmentRequestStatus.InProgress}", TestContext.Current.CancellationToken);

        Assert.All(list.GetProperty("items").EnumerateArray(),
            i => Assert.Equal("Southborough City Council", i.GetProperty("authority").GetProperty("name").GetString()));
        Assert.Equal(3, list.GetProperty("total").GetInt32());
    }
}
