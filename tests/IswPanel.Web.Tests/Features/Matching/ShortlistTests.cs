using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Matching;

public sealed class ShortlistTests
{
    private static async Task<(IswPanelApp App, Guid Request)> StartAsync(string typeCode = "parenting-pams")
    {
        var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        return (app, await MatchingScenario.SubmittedRequestAsync(app, typeCode));
    }

    [Fact]
    public async Task The_shortlist_ranks_the_eligible_with_reasons_and_says_why_the_rest_are_not()
    {
        var (app, request) = await StartAsync();
        await using var _ = app;
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);

        var shortlist = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{request}/shortlist", TestContext.Current.CancellationToken);

        var candidates = shortlist.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["Amara Okonkwo", "Nadia Rahman"], candidates.Select(c => c.GetProperty("name").GetString()).Order());
        Assert.All(candidates, c => Assert.Contains(c.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "PAMS-trained"));
        Assert.All(candidates, c => Assert.Contains(c.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("slots free", StringComparison.Ordinal)));
        Assert.True(candidates[0].GetProperty("score").GetSingle() >= candidates[1].GetProperty("score").GetSingle());

        var excluded = shortlist.GetProperty("excluded").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList());
        Assert.Contains(excluded["Margaret Hughes"], r => r.StartsWith("Not active", StringComparison.Ordinal));
        Assert.Contains(excluded["James Allen"], r => r.Contains("PQE", StringComparison.Ordinal));
        Assert.Contains(excluded["Gareth Price"], r => r.StartsWith("Non-solicitation", StringComparison.Ordinal));
        Assert.Contains(excluded["Sofia Kowalska"], r => r.StartsWith("Does not offer", StringComparison.Ordinal));
        Assert.Contains(excluded["Ruth Mensah"], r => r.Contains("DBS", StringComparison.Ordinal));
        Assert.Equal(10, excluded.Count);
    }

    [Fact]
    public async Task The_shortlist_page_lists_candidates_and_exclusions()
    {
        var (app, request) = await StartAsync();
        await using var _ = app;
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var (response, page) = await admin.GetPageAsync($"/requests/{request}/shortlist");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, page.QuerySelectorAll("input[name='Form.IswIds']").Length);
        Assert.Contains("10 excluded", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offering_to_an_ineligible_isw_is_refused_naming_them_and_why()
    {
        var (app, request) = await StartAsync();
        await using var _ = app;
        var sofia = await MatchingScenario.IswIdAsync(app, 3);
        var amara = await MatchingScenario.IswIdAsync(app, 1);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);

        var response = await api.PostAsJsonAsync($"/api/v1/assessment-requests/{request}/offers", new { iswIds = new[] { amara, sofia } },
            TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("IswIds").EnumerateArray()).GetString();
        Assert.StartsWith("Sofia Kowalska is not eligible: Does not offer", message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Offers.CountAsync(o => o.AssessmentRequestId == request)));
    }

    [Fact]
    public async Task Offers_go_out_with_a_working_day_window_and_the_isws_are_told()
    {
        var (app, request) = await StartAsync();
        await using var _ = app;
        var amara = await MatchingScenario.IswIdAsync(app, 1);
        var nadia = await MatchingScenario.IswIdAsync(app, 7);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);

        var response = await api.PostAsJsonAsync($"/api/v1/assessment-requests/{request}/offers", new { iswIds = new[] { amara, nadia }, respondWithinWorkingDays = 2 },
            TestContext.Current.CancellationToken);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, sent.GetArrayLength());
        // Sent on Tuesday 1 December 2026: two working days is the end of Thursday 3 December, UK time (UTC in winter).
        Assert.All(sent.EnumerateArray(), o => Assert.Equal(new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc), o.GetProperty("expiresAt").GetDateTime().ToUniversalTime()));
        var status = await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync());
        Assert.Equal(Domain.Assessments.AssessmentRequestStatus.Offered, status);
        var told = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Category == "offers" && n.Text.StartsWith("You have a new offer")));
        Assert.Equal(2, told);
        // Nothing identifies the family before an ISW accepts: not even the authority's case reference.
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Category == "offers" && n.Text.Contains("NS-TEST-0001"))));
        Assert.Equal(2, await app.WithDbAsync(db => db.Offers.CountAsync(o => o.AssessmentRequestId == request && o.Status == OfferStatus.Open)));
    }

    [Theory]
    [InlineData(DemoUsers.Northshire)]
    [InlineData("isw1@demo.iswpanel.test")]
    [InlineData(DemoUsers.Qa)]
    public async Task Only_panel_administrators_may_shortlist_and_offer(string email)
    {
        var (app, request) = await StartAsync();
        await using var _ = app;
        using var api = await ApiClients.SignedInAsync(app, email, DemoUsers.Password);

        var shortlist = await api.GetAsync($"/api/v1/assessment-requests/{request}/shortlist", TestContext.Current.CancellationToken);
        var offers = await api.PostAsJsonAsync($"/api/v1/assessment-requests/{request}/offers", new { iswIds = new[] { Guid.NewGuid() } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, shortlist.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, offers.StatusCode);
    }
}
