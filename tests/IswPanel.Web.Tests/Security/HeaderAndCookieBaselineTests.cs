using System.Net;
using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Domain.Documents;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static IswPanel.Web.Tests.Security.SecurityAssertions;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Header and cookie baseline over every page reachable by the demo users: each signs in and follows every
/// same-origin link breadth-first from the home page; every response (pages, redirects, errors) carries the
/// security headers and is never stored, and every cookie is "__Host-", Secure, HttpOnly, SameSite, Path=/.
/// A page added next year is covered as soon as something links to it.
/// </summary>
public sealed class HeaderAndCookieBaselineTests(DemoApp demo)
{
    private const int PageCap = 150;

    [Theory]
    [InlineData(null)]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Qa)]
    [InlineData(DemoUsers.Northshire)]
    [InlineData(DemoUsers.Southborough)]
    [InlineData("isw1@demo.iswpanel.test")]
    public async Task Every_page_reachable_by_a_demo_user_has_the_security_headers_and_only_host_cookies(string? email)
    {
        using var client = PageClient.For(demo.App);
        var (signInForm, _) = await client.GetPageAsync("/account/sign-in");
        HasSecurityHeaders(signInForm, "GET /account/sign-in");
        HasOnlyHostCookies(signInForm, "GET /account/sign-in");
        if (email is not null)
        {
            var signedIn = await client.SignInAsync(email, DemoUsers.Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            HasSecurityHeaders(signedIn, "POST /account/sign-in");
            Assert.Contains(HasOnlyHostCookies(signedIn, "POST /account/sign-in"), c => c.StartsWith(Cookies.Session + "=", StringComparison.Ordinal));
        }

        var visited = await CrawlAsync(client, email ?? "visitor");

        Assert.True(visited.Count >= (email is null ? 4 : 6), $"Only {visited.Count} pages reached: {string.Join(", ", visited)}");
        if (email is not null) Assert.Contains("/account/change-password", visited);
    }

    private static async Task<List<string>> CrawlAsync(PageClient client, string who)
    {
        var queue = new Queue<string>(["/", "/about/cookies"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < PageCap)
        {
            var url = queue.Dequeue();
            using var response = await client.Http.GetAsync(url);
            var what = $"{who}: GET {url} ({(int)response.StatusCode})";
            HasSecurityHeaders(response, what);
            HasOnlyHostCookies(response, what);
            Assert.True((int)response.StatusCode < 500, what);
            visited.Add(url);

            var next = new List<string?>();
            if (response.Headers.Location is { } location) next.Add(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var page = await PageClient.ParseAsync(response);
                next.AddRange(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")));
            }

            foreach (var link in next.Select(Local).OfType<string>())
                if (seen.Add(link)) queue.Enqueue(link);
        }

        return visited;
    }

    /// <summary>A same-origin page to visit, or null: other sites, static files, the dashboard, sign-out.</summary>
    private static string? Local(string? href)
    {
        if (string.IsNullOrEmpty(href)) return null;
        if (href.StartsWith("https://localhost/", StringComparison.Ordinal)) href = href["https://localhost".Length..];
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return null;
        href = href.Split('#')[0];
        string[] skipped = ["/account/sign-out", "/hangfire", "/css/", "/js/", "/lib/", "/favicon", "/documents/", "/calendar/"];
        return href.Length == 0 || skipped.Any(s => href.StartsWith(s, StringComparison.Ordinal)) ? null : href;
    }

    [Fact]
    public async Task A_document_download_the_calendar_feed_and_an_api_answer_have_the_headers_and_are_never_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        Guid fileId;
        await using (var scope = demo.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            var owner = await db.Users.Where(u => u.Email == DemoUsers.Isw(2)).Select(u => u.Id).SingleAsync(ct);
            var key = $"2026/12/{Guid.NewGuid():N}";
            await store.SaveAsync(key, new MemoryStream(PageClient.TinyPdf()), ct);
            var file = StoredFile.Record(owner, owner, DateTime.UtcNow, "Headers.pdf", FileKind.Pdf, PageClient.TinyPdf().Length, "", key);
            db.StoredFiles.Add(file);
            await db.SaveChangesAsync(ct);
            fileId = file.Id;
        }

        using var isw = PageClient.For(demo.App);
        await isw.SignInAsync(DemoUsers.Isw(2), DemoUsers.Password);
        using var download = await isw.Http.GetAsync($"/documents/{fileId}", ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        HasSecurityHeaders(download, "document download");

        var created = await PageClient.ParseAsync(await isw.PostFormAsync("/account/calendar", "/account/calendar", []));
        var feedUrl = new Uri(created.QuerySelector("#calendar-url")?.GetAttribute("value") ?? throw new InvalidOperationException("No feed link."));
        using var calendarApp = demo.App.CreateClient();
        using var feed = await calendarApp.GetAsync(feedUrl.PathAndQuery, ct);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        HasSecurityHeaders(feed, "calendar feed");

        using var api = await ApiClients.SignedInAsync(demo.App, DemoUsers.Northshire, DemoUsers.Password);
        using var answer = await api.GetAsync("/api/v1/assessment-requests", ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        HasSecurityHeaders(answer, "API answer");
        using var unauthorised = await demo.App.CreateClient().GetAsync("/api/v1/assessment-requests", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        HasSecurityHeaders(unauthorised, "API 401");
        using var token = await demo.App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = DemoUsers.Northshire, password = DemoUsers.Password }, ct);
        HasSecurityHeaders(token, "API token");
    }

    [Fact]
    public async Task Static_files_and_error_pages_have_the_headers_too()
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        using var script = await client.Http.GetAsync("/js/app.js", TestContext.Current.CancellationToken);
        using var missing = await client.Http.GetAsync($"/requests/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        HasSecurityHeaders(script, "static file", mustNotBeStored: false);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        HasSecurityHeaders(missing, "404 page");
    }

    [Fact]
    public async Task The_layout_has_no_inline_script_or_style_for_the_policy_to_break()
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        foreach (var url in new[] { "/", "/admin", "/account/sign-in", "/apply" })
        {
            var (_, page) = await client.GetPageAsync(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{url}: inline script"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("[onclick], [onload], [onsubmit]"));
        }
    }

    [Fact]
    public void Identitys_other_cookies_are_host_cookies_too()
    {
        var monitor = demo.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme,
                     IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            var cookie = monitor.Get(scheme).Cookie;
            Assert.StartsWith("__Host-", cookie.Name, StringComparison.Ordinal);
            Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, cookie.SecurePolicy);
            Assert.True(cookie.HttpOnly);
            Assert.Equal("/", cookie.Path);
            Assert.Null(cookie.Domain);
            Assert.NotEqual(Microsoft.AspNetCore.Http.SameSiteMode.None, cookie.SameSite);
        }
    }
}
