using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Data-protection keys live in the application database, so a second instance (or the same one after a
/// restart) accepts the first one's sign-in cookies and API tokens.
/// </summary>
public sealed class SharedKeysTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_second_instance_accepts_the_first_ones_cookies_and_tokens(DatabaseProvider provider)
    {
        await using var first = await IswPanelApp.StartAsync(provider);
        await using var second = first.SecondInstance();

        using var api = await ApiClients.SignedInAsync(first, DemoUsers.Northshire, DemoUsers.Password);
        var cookie = await SessionCookieAsync(first);

        using var secondApi = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = IswPanelApp.BaseAddress });
        secondApi.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        using var secondPage = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = IswPanelApp.BaseAddress });
        secondPage.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await secondApi.GetAsync("/api/v1/assessment-requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secondPage.GetAsync("/requests")).StatusCode);
    }

    /// <summary>Signs in with a cookie-less client and returns the session cookie the first instance set.</summary>
    private static async Task<string> SessionCookieAsync(IswPanelApp app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = IswPanelApp.BaseAddress });
        var form = await client.GetAsync("/account/sign-in");
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = (await PageClient.ParseAsync(form)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = DemoUsers.Northshire,
                ["Password"] = DemoUsers.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("__Host-IswPanel.Session", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
    }
}
