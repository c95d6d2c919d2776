using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IswPanel.Browser.Tests;

/// <summary>
/// One page in its own browser context. From the moment it opens it records console errors and uncaught
/// script errors, so <see cref="AssertHealthyAsync"/> can show that a page ran cleanly.
/// </summary>
public sealed partial class BrowserPage : IAsyncDisposable
{
    /// <summary>Screenshots for people to review; outside the repository on purpose.</summary>
    public const string ScreenshotDirectory = "/tmp/iswpanel-screens";

    private readonly IBrowserContext context;
    private readonly List<string> problems = [];
    private readonly Lock gate = new();

    private BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // GOV.UK Frontend reports a component that fails to start with console.log(error), not console.error.
            if (message.Type == "error" || GovukFrontendError().IsMatch(message.Text))
                Record($"console {message.Type} on {page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => Record($"uncaught script error on {page.Url}: {error}");
    }

    public IPage Page { get; }

    public static async Task<BrowserPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new BrowserPage(context, page);
    }

    /// <summary>Opens an app path and checks the server answered 200.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"GET {path} answered {response.Status}.");
    }

    /// <summary>Fills in the sign-in form as a person would (by its labels) and presses "Sign in".</summary>
    public async Task SubmitSignInAsync(string email, string password)
    {
        await GotoAsync("/account/sign-in");
        await Page.GetByLabel("Email address", new PageGetByLabelOptions { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in and waits for the page the app sends the user to.</summary>
    public async Task SignInAsync(string email, string password, string expectedPath)
    {
        await SubmitSignInAsync(email, password);
        // One wait: the address and that document's load event together (a separate load-state wait could race a
        // document that replaced it and time out under load).
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == expectedPath, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>
    /// Does something that makes the browser load a new document (a link followed, a form submitted, through any
    /// redirects) and waits until that document has loaded. A form that comes back with errors at the same address
    /// counts too: it is a new document.
    /// </summary>
    public async Task NavigatesAsync(Func<Task> action)
    {
        await Page.EvaluateAsync("() => { window.__iswpanelPreviousDocument = true; }");
        await action();
        // Playwright runs this again in each new document, so it waits out the navigation and any redirects.
        await Page.WaitForFunctionAsync("() => window.__iswpanelPreviousDocument === undefined && document.readyState === 'complete'");
    }

    /// <summary>Follows the link with exactly this accessible name and waits for the page it leads to.</summary>
    public Task FollowLinkAsync(string name, ILocator? within = null) =>
        NavigatesAsync(() => (within ?? Page.Locator("body"))
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true }).ClickAsync());

    /// <summary>Presses the button (or button-styled link) with exactly this accessible name and waits for the page it leads to.</summary>
    public Task PressButtonAsync(string name) =>
        NavigatesAsync(() => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true }).ClickAsync());

    /// <summary>Presses the button whose accessible name matches <paramref name="name"/> and waits for the page it leads to.</summary>
    public Task PressButtonAsync(Regex name) =>
        NavigatesAsync(() => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = name }).ClickAsync());

    /// <summary>The field labelled exactly <paramref name="label"/>.</summary>
    public ILocator Field(string label) => Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// <summary>The fieldset (radios, checkboxes, a date) whose legend is exactly <paramref name="legend"/>.</summary>
    public ILocator Group(string legend) => Page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = legend, Exact = true });

    /// <summary>Types a date into the GOV.UK date input whose legend is <paramref name="legend"/>.</summary>
    public async Task FillDateAsync(string legend, DateOnly date)
    {
        var group = Group(legend);
        await group.GetByLabel("Day", new LocatorGetByLabelOptions { Exact = true }).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month", new LocatorGetByLabelOptions { Exact = true }).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year", new LocatorGetByLabelOptions { Exact = true }).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Ticks the radio or checkbox labelled exactly <paramref name="label"/> inside the fieldset <paramref name="legend"/>.</summary>
    public Task ChooseAsync(string legend, string label) =>
        Group(legend).GetByLabel(label, new LocatorGetByLabelOptions { Exact = true }).CheckAsync();

    public async Task<string> HeadingAsync() => (await Page.Locator("h1").InnerTextAsync()).Trim();

    /// <summary>Runs axe-core on the current page; fails listing each violation's rule, help and elements.</summary>
    public async Task AssertNoAxeViolationsAsync(string pageName)
    {
        var result = await Page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {pageName} ({Page.Url}).");
        if (result.Violations.Length == 0) return;

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"axe-core found {result.Violations.Length} violation(s) on {pageName} ({Page.Url}):");
        foreach (var violation in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var check in checks)
                    report.AppendLine(CultureInfo.InvariantCulture, $"       {check.Id}: {check.Message?.ReplaceLineEndings(" ")}");
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// The current page loaded /css/app.css with status 200 and its GOV.UK styles apply, and no page opened in
    /// this context so far logged a console error or threw an uncaught script error.
    /// </summary>
    public async Task AssertHealthyAsync()
    {
        // Resource timing covers every way the stylesheet arrived (network or cache) for this document.
        var statuses = await Page.EvaluateAsync<int[]>(
            "() => performance.getEntriesByType('resource')" +
            ".filter(e => new URL(e.name).pathname === '/css/app.css')" +
            ".map(e => e.responseStatus)");
        Assert.True(statuses is [200], $"{Page.Url} should load /css/app.css once with status 200; got [{string.Join(", ", statuses)}].");

        // Proof the compiled GOV.UK Sass is applied: its width container has a maximum width (any: the page
        // width is our setting) and its visually-hidden helper (the footer heading) shrinks to 1px.
        var styled = await Page.EvaluateAsync<bool>(
            "() => getComputedStyle(document.querySelector('.govuk-width-container')).maxWidth !== 'none'" +
            " && getComputedStyle(document.querySelector('.govuk-visually-hidden')).width === '1px'");
        Assert.True(styled, $"GOV.UK Frontend's styles are not applied on {Page.Url}.");

        string[] seen;
        lock (gate) seen = [.. problems];
        Assert.True(seen.Length == 0, "The browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, seen));
    }

    /// <summary>Saves a full-page PNG to <see cref="ScreenshotDirectory"/>/<paramref name="name"/>.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    private void Record(string problem)
    {
        lock (gate) problems.Add(problem);
    }

    [GeneratedRegex(@"\b(SupportError|ElementError|ConfigError|InitError|GOVUKFrontendError)\b")]
    private static partial Regex GovukFrontendError();

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
