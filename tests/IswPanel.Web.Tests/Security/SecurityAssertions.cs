using Microsoft.AspNetCore.Mvc.Testing;

namespace IswPanel.Web.Tests.Security;

/// <summary>The header and cookie rules every response must meet, shared by the security tests.</summary>
internal static class SecurityAssertions
{
    public static void HasSecurityHeaders(HttpResponseMessage response, string what, bool mustNotBeStored = true)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.True(csp is not null, $"{what}: no Content-Security-Policy.");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        var scriptSrc = csp!.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        if (!what.Contains("/hangfire", StringComparison.Ordinal))
            Assert.True(scriptSrc == "script-src 'self'", $"{what}: {scriptSrc}");
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options missing.");
        Assert.True(Header(response, "Referrer-Policy") is "strict-origin-when-cross-origin" or "no-referrer", $"{what}: Referrer-Policy missing.");
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server header present.");
        Assert.False(response.Headers.Contains("X-Powered-By"), $"{what}: X-Powered-By header present.");
        if (mustNotBeStored)
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}', not no-store.");
    }

    /// <summary>Every Set-Cookie: "__Host-" name, Secure, HttpOnly, SameSite, Path=/ and no Domain.</summary>
    public static IReadOnlyList<string> HasOnlyHostCookies(HttpResponseMessage response, string what)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies)) return [];
        var list = cookies.ToList();
        foreach (var cookie in list)
        {
            var parts = cookie.Split(';').Select(p => p.Trim()).ToList();
            var attributes = parts.Skip(1).Select(p => p.ToLowerInvariant()).ToList();
            Assert.True(parts[0].StartsWith("__Host-", StringComparison.Ordinal), $"{what}: cookie without __Host- prefix: {cookie}");
            Assert.True(attributes.Contains("secure"), $"{what}: cookie not Secure: {cookie}");
            Assert.True(attributes.Contains("httponly"), $"{what}: cookie not HttpOnly: {cookie}");
            Assert.True(attributes.Any(a => a is "samesite=lax" or "samesite=strict"), $"{what}: cookie without SameSite Lax/Strict: {cookie}");
            Assert.True(attributes.Contains("path=/"), $"{what}: cookie without Path=/: {cookie}");
            Assert.False(attributes.Any(a => a.StartsWith("domain=", StringComparison.Ordinal)), $"{what}: cookie with a Domain: {cookie}");
        }

        return list;
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    /// <summary>The session cookie (name=value) a sign-in response set.</summary>
    public static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(IswPanel.Web.Infrastructure.Security.Cookies.Session + "=", StringComparison.Ordinal));

    /// <summary>A client with no cookie jar that sends exactly this cookie, as a thief with a copy would.</summary>
    public static HttpClient WithCopiedCookie(IswPanel.Testing.IswPanelApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = IswPanel.Testing.IswPanelApp.BaseAddress,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
