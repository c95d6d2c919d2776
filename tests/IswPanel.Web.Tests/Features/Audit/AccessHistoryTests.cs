using System.Net;
using IswPanel.Testing;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Audit;

/// <summary>A commissioner sees who accessed their own authority's requests, and nothing of another authority's.</summary>
public sealed class AccessHistoryTests(DemoApp demo)
{
    private IswPanelApp App => demo.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PageClient> SignedInAsync(string email)
    {
        var client = PageClient.For(App);
        await client.SignInAsync(email, DemoUsers.Password);
        return client;
    }

    [Fact]
    public async Task A_commissioner_sees_who_read_their_authoritys_requests_and_not_the_reads_of_another_authoritys()
    {
        var northshire = await IdOf(App, "NS-2026-0164");
        var southborough = await IdOf(App, "SB/26/0322");
        using (var admin = await SignedInAsync(DemoUsers.Admin))
        {
            await admin.GetPageAsync($"/requests/{northshire}");
            await admin.GetPageAsync($"/requests/{southborough}");
        }

        using var helen = await SignedInAsync(DemoUsers.Northshire);
        var (response, page) = await helen.GetPageAsync("/requests/access-history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Priya Shah", StringComparison.Ordinal) && r.Contains("Panel administrator", StringComparison.Ordinal)
            && r.Contains("Viewed the request", StringComparison.Ordinal) && r.Contains("NS-2026-0164", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"tbody a[href='/requests/{northshire}']"));
        Assert.DoesNotContain("SB/26/0322", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/requests/{southborough}']"));
        // The panel's own records (where from, the detail) are not the authority's to see.
        Assert.DoesNotContain("127.0.0.1", page.Body.TextContent, StringComparison.Ordinal);

        using var marcus = await SignedInAsync(DemoUsers.Southborough);
        var (_, theirs) = await marcus.GetPageAsync("/requests/access-history");
        Assert.DoesNotContain("NS-2026-0164", theirs.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("SB/26/0322", theirs.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requests_access_history_is_linked_from_its_page_and_lists_that_request_only()
    {
        var id = await IdOf(App, "NS-2026-0157");
        var other = await IdOf(App, "NS-2026-0161");
        using var helen = await SignedInAsync(DemoUsers.Northshire);
        var (_, details) = await helen.GetPageAsync($"/requests/{id}");
        await helen.GetPageAsync($"/requests/{other}");
        Assert.NotNull(details.QuerySelector($"a[href='/requests/{id}/access-history']"));

        var (response, page) = await helen.GetPageAsync($"/requests/{id}/access-history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Helen Carter", StringComparison.Ordinal) && r.Contains("Viewed the request", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("NS-2026-0157", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_authoritys_request_access_history_is_not_found_and_other_roles_are_refused()
    {
        var southborough = await IdOf(App, "SB/26/0311");
        using var helen = await SignedInAsync(DemoUsers.Northshire);
        var notFound = await helen.Http.GetAsync($"/requests/{southborough}/access-history", Ct);
        var (_, followed, _) = await helen.FollowAsync(notFound);
        Assert.Equal(HttpStatusCode.NotFound, followed.StatusCode);
        Assert.DoesNotContain("SB/26/0311", await followed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var (_, withBadFilter, _) = await helen.FollowAsync(await helen.Http.GetAsync($"/requests/{southborough}/access-history?Filter.From.Day=99", Ct));
        Assert.Equal(HttpStatusCode.NotFound, withBadFilter.StatusCode);

        using var isw = await SignedInAsync(DemoUsers.Isw(1));
        var (_, refused, _) = await isw.FollowAsync(await isw.Http.GetAsync("/requests/access-history", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_bad_period_is_explained_and_the_answers_are_kept()
    {
        using var helen = await SignedInAsync(DemoUsers.Northshire);

        var (response, page) = await helen.GetPageAsync("/requests/access-history?Filter.CaseReference=NS-2026-0142&Filter.From.Day=40&Filter.From.Month=1&Filter.From.Year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the start of the period as a real date", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("40", page.QuerySelector("input[name='Filter.From.Day']")?.GetAttribute("value"));
        Assert.Equal("NS-2026-0142", page.QuerySelector("input[name='Filter.CaseReference']")?.GetAttribute("value"));
    }
}
