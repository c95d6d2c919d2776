using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Features.Panel;

public sealed class PanelListTests(DemoApp demo)
{
    private async Task<IReadOnlyList<string>> NamesAsync(string query)
    {
        using var admin = PageClient.For(demo.App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (response, page) = await admin.GetPageAsync("/admin/panel" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. page.QuerySelectorAll("tbody a.govuk-link").Select(a => a.TextContent.Trim())];
    }

    [Fact]
    public async Task Filters_by_status_type_region_and_lapsing_documents()
    {
        Assert.Equal(["Gareth Price", "James Allen"], await NamesAsync("?Status=UnderReview"));
        Assert.Equal(["Amara Okonkwo", "Nadia Rahman"], await NamesAsync("?AssessmentType=parenting-pams"));
        Assert.Equal(["Olu Adeyemi", "Ruth Mensah", "Sofia Kowalska"], await NamesAsync("?Region=London"));
        Assert.Equal(["Margaret Hughes", "Ruth Mensah"], await NamesAsync("?ExpiringWithinDays=30"));
    }

    [Fact]
    public async Task Searches_by_name_or_registration_number_and_sorts_by_experience()
    {
        Assert.Equal(["Ruth Mensah"], await NamesAsync("?Search=mens"));
        Assert.Equal(["Amara Okonkwo"], await NamesAsync($"?Search=SW{100000 + 1 * 7919}"));
        var byExperience = await NamesAsync("?Sort=Experience");
        Assert.Equal("Peter Lindqvist", byExperience[0]);
        Assert.Equal("James Allen", byExperience[^1]);
    }

    [Fact]
    public async Task A_bad_filter_is_explained_not_ignored()
    {
        using var admin = PageClient.For(demo.App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var (_, page) = await admin.GetPageAsync("/admin/panel?ExpiringWithinDays=-5");

        Assert.Contains("Enter a number of days between 0 and 3650.", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_members_for_administrators_only()
    {
        using var api = await ApiClients.SignedInAsync(demo.App, DemoUsers.Admin, DemoUsers.Password);
        using var commissioner = await ApiClients.SignedInAsync(demo.App, DemoUsers.Northshire, DemoUsers.Password);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/panel/members?status=active&pageSize=5", TestContext.Current.CancellationToken);
        var first = list.GetProperty("items")[0];
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/panel/members/{first.GetProperty("id").GetString()}", TestContext.Current.CancellationToken);

        Assert.Equal(9, list.GetProperty("total").GetInt32());
        Assert.Equal(5, list.GetProperty("items").GetArrayLength());
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("pqeYears").GetInt32() >= 5);
        Assert.Contains(first.GetProperty("documents").EnumerateArray(), d => d.GetProperty("kind").GetString() == "enhancedDbs");
        Assert.Equal(9, detail.GetProperty("checks").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/api/v1/panel/members", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/panel/members/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
