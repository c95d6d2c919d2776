using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// The requests list reads a following page by seeking past the previous page's last row (<c>?after=</c> the
/// previous page's <c>next</c>): following the cursors visits exactly the rows the page numbers do, in the same
/// order, even when many requests share one creation instant.
/// </summary>
public sealed class KeysetPagingTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Following_next_cursors_visits_every_request_once_in_the_order_page_numbers_give(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        // Six requests created at the same instant: only the id can order them, across a page boundary.
        var sameInstant = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(db => db.AssessmentRequests.OrderBy(r => r.CaseReference).Take(6)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, sameInstant)));
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);

        var all = await api.GetFromJsonAsync<JsonElement>("/api/v1/assessment-requests?pageSize=100", TestContext.Current.CancellationToken);
        var expected = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.True(expected.Count > 10, "The demo holds enough requests for several pages.");
        Assert.Null(all.GetProperty("next").GetString());

        var visited = new List<string?>();
        var byNumber = new List<string?>();
        string? next = null;
        for (var page = 1; page <= 100; page++)
        {
            var url = $"/api/v1/assessment-requests?pageSize=4&page={page}" + (next is null ? "" : $"&after={next}");
            var body = await api.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
            visited.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            Assert.Equal(expected.Count, body.GetProperty("total").GetInt32());
            Assert.Equal(page, body.GetProperty("page").GetInt32());
            var numbered = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests?pageSize=4&page={page}", TestContext.Current.CancellationToken);
            byNumber.AddRange(numbered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            next = body.GetProperty("next").GetString();
            if (next is null) break;
        }

        Assert.Equal(expected, visited);
        Assert.Equal(expected, byNumber);
    }

    [Fact]
    public async Task A_cursor_that_was_not_given_is_a_problem_and_the_pages_next_link_seeks()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);
        var bad = await api.GetAsync("/api/v1/assessment-requests?after=not-a-cursor", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("after", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var total = await app.WithDbAsync(db => db.AssessmentRequests.CountAsync());
        using var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (_, first) = await client.GetPageAsync("/requests?pageSize=5");
        var nextLink = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.True(total > 5, "The demo holds more than one page of requests.");
        Assert.NotNull(nextLink);
        Assert.Contains("page=2&after=", nextLink, StringComparison.Ordinal);
        Assert.Contains("pageSize=5", nextLink, StringComparison.Ordinal);
        var (response, second) = await client.GetPageAsync(nextLink);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", second.QuerySelector(".govuk-pagination__item--current a")?.TextContent.Trim());
    }
}
