using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Testing;
using IswPanel.Web.Features.Auth;

namespace IswPanel.Web.Tests.Api;

public sealed class AuthTokenTests(DemoApp demo)
{
    [Fact]
    public async Task Valid_credentials_get_a_bearer_token_that_the_api_accepts()
    {
        using var client = demo.App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Northshire, password = DemoUsers.Password },
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("accessToken").GetString());
        var types = await client.GetFromJsonAsync<JsonElement>("/api/v1/assessment-types", TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Array, types.ValueKind);
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("code").GetString() == "parenting-pams");
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("code").GetString() == "specialist-risk" && t.GetProperty("minPqeYears").GetInt32() == 8);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401_problem()
    {
        using var client = demo.App.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Isw(4), password = "wrong-password-here" },
            TestContext.Current.CancellationToken);
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.gov.uk", password = "wrong-password-here" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var first = await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var second = await unknown.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(IssueApiToken.Rejected, first.GetProperty("detail").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_a_400_validation_problem()
    {
        using var client = demo.App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "" }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("Email", out _) || body.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task The_api_refuses_cookies_and_requires_a_token()
    {
        using var page = PageClient.For(demo.App);
        await page.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var withCookie = await page.Http.GetAsync("/api/v1/assessment-requests");

        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
    }

    [Fact]
    public async Task A_role_that_may_not_call_a_route_gets_403()
    {
        using var api = await ApiClients.SignedInAsync(demo.App, DemoUsers.Isw(1), DemoUsers.Password);

        var response = await api.GetAsync("/api/v1/assessment-requests");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_routes()
    {
        using var client = demo.App.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/assessment-requests/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/assessment-types", out _));
    }
}
