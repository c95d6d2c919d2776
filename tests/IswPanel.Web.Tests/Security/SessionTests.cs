using System.Net;
using System.Net.Http.Headers;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Security.SecurityAssertions;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Server-side sessions: a new session (and cookie) at every sign-in; idle and absolute timeouts on the fake
/// clock; a copied cookie or API token stops working after sign-out, a password change or disabling the account.
/// </summary>
public sealed class SessionTests
{
    private const string Home = "/my-work";

    /// <summary>Signs the client in and returns the session cookie it was given.</summary>
    private static async Task<string> SignInAsync(PageClient client, string email, string password = DemoUsers.Password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SessionCookie(response);
    }

    private static async Task<bool> IsSignedInAsync(HttpClient client, string url = Home)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        return false;
    }

    private static Task<Guid> UserIdAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<List<(DateTime CreatedAt, DateTime? EndedAt, string? EndReason)>> SessionsAsync(IswPanelApp app, Guid userId) =>
        app.WithDbAsync(async db => (await db.UserSessions.Where(s => s.UserId == userId).ToListAsync())
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(s => (s.CreatedAt, s.EndedAt, s.EndReason)).ToList());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Each_sign_in_starts_a_new_session_and_signing_out_ends_it_so_a_copied_cookie_is_refused(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var email = DemoUsers.Isw(1);
        var userId = await UserIdAsync(app, email);

        using var browser = PageClient.For(app);
        var (form, _) = await browser.GetPageAsync("/account/sign-in");
        var before = form.Headers.TryGetValues("Set-Cookie", out var preSignIn) ? preSignIn.ToList() : [];
        Assert.DoesNotContain(before, c => c.StartsWith(Cookies.Session, StringComparison.Ordinal)); // nothing to fixate on
        var first = SessionCookie(await browser.SignInAsync(email, DemoUsers.Password));
        // Signing in again over a sign-in (the form posted from another tab) replaces the session and the cookie.
        var second = SessionCookie(await browser.PostFormAsync(Home, "/account/sign-in",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoUsers.Password }));

        Assert.NotEqual(first, second);
        using var copyOfFirst = WithCopiedCookie(app, first);
        using var copyOfSecond = WithCopiedCookie(app, second);
        Assert.False(await IsSignedInAsync(copyOfFirst));
        Assert.True(await IsSignedInAsync(copyOfSecond));

        var signedOut = await browser.PostFormAsync(Home, "/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.False(await IsSignedInAsync(copyOfSecond));
        Assert.False(await IsSignedInAsync(browser.Http));
        var sessions = await SessionsAsync(app, userId);
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(SessionEndReasons.SignedOut, s.EndReason));
    }

    [Fact]
    public async Task Thirty_one_idle_minutes_end_the_session()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = PageClient.For(app);
        var cookie = await SignInAsync(client, DemoUsers.Isw(1));
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await IsSignedInAsync(client.Http));

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await IsSignedInAsync(client.Http));
        using var copy = WithCopiedCookie(app, cookie);
        Assert.False(await IsSignedInAsync(copy));
        var session = Assert.Single(await SessionsAsync(app, await UserIdAsync(app, DemoUsers.Isw(1))));
        Assert.Equal(SessionEndReasons.Idle, session.EndReason);
    }

    [Fact]
    public async Task Activity_every_twenty_minutes_keeps_a_session_alive_until_ten_hours_after_sign_in()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = PageClient.For(app);
        await SignInAsync(client, DemoUsers.Isw(1));

        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(10))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            Assert.True(await IsSignedInAsync(client.Http), $"Signed out after {elapsed}.");
        }

        app.Clock.Advance(TimeSpan.FromHours(10) - elapsed);

        Assert.False(await IsSignedInAsync(client.Http));
        var session = Assert.Single(await SessionsAsync(app, await UserIdAsync(app, DemoUsers.Isw(1))));
        Assert.Equal(SessionEndReasons.Absolute, session.EndReason);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_signs_this_browser_in_afresh()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var email = DemoUsers.Isw(2);
        using var browser = PageClient.For(app);
        var cookie = await SignInAsync(browser, email);
        using var otherDevice = PageClient.For(app);
        await SignInAsync(otherDevice, email);
        using var stolen = WithCopiedCookie(app, cookie);
        using var api = await ApiClients.SignedInAsync(app, email, DemoUsers.Password);
        Assert.True(await IsSignedInAsync(stolen));

        var wrong = await browser.PostFormAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all",
            ["NewPassword"] = "a fresh and rather long passphrase",
            ["ConfirmPassword"] = "a fresh and rather long passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Your current password is not correct.", (await PageClient.ParseAsync(wrong)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(stolen));

        var changed = await browser.PostFormAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = DemoUsers.Password,
            ["NewPassword"] = "a fresh and rather long passphrase",
            ["ConfirmPassword"] = "a fresh and rather long passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var fresh = SessionCookie(changed);

        Assert.NotEqual(cookie, fresh);
        Assert.False(await IsSignedInAsync(stolen));
        Assert.False(await IsSignedInAsync(otherDevice.Http));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/offers")).StatusCode);
        Assert.True(await IsSignedInAsync(browser.Http));
        var ended = (await SessionsAsync(app, await UserIdAsync(app, email))).Where(s => s.EndedAt is not null).ToList();
        Assert.Equal(3, ended.Count);
        Assert.All(ended, s => Assert.Equal(SessionEndReasons.PasswordChanged, s.EndReason));
        Assert.Contains(AuditActions.PasswordChanged, await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Action).ToListAsync()));

        using var again = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(email, "a fresh and rather long passphrase")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_and_api_tokens_and_re_enabling_lets_it_sign_in_again()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var email = DemoUsers.Isw(3);
        var userId = await UserIdAsync(app, email);
        using var browser = PageClient.For(app);
        var cookie = await SignInAsync(browser, email);
        using var stolen = WithCopiedCookie(app, cookie);
        using var api = await ApiClients.SignedInAsync(app, email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/offers")).StatusCode);
        using var admin = PageClient.For(app);
        await SignInAsync(admin, DemoUsers.Admin);

        var (users, list) = await admin.GetPageAsync("/admin/users?role=Isw");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        var (confirm, confirmPage) = await admin.GetPageAsync($"/admin/users/{userId}/disable");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.NotNull(confirmPage.QuerySelector($"form[action='/admin/users/{userId}/disable']"));
        var disabled = await admin.PostFormAsync($"/admin/users/{userId}/disable", $"/admin/users/{userId}/disable", []);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        Assert.False(await IsSignedInAsync(browser.Http));
        Assert.False(await IsSignedInAsync(stolen));
        var refused = await api.GetAsync("/api/v1/offers");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var refusedSignIn = PageClient.For(app);
        Assert.Equal(HttpStatusCode.OK, (await refusedSignIn.SignInAsync(email, DemoUsers.Password)).StatusCode); // the form again: refused
        Assert.All(await SessionsAsync(app, userId), s => Assert.Equal(SessionEndReasons.Disabled, s.EndReason));
        Assert.Contains(AuditActions.UserDisabled, await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == userId.ToString()).Select(e => e.Action).ToListAsync()));

        var enabled = await admin.PostFormAsync($"/admin/users/{userId}/enable", $"/admin/users/{userId}/enable", []);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.False(await IsSignedInAsync(stolen)); // an ended session never comes back
        using var again = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(email, DemoUsers.Password)).StatusCode);
        Assert.True(await IsSignedInAsync(again.Http));
        Assert.Contains(AuditActions.UserEnabled, await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == userId.ToString()).Select(e => e.Action).ToListAsync()));
        Assert.NotNull(list.QuerySelector($"a[href='/admin/users/{userId}/disable']"));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var adminId = await UserIdAsync(app, DemoUsers.Admin);
        using var admin = PageClient.For(app);
        await SignInAsync(admin, DemoUsers.Admin);

        var (_, users) = await admin.GetPageAsync("/admin/users");
        var refused = await admin.PostFormAsync("/admin/users", $"/admin/users/{adminId}/disable", []);

        Assert.Null(users.QuerySelector($"a[href='/admin/users/{adminId}/disable']"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You cannot disable your own account", (await PageClient.ParseAsync(refused)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsDisabled).SingleAsync()));
        Assert.True(await IsSignedInAsync(admin.Http, "/admin"));
    }

    [Fact]
    public async Task An_api_token_carries_a_session_that_idles_out_like_a_cookie()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/offers")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(31));

        using var refused = await api.GetAsync("/api/v1/offers");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(AuthenticationHeaderValue.Parse("Bearer error=\"invalid_token\"").Scheme, refused.Headers.WwwAuthenticate.First().Scheme);
    }
}
