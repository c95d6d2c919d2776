using IswPanel.Testing;

namespace IswPanel.Browser.Tests;

/// <summary>
/// The pages as a person's browser gets them: the npm-built GOV.UK styles and scripts load, nothing logs an
/// error, and axe-core finds no accessibility violations. Each test skips without Chromium (fails on CI).
/// </summary>
public sealed class AccessibilityTests(BrowserApp browser)
{
    [Fact]
    public async Task The_public_landing_page_is_accessible_and_styled()
    {
        await using var session = await browser.OpenAsync();

        await session.GotoAsync("/");

        Assert.Equal("Independent social work assessments for children's services", await session.HeadingAsync());
        await session.AssertHealthyAsync();
        await session.AssertNoAxeViolationsAsync("the landing page");
        await session.ScreenshotAsync("landing");
    }

    [Fact]
    public async Task The_sign_in_page_is_accessible()
    {
        await using var session = await browser.OpenAsync();

        await session.GotoAsync("/account/sign-in");

        Assert.Equal("Sign in to IswPanel", await session.HeadingAsync());
        await session.AssertHealthyAsync();
        await session.AssertNoAxeViolationsAsync("the sign-in page");
        await session.ScreenshotAsync("sign-in");
    }

    [Fact]
    public async Task A_commissioner_lands_on_their_authoritys_requests_which_are_accessible()
    {
        await using var session = await browser.OpenAsync();

        await session.SignInAsync(DemoUsers.Northshire, DemoUsers.Password, "/requests");

        Assert.Equal("Your authority's assessment requests", await session.HeadingAsync());
        await session.AssertHealthyAsync();
        await session.AssertNoAxeViolationsAsync("the commissioner's home page");
        await session.ScreenshotAsync("requests");
    }

    public static TheoryData<string, string, string> HomePages => new()
    {
        { DemoUsers.Admin, "/admin", "admin" },
        { DemoUsers.Qa, "/qa", "qa" },
        { DemoUsers.Isw(1), "/my-work", "my-work" },
    };

    [Theory]
    [MemberData(nameof(HomePages))]
    public async Task Each_role_lands_on_an_accessible_home_page(string email, string home, string screenshot)
    {
        await using var session = await browser.OpenAsync();

        await session.SignInAsync(email, DemoUsers.Password, home);

        Assert.NotEmpty(await session.HeadingAsync());
        await session.AssertHealthyAsync();
        await session.AssertNoAxeViolationsAsync($"{home} for {email}");
        await session.ScreenshotAsync(screenshot);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_focused_and_accessible()
    {
        await using var session = await browser.OpenAsync();

        await session.SubmitSignInAsync(DemoUsers.Southborough, "not-the-password-2026");

        var summary = session.Page.Locator(".govuk-error-summary");
        await summary.WaitForAsync();
        Assert.Contains("There is a problem", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Error: ", await session.Page.TitleAsync(), StringComparison.Ordinal);

        // GOV.UK Frontend's ErrorSummary moves focus to the summary when it starts, so screen readers announce it.
        try
        {
            await session.Page.WaitForFunctionAsync(
                "() => document.activeElement?.closest('.govuk-error-summary') != null",
                null, new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            var focused = await session.Page.EvaluateAsync<string>("() => document.activeElement?.outerHTML ?? '(nothing)'");
            Assert.Fail($"Focus should be inside .govuk-error-summary after a failed sign-in, but is on: {focused}");
        }

        await session.AssertHealthyAsync();
        await session.AssertNoAxeViolationsAsync("the sign-in page with an error");
        await session.ScreenshotAsync("sign-in-error");
    }
}
