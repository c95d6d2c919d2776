using System.Net;
using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Security;

/// <summary>Panel staff must use two-factor sign-in when Security:RequireTwoFactorForStaff is true (the default).</summary>
public sealed class TwoFactorTests
{
    private static Task<IswPanelApp> StartWithTwoFactorRequired() =>
        IswPanelApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });

    [Fact]
    public async Task Staff_must_set_up_two_factor_before_using_the_service_and_then_sign_in_with_a_code()
    {
        await using var app = await StartWithTwoFactorRequired();
        using var admin = PageClient.For(app);

        var (landing, _, _) = await admin.FollowAsync(await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password));
        Assert.Equal("/account/two-factor", landing);
        await admin.PostFormAsync("/account/two-factor", "/account/two-factor/start", new Dictionary<string, string>());
        var (_, setupPage) = await admin.GetPageAsync("/account/two-factor");
        var adminPage = await admin.Http.GetAsync("/admin");
        Assert.Equal("/account/two-factor", adminPage.Headers.Location?.OriginalString);
        using var api = app.CreateClient();

        var key = setupPage.QuerySelector(".app-code")!.TextContent;
        var enabled = await admin.PostFormAsync("/account/two-factor", "/account/two-factor/enable",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codes = (await PageClient.ParseAsync(enabled)).QuerySelectorAll("li.app-code").Select(li => li.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin")).StatusCode);

        using var again = PageClient.For(app);
        var secondStep = await again.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        Assert.StartsWith("/account/sign-in/second-factor", secondStep.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.Http.GetAsync("/admin")).StatusCode);
        var signedIn = await again.PostFormAsync(secondStep.Headers.Location!.OriginalString, "/account/sign-in/second-factor",
            new Dictionary<string, string> { ["Code"] = codes[0] });
        var (home, response, _) = await again.FollowAsync(signedIn);
        Assert.Equal("/admin", home);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var withoutCode = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Admin, password = DemoUsers.Password },
            TestContext.Current.CancellationToken);
        var withCode = await api.PostAsJsonAsync("/api/v1/auth/token",
            new { email = DemoUsers.Admin, password = DemoUsers.Password, otp = Totp.Code(key, DateTimeOffset.UtcNow) },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task Staff_without_two_factor_get_no_api_token_when_it_is_required()
    {
        await using var app = await StartWithTwoFactorRequired();
        using var api = app.CreateClient();

        var staff = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Qa, password = DemoUsers.Password },
            TestContext.Current.CancellationToken);
        var commissioner = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Northshire, password = DemoUsers.Password },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, commissioner.StatusCode);
    }
}
