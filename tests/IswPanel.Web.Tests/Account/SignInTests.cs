using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Account;

namespace IswPanel.Web.Tests.Account;

public sealed class SignInTests(DemoApp demo)
{
    [Theory]
    [InlineData(DemoUsers.Admin, "/admin", "Panel administration")]
    [InlineData(DemoUsers.Qa, "/qa", "Reports waiting for quality assurance")]
    [InlineData(DemoUsers.Northshire, "/requests", "Your authority's assessment requests")]
    [InlineData(DemoUsers.Southborough, "/requests", "Your authority's assessment requests")]
    [InlineData("isw1@demo.iswpanel.test", "/my-work", "My work")]
    public async Task Each_demo_role_lands_on_its_own_home_page(string email, string home, string heading)
    {
        using var client = PageClient.For(demo.App);

        var (path, response, page) = await client.FollowAsync(await client.SignInAsync(email, DemoUsers.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(home, path);
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message()
    {
        using var client = PageClient.For(demo.App);

        var wrongPassword = await PageClient.ParseAsync(await client.SignInAsync(DemoUsers.Isw(3), "not-the-password-at-all"));
        var unknownEmail = await PageClient.ParseAsync(await client.SignInAsync("nobody@example.gov.uk", "not-the-password-at-all"));

        var first = wrongPassword.QuerySelector(".govuk-error-summary")?.TextContent;
        var second = unknownEmail.QuerySelector(".govuk-error-summary")?.TextContent;
        Assert.NotNull(first);
        Assert.Contains(SignIn.IncorrectMessage, first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.StartsWith("Error:", wrongPassword.Title, StringComparison.Ordinal);
        Assert.Equal(DemoUsers.Isw(3), wrongPassword.QuerySelector("input[name=Email]")?.GetAttribute("value"));
        Assert.Null(wrongPassword.QuerySelector("input[name=Password]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Missing_answers_are_listed_in_the_error_summary()
    {
        using var client = PageClient.For(demo.App);

        var page = await PageClient.ParseAsync(await client.SignInAsync("", ""));

        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Email", "Enter your email address."), links);
        Assert.Contains(("#Password", "Enter your password."), links);
        Assert.NotNull(page.QuerySelector("#Email-error"));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_the_sixth_attempt_is_refused_even_with_the_right_password()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = PageClient.For(app);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var page = await PageClient.ParseAsync(await client.SignInAsync(DemoUsers.Isw(2), $"wrong-password-{attempt}"));
            Assert.Contains(SignIn.IncorrectMessage, page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        }

        var sixth = await client.SignInAsync(DemoUsers.Isw(2), DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(SignIn.LockedMessage, (await PageClient.ParseAsync(sixth)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_need_a_signed_in_user()
    {
        using var client = PageClient.For(demo.App);

        var response = await client.Http.GetAsync("/requests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }
}
