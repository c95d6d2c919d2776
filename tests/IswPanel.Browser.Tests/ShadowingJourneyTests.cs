using System.Globalization;
using System.Text.RegularExpressions;
using IswPanel.Testing;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace IswPanel.Browser.Tests;

/// <summary>
/// Issue 8's journey in a real browser, on the demo's PAMS assessment NS-2026-0157 (Nadia Rahman, isw7): Northshire's
/// commissioner nominates a newly qualified practitioner, who creates their account from the invitation; Nadia accepts,
/// records the family's consent, logs two sessions and marks both as attended; the practitioner reflects on both, and
/// their summary counts two sessions and 3 hours 30 minutes. Every page on the way is checked with axe-core.
/// </summary>
public sealed partial class ShadowingJourneyTests(BrowserApp browser)
{
    private const string CaseReference = "NS-2026-0157";
    private const string TypeName = "Parenting assessment, PAMS (parents with learning needs)";
    private const string Name = "Robin Ellis";
    private const string Email = "robin.ellis@northshire.example.gov.uk";
    private const string Password = "Shadowing-Journey-2026!";

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private readonly List<string> checkedPages = [];

    [Fact]
    public async Task A_practitioner_is_nominated_accepted_with_consent_attends_two_sessions_reflects_and_their_summary_counts_the_hours()
    {
        await using var session = await browser.OpenAsync();
        var today = browser.Today;
        try
        {
            var nominationPath = await NominateAsync(session);
            await SignOutAsync(session);

            await CreateAccountAsync(session);
            await SignOutAsync(session);

            await AcceptConsentAndAttendAsync(session, nominationPath, today);
            await SignOutAsync(session);

            await ReflectAndReadSummaryAsync(session, today);
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"axe-core checked {checkedPages.Count} pages:{Environment.NewLine}{string.Join(Environment.NewLine, checkedPages)}");
        }
    }

    /// <summary>Step 1: the commissioner opens the request and nominates; a wrong email is refused first, with the answers kept.</summary>
    private async Task<string> NominateAsync(BrowserPage session)
    {
        await session.SignInAsync(DemoUsers.Northshire, DemoUsers.Password, "/requests");
        await session.FollowLinkAsync(CaseReference);
        var requestPath = new Uri(session.Page.Url).AbsolutePath;
        await session.FollowLinkAsync("Nominate a junior practitioner to shadow");
        await AtAsync(session, $"{requestPath}/shadowing/nominate", "Nominate a junior practitioner to shadow", "the nomination form");

        await session.Field("Full name").FillAsync(Name);
        await session.ChooseAsync("Their role", "Newly qualified social worker");
        await session.Field("Work email address").FillAsync("robin.ellis at northshire");
        await session.Field("What they hope to learn").FillAsync("How a PAMS assessment is adapted to a parent with a learning disability.");
        await session.PressButtonAsync("Nominate");
        await AtAsync(session, $"{requestPath}/shadowing/nominate", "Nominate a junior practitioner to shadow", "the nomination form with an error");
        await Expect(ErrorSummary(session).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(session.Field("Full name")).ToHaveValueAsync(Name);

        await session.Field("Work email address").FillAsync(Email);
        await session.PressButtonAsync("Nominate");
        await AtAsync(session, requestPath, $"{TypeName}: {CaseReference}", "the request page with the nomination");
        await AssertSuccessAsync(session, $"We have invited {Name} to IswPanel");
        await Expect(session.Page.Locator("#request-shadowing")).ToContainTextAsync(Name);
        return requestPath;
    }

    /// <summary>Step 2: the practitioner follows the invitation, creates a password and lands on their own page.</summary>
    private async Task CreateAccountAsync(BrowserPage session)
    {
        await session.GotoAsync(InvitationLink());
        await AtAsync(session, "/account/accept-invitation", "Create your password", "the invitation's password page");
        await session.Field("Password").FillAsync(Password);
        await session.Field("Confirm password").FillAsync(Password);
        await session.PressButtonAsync("Create password");
        await session.SignInAsync(Email, Password, "/shadowing/mine");
        await AtAsync(session, "/shadowing/mine", "My shadowing", "the shadower's home page, waiting");
        await Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Waiting for the social worker");
        await Expect(session.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(CaseReference);
    }

    /// <summary>Step 3: Nadia accepts, records consent, logs two sessions today and marks both as attended.</summary>
    private async Task AcceptConsentAndAttendAsync(BrowserPage session, string requestPath, DateOnly today)
    {
        await session.SignInAsync(DemoUsers.Isw(7), DemoUsers.Password, "/my-work");
        await session.GotoAsync("/my-shadowing");
        await AtAsync(session, "/my-shadowing", "Shadowing", "the social worker's shadowing list");
        await session.FollowLinkAsync(Name);
        var nominationPath = new Uri(session.Page.Url).AbsolutePath;
        await AtAsync(session, nominationPath, Name, "the nomination, waiting for a decision");
        await session.PressButtonAsync("Accept the nomination");
        await AtAsync(session, nominationPath, Name, "the nomination, accepted");

        // Marking is offered only after consent.
        await Expect(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { NameRegex = MarkButton() })).ToHaveCountAsync(0);
        await session.ChooseAsync("Did the family agree to a shadower?", "Yes, the family gave consent");
        await session.FillDateAsync("When did they give their answer?", today);
        await session.PressButtonAsync("Record the family's answer");
        await AtAsync(session, nominationPath, Name, "the nomination with consent recorded");

        var workPath = "/work/" + requestPath.Split('/')[^1];
        foreach (var (kind, hours, minutes) in new[] { ("Home visit", "2", "10"), ("Observation", "1", "20") })
        {
            await session.GotoAsync($"{workPath}/log");
            await AtAsync(session, $"{workPath}/log", "Log work", $"the log form for the {kind.ToLowerInvariant()}");
            await session.FillDateAsync("Date", today);
            await session.ChooseAsync("Kind of work", kind);
            await session.Group("How long it took").GetByLabel("Hours", new LocatorGetByLabelOptions { Exact = true }).FillAsync(hours);
            await session.Group("How long it took").GetByLabel("Minutes", new LocatorGetByLabelOptions { Exact = true }).FillAsync(minutes);
            await session.PressButtonAsync("Save");
        }

        await session.GotoAsync(nominationPath);
        var day = today.ToString("d MMMM yyyy", English);
        // The demo's own sessions on this case fall on today too: these two are told apart by their length.
        foreach (var length in new[] { "Home visit, 2 hours 10 minutes", "Observation, 1 hour 20 minutes" })
        {
            var row = SessionRow(session, day, length);
            await session.NavigatesAsync(() => row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = MarkButton() }).ClickAsync());
            await AtAsync(session, nominationPath, Name, $"the nomination with the session \"{length}\" marked");
            await Expect(SessionRow(session, day, length).Locator(".govuk-tag--green")).ToHaveTextAsync("Attended");
        }

        await Expect(session.Page.Locator("table .govuk-tag--green")).ToHaveCountAsync(2);
    }

    /// <summary>Step 4: the practitioner reflects on both sessions; the summary counts 2 sessions and 3 hours 30 minutes.</summary>
    private async Task ReflectAndReadSummaryAsync(BrowserPage session, DateOnly today)
    {
        await session.SignInAsync(Email, Password, "/shadowing/mine");
        var day = today.ToString("d MMMM yyyy", English);
        foreach (var (choice, text) in new[]
                 {
                     ($"Home visit on {day}, 2 hours 10 minutes", "The home visit showed me how to explain the assessment plainly."),
                     ($"Observation on {day}, 1 hour 20 minutes", "Observing a meal time taught me to record what I see, not what I expect."),
                 })
        {
            await session.NavigatesAsync(() => session.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { NameRegex = WriteReflectionLink() }).First.ClickAsync());
            var reflectPath = new Uri(session.Page.Url).AbsolutePath;
            await AtAsync(session, reflectPath, "Write a reflection", $"the reflection form ({choice})");
            await session.Group("Which session are you reflecting on?").GetByLabel(choice, new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
            await session.Field("Your reflection").FillAsync(text);
            await session.PressButtonAsync("Save reflection");
            await AtAsync(session, "/shadowing/mine", "My shadowing", $"the shadower's home after reflecting on the {choice}");
        }

        await session.FollowLinkAsync("Your shadowing summary");
        var summaryPath = new Uri(session.Page.Url).AbsolutePath;
        await AtAsync(session, summaryPath, $"Shadowing summary: {Name}", "the shadowing summary");
        var main = session.Page.GetByRole(AriaRole.Main);
        await Expect(SummaryValue(main, "Sessions shadowed")).ToHaveTextAsync("2");
        await Expect(SummaryValue(main, "Total time")).ToHaveTextAsync("3 hours 30 minutes");
        await Expect(SummaryValue(main, "Assessment types seen")).ToHaveTextAsync(TypeName);
        await Expect(main).ToContainTextAsync("Observing a meal time taught me to record what I see");
        await Expect(main).Not.ToContainTextAsync(CaseReference);

        var download = await session.Page.RunAndWaitForDownloadAsync(() =>
            session.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download this summary as a PDF", Exact = true }).ClickAsync());
        var pdf = await download.PathAsync();
        var header = new byte[5];
        await using (var stream = File.OpenRead(pdf)) await stream.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), header);
    }

    private async Task SignOutAsync(BrowserPage session)
    {
        await session.PressButtonAsync("Sign out");
        await AtAsync(session, "/account/signed-out", "You have signed out");
    }

    /// <summary>The path and query of the newest invitation link sent to the practitioner.</summary>
    private string InvitationLink()
    {
        var folder = Path.Combine(browser.DataDirectory, "mail");
        var newest = Directory.GetFiles(folder, "*.eml")
            .Select(file => (File: file, Message: MimeMessage.Load(file)))
            .Where(m => m.Message.To.Mailboxes.Any(to => string.Equals(to.Address, Email, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).ThenBy(m => m.File, StringComparer.Ordinal)
            .Select(m => m.Message)
            .LastOrDefault() ?? throw new InvalidOperationException($"No email to {Email} in {folder}.");
        var link = InvitationPattern().Match(newest.TextBody ?? "");
        Assert.True(link.Success, $"The invitation has no link:{Environment.NewLine}{newest.TextBody}");
        return new Uri(link.Value).PathAndQuery;
    }

    /// <summary>The browser shows <paramref name="path"/> with this h1, loaded cleanly, and axe-core finds no violations on it.</summary>
    private async Task AtAsync(BrowserPage session, string path, string heading, string? pageName = null)
    {
        Assert.Equal(path, new Uri(session.Page.Url).AbsolutePath);
        Assert.Equal(heading, await session.HeadingAsync());
        await session.AssertHealthyAsync();
        var name = pageName ?? $"the \"{heading}\" page";
        await session.AssertNoAxeViolationsAsync(name);
        checkedPages.Add($"{path}: {name}");
    }

    private static async Task AssertSuccessAsync(BrowserPage session, string message) =>
        await Expect(session.Page.GetByRole(AriaRole.Alert, new PageGetByRoleOptions { Name = "Success", Exact = true }))
            .ToContainTextAsync(message);

    private static ILocator ErrorSummary(BrowserPage session) =>
        session.Page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "There is a problem" });

    private static ILocator SessionRow(BrowserPage session, string day, string what) =>
        session.Page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = day }).Filter(new LocatorFilterOptions { HasText = what });

    private static ILocator SummaryValue(ILocator within, string key) =>
        within.Locator(".govuk-summary-list__row")
            .Filter(new LocatorFilterOptions { Has = within.Page.GetByText(key, new PageGetByTextOptions { Exact = true }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>Visually hidden text follows the visible words in these links' and buttons' names.</summary>
    [GeneratedRegex("^Write a reflection")]
    private static partial Regex WriteReflectionLink();

    [GeneratedRegex("^Mark as attended")]
    private static partial Regex MarkButton();

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?\S+")]
    private static partial Regex InvitationPattern();
}
