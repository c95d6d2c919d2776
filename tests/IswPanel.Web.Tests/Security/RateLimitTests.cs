using System.Net;
using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Sign-in, the token endpoint and the application form are rate limited per client. The rest of the suite
/// runs with limits too high to meet; this app has low ones.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string?> LowLimits = new()
    {
        ["Security:RateLimits:SignIn:PermitLimit"] = "3",
        ["Security:RateLimits:SignIn:Window"] = "00:10:00",
        ["Security:RateLimits:ApiToken:PermitLimit"] = "2",
        ["Security:RateLimits:ApiToken:Window"] = "00:05:00",
        ["Security:RateLimits:Apply:PermitLimit"] = "1",
        ["Security:RateLimits:Apply:Window"] = "00:15:00",
    };

    [Fact]
    public async Task Too_many_attempts_get_a_429_page_on_sign_in_and_the_application_form_and_problem_json_on_the_api()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, LowLimits);
        using var client = PageClient.For(app);

        for (var attempt = 1; attempt <= 3; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("nobody@example.gov.uk", "not the right password")).StatusCode);
        var limited = await client.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.TryParse(SecurityAssertions.Header(limited, "Retry-After"), out var seconds) && seconds is > 0 and <= 600);
        var page = await PageClient.ParseAsync(limited);
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Matches(@"Try again in (1 minute|\d+ minutes)\.", page.QuerySelector("main")?.TextContent ?? "");
        Assert.Equal("Too many attempts – IswPanel", page.Title);
        SecurityAssertions.HasSecurityHeaders(limited, "429 page");
        Assert.Equal(HttpStatusCode.OK, (await client.GetPageAsync("/account/sign-in")).Response.StatusCode); // only POSTs count

        using var api = app.CreateClient();
        for (var attempt = 1; attempt <= 2; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.gov.uk", password = "wrong password" })).StatusCode);
        var apiLimited = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Northshire, password = DemoUsers.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, apiLimited.StatusCode);
        Assert.Equal("application/problem+json", apiLimited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(apiLimited.Headers.RetryAfter);
        var problem = await apiLimited.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("429", problem?["status"].ToString());

        var apply = new Dictionary<string, string> { ["FullName"] = "Rate Limited", ["Email"] = "not-an-email", ["Password"] = "", ["ConfirmPassword"] = "" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/apply/create-account", "/apply/create-account", apply)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostFormAsync("/apply/create-account", "/apply/create-account", apply)).StatusCode);
    }
}
