using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IswPanel.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IswPanel.Browser.Tests;

/// <summary>
/// Issue 4's journey in a real browser, done as people do it: a commissioner requests a parenting assessment
/// (a Saturday deadline is refused first, every other answer kept), the administrator reads the explainable
/// shortlist and offers the request to three social workers, the first accepts, the second (who had the offer
/// open in another browser) is told on the page that they were too late, and the commissioner sees who was
/// assigned and is told so in their notifications. Every page on the way is checked with axe-core and must
/// load cleanly (styles applied, no script errors).
/// </summary>
public sealed partial class RequestToAssignmentJourneyTests(BrowserApp browser)
{
    private const string TypeName = "Parenting assessment";
    private const string Authority = "Northshire County Council";
    private const string ChildInitials = "R.T.";
    private const string District = "M14";

    /// <summary>The demo social workers' sign-in numbers (isw{n}@demo.iswpanel.test), by name.</summary>
    private static readonly Dictionary<string, int> DemoIswNumbers = new(StringComparer.Ordinal)
    {
        ["Amara Okonkwo"] = 1, ["David Whitfield"] = 2, ["Sofia Kowalska"] = 3, ["James Allen"] = 4,
        ["Ruth Mensah"] = 5, ["Gareth Price"] = 6, ["Nadia Rahman"] = 7, ["Peter Lindqvist"] = 8,
        ["Chloe Bennett"] = 9, ["Olu Adeyemi"] = 10, ["Margaret Hughes"] = 11, ["Imran Chaudhry"] = 12,
    };

    private static readonly string[] MilestoneNames = ["Allocate by", "First visit by", "Draft to QA by", "QA complete by", "Release by"];

    private readonly List<string> checkedPages = [];

    [Fact]
    public async Task A_commissioner_requests_an_assessment_and_exactly_one_of_three_offered_social_workers_is_assigned_on_accessible_pages()
    {
        await using var session = await browser.OpenAsync();
        // The demo's case references look like NS-2026-0142; NS-BJ-xxxxxx cannot collide with them.
        var caseReference = $"NS-BJ-{RandomNumberGenerator.GetInt32(100_000, 1_000_000)}";
        // Comfortably far ahead (about 13 weeks from the fake clock's 1 December 2026: Monday 1 March 2027), so the
        // request is not at risk; the Saturday before it is refused.
        var deadline = NextMonday(browser.Today.AddDays(90));
        var saturday = deadline.AddDays(-2);
        var folder = Directory.CreateTempSubdirectory("iswpanel-request-journey-");
        try
        {
            var letter = Path.Combine(folder.FullName, "Letter of instruction.pdf");
            await File.WriteAllBytesAsync(letter, PageClient.TinyPdf(), TestContext.Current.CancellationToken);

            var requestPath = await RequestAsync(session, caseReference, saturday, deadline, letter);
            await SignOutAsync(session);
            var chosen = await ShortlistAndOfferAsync(session, caseReference, requestPath);
            await SignOutAsync(session);

            // The second social worker opens their offer in their own browser before the first one answers.
            await using var rival = await browser.OpenAsync();
            var rivalOfferPath = await OpenOfferAsync(rival, chosen[1], caseReference, deadline, "the second social worker");

            await AcceptAsync(session, chosen[0], caseReference, requestPath, deadline);
            await SignOutAsync(session);
            await TooLateAsync(rival, rivalOfferPath);
            await SeeAssignmentAsync(session, chosen[0], caseReference, requestPath);
        }
        finally
        {
            folder.Delete(recursive: true);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"axe-core checked {checkedPages.Count} pages:{Environment.NewLine}{string.Join(Environment.NewLine, checkedPages)}");
        }
    }

    /// <summary>Step 1: the commissioner fills in the request form, is refused a Saturday deadline, corrects it and submits.</summary>
    private async Task<string> RequestAsync(BrowserPage session, string caseReference, DateOnly saturday, DateOnly deadline, string letter)
    {
        await session.GotoAsync("/");
        await AtAsync(session, "/", "Independent social work assessments for children's services");
        await session.PressButtonAsync(StartsWith("Sign in"));
        await AtAsync(session, "/account/sign-in", "Sign in to IswPanel");
        await SignInAsync(session, DemoUsers.Northshire);
        await AtAsync(session, "/requests", "Your authority's assessment requests", "the commissioner's requests");

        await session.PressButtonAsync("Request an assessment");
        await AtAsync(session, "/requests/new", "Request an assessment");
        await session.ChooseAsync("Type of assessment", TypeName);
        await session.Field("Case reference").FillAsync(caseReference);
        await session.Field("Child's initials").FillAsync(ChildInitials);
        var person = session.Group("Person 1");
        await person.GetByLabel("Role", new LocatorGetByLabelOptions { Exact = true }).FillAsync("Mother");
        await person.GetByLabel("Initials", new LocatorGetByLabelOptions { Exact = true }).FillAsync("P.T.");
        await session.ChooseAsync("Is the assessment for court?", "Yes, the court set a filing deadline");
        await session.Field("Court").FillAsync("Family Court at Manchester");
        await session.Field("Court case number").FillAsync("MA27C00311");
        await session.FillDateAsync("Filing deadline", saturday);
        await session.Field("Postcode district").FillAsync(District);
        await session.Field("Budget (optional)").FillAsync("60");
        await session.Field("Upload the letter of instruction").SetInputFilesAsync(letter);
        await session.PressButtonAsync("Submit request");

        // A Saturday is refused with a clear message, and every answer given is still there (the file must be chosen again).
        await AtAsync(session, "/requests/new", "Request an assessment", "the request form with the Saturday deadline refused");
        Assert.StartsWith("Error: ", await session.Page.TitleAsync(), StringComparison.Ordinal);
        var problems = ErrorSummary(session).GetByRole(AriaRole.Listitem);
        await Expect(problems.Filter(new LocatorFilterOptions { HasText = "must be a working day" })).ToHaveCountAsync(1);
        await Expect(problems.Filter(new LocatorFilterOptions { HasText = "Select the letter of instruction again" })).ToHaveCountAsync(1);
        await Expect(session.Group("Type of assessment").GetByLabel(TypeName, new LocatorGetByLabelOptions { Exact = true })).ToBeCheckedAsync();
        await Expect(session.Field("Case reference")).ToHaveValueAsync(caseReference);
        await Expect(session.Field("Child's initials")).ToHaveValueAsync(ChildInitials);
        await Expect(person.GetByLabel("Role", new LocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync("Mother");
        await Expect(person.GetByLabel("Initials", new LocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync("P.T.");
        await Expect(session.Group("Is the assessment for court?").GetByLabel("Yes, the court set a filing deadline")).ToBeCheckedAsync();
        await Expect(session.Field("Court")).ToHaveValueAsync("Family Court at Manchester");
        await Expect(session.Field("Court case number")).ToHaveValueAsync("MA27C00311");
        await Expect(session.Group("Filing deadline").GetByLabel("Day", new LocatorGetByLabelOptions { Exact = true }))
            .ToHaveValueAsync(saturday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(session.Field("Postcode district")).ToHaveValueAsync(District);
        await Expect(session.Field("Budget (optional)")).ToHaveValueAsync("60");
        await session.ScreenshotAsync("request-journey-saturday-refused");

        await session.FillDateAsync("Filing deadline", deadline);
        await session.Field("Upload the letter of instruction").SetInputFilesAsync(letter);
        await session.PressButtonAsync("Submit request");

        var requestPath = new Uri(session.Page.Url).AbsolutePath;
        Assert.Matches(RequestPath(), requestPath);
        await AtAsync(session, requestPath, $"{TypeName}: {caseReference}", "the submitted request");
        await AssertSuccessAsync(session, $"Request {caseReference} submitted. The panel team will find a social worker.");
        await Expect(StatusTag(session)).ToHaveTextAsync("Submitted");
        var milestones = session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "Milestones, planned back from the filing deadline in working days" });
        await Expect(milestones.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync([.. MilestoneNames, "Filing deadline"]);
        await Expect(session.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("at risk");
        await Expect(SummaryValue(session, "Child's initials")).ToHaveTextAsync(ChildInitials);
        await Expect(SummaryValue(session, "Letter of instruction")).ToContainTextAsync("Letter of instruction.pdf");
        await session.ScreenshotAsync("request-journey-submitted");
        return requestPath;
    }

    /// <summary>Step 2: the administrator finds the request, reads the shortlist and its reasons, and offers it to the best three.</summary>
    private async Task<IReadOnlyList<string>> ShortlistAndOfferAsync(BrowserPage session, string caseReference, string requestPath)
    {
        await SignInAgainAsync(session, DemoUsers.Admin);
        await AtAsync(session, "/admin", "Panel administration");

        await session.FollowLinkAsync("Requests", session.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" }));
        await AtAsync(session, "/requests", "All assessment requests");
        await session.Field("Show requests that are").SelectOptionAsync(new SelectOptionValue { Label = "Submitted" });
        await session.PressButtonAsync("Filter");
        await AtAsync(session, "/requests", "All assessment requests", "the requests filtered to submitted ones");
        await session.FollowLinkAsync(caseReference);
        await AtAsync(session, requestPath, $"{TypeName}: {caseReference}", "the request, for the administrator");

        await session.PressButtonAsync("Find a social worker");
        await AtAsync(session, $"{requestPath}/shortlist", $"Find a social worker for {caseReference}", "the shortlist");

        // Every eligible candidate comes with the reasons for their place, in plain words.
        var eligible = session.Page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { NameRegex = EligibleLegend() });
        var candidates = eligible.GetByRole(AriaRole.Checkbox);
        var count = await candidates.CountAsync();
        Assert.True(count >= 3, $"The shortlist should have at least three eligible candidates; it has {count}.");
        for (var i = 0; i < count; i++)
            await Expect(candidates.Nth(i)).ToHaveAccessibleDescriptionAsync(Reasons());

        // Every ineligible panel member is listed with why not.
        var excluded = session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "Panel members who cannot take this request, and why" });
        var rows = excluded.Locator("tbody").GetByRole(AriaRole.Row);
        Assert.True(await rows.CountAsync() > 0, "The shortlist should list the panel members who are not eligible.");
        foreach (var row in await rows.AllAsync())
            Assert.True(await row.GetByRole(AriaRole.Listitem).CountAsync() > 0, $"No reason given for {await row.InnerTextAsync()}.");
        await Expect(excluded.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = "James Allen" })).ToContainTextAsync("not active",
            new LocatorAssertionsToContainTextOptions { IgnoreCase = true });

        var chosen = new List<string>();
        foreach (var label in (await eligible.Locator("label.govuk-checkboxes__label").AllInnerTextsAsync()).Take(3))
            chosen.Add(label.Split(", score", 2)[0].Trim());
        for (var i = 0; i < 3; i++)
            await candidates.Nth(i).CheckAsync();
        await Expect(session.Field("Answer within")).ToHaveValueAsync("2");
        await session.ScreenshotAsync("request-journey-shortlist");
        await session.PressButtonAsync("Send offers");

        await AtAsync(session, requestPath, $"{TypeName}: {caseReference}", "the request after the offers were sent");
        await AssertSuccessAsync(session, "Offer sent to 3 social workers.");
        await Expect(StatusTag(session)).ToHaveTextAsync("Offered");
        var history = session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "What has happened to this request, newest first" });
        foreach (var name in chosen)
        {
            await Expect(history.GetByRole(AriaRole.Cell, new LocatorGetByRoleOptions { Name = $"Offered to {name}, to answer within 2 working days.", Exact = true }))
                .ToHaveCountAsync(1);
        }

        await session.ScreenshotAsync("request-journey-offered");
        return chosen;
    }

    /// <summary>A social worker signs in and opens their offer of the request, which shows no child details.</summary>
    private async Task<string> OpenOfferAsync(BrowserPage session, string name, string caseReference, DateOnly deadline, string who)
    {
        if (new Uri(session.Page.Url).AbsolutePath == "/account/signed-out")
        {
            await SignInAgainAsync(session, IswEmail(name));
        }
        else
        {
            await session.GotoAsync("/account/sign-in");
            await AtAsync(session, "/account/sign-in", "Sign in to IswPanel", $"the sign-in page, for {who}");
            await SignInAsync(session, IswEmail(name));
        }

        await AtAsync(session, "/my-work", "My work", $"{who}'s home page");
        await Expect(session.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = UnreadNotifications() }))
            .ToBeVisibleAsync();

        await session.FollowLinkAsync("Offers", session.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" }));
        await AtAsync(session, "/offers", "Offers", $"{who}'s offers");
        var waiting = session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "Offers waiting for your answer" });
        var row = waiting.GetByRole(AriaRole.Row)
            .Filter(new LocatorFilterOptions { HasText = $"{Authority} ({District})" })
            .Filter(new LocatorFilterOptions { HasText = deadline.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) });
        await Expect(row).ToHaveCountAsync(1);
        await session.FollowLinkAsync(TypeName, row);

        var offerPath = new Uri(session.Page.Url).AbsolutePath;
        Assert.Matches(OfferPath(), offerPath);
        await AtAsync(session, offerPath, $"{TypeName} for {Authority}", $"the offer, for {who}");
        // No child details until they accept.
        var main = session.Page.GetByRole(AriaRole.Main);
        await Expect(main).Not.ToContainTextAsync(ChildInitials);
        await Expect(main).Not.ToContainTextAsync(caseReference);
        await Expect(main).ToContainTextAsync("The family's details are shown once you accept.");
        return offerPath;
    }

    /// <summary>Step 3: the first social worker accepts and sees the request, now with the child's initials.</summary>
    private async Task AcceptAsync(BrowserPage session, string name, string caseReference, string requestPath, DateOnly deadline)
    {
        await OpenOfferAsync(session, name, caseReference, deadline, "the first social worker");
        await session.ScreenshotAsync("request-journey-offer");
        await session.PressButtonAsync("Accept this offer");

        await AtAsync(session, requestPath, $"{TypeName}: {caseReference}", "the request, for the social worker who accepted");
        await AssertSuccessAsync(session, "You have accepted the offer. The request is now assigned to you.");
        await Expect(StatusTag(session)).ToHaveTextAsync("Assigned");
        await Expect(SummaryValue(session, "Child's initials")).ToHaveTextAsync(ChildInitials);
        await Expect(SummaryValue(session, "Social worker")).ToHaveTextAsync(name);
        await session.ScreenshotAsync("request-journey-accepted");
    }

    /// <summary>Step 4: the second social worker, still on the offer page, accepts too late and is told why on the page.</summary>
    private async Task TooLateAsync(BrowserPage rival, string offerPath)
    {
        await rival.PressButtonAsync("Accept this offer");
        await AtAsync(rival, $"{offerPath}/accept", $"{TypeName} for {Authority}", "the offer accepted too late, for the second social worker");
        Assert.StartsWith("Error: ", await rival.Page.TitleAsync(), StringComparison.Ordinal);
        await Expect(ErrorSummary(rival).GetByRole(AriaRole.Listitem))
            .ToHaveTextAsync(["This request has already been assigned to another social worker."]);
        await Expect(rival.Page.GetByRole(AriaRole.Main).Locator("strong.govuk-tag")).ToHaveTextAsync("Withdrawn");
        await Expect(rival.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Accept this offer" })).ToHaveCountAsync(0);
        await rival.ScreenshotAsync("request-journey-too-late");

        // Their offers page no longer asks them to answer it.
        await rival.FollowLinkAsync("Back to offers");
        await AtAsync(rival, "/offers", "Offers", "the second social worker's offers after the assignment");
        await Expect(rival.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("You have no offers waiting.");
        // (The demo data may give them other offers of the same type and authority: look for this one's outcome.)
        await Expect(rival.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem)
                .Filter(new LocatorFilterOptions { HasText = $"{TypeName} for {Authority}: Withdrawn" }))
            .ToHaveCountAsync(1);
    }

    /// <summary>Step 5: the commissioner sees who was assigned, and is told in their notifications.</summary>
    private async Task SeeAssignmentAsync(BrowserPage session, string name, string caseReference, string requestPath)
    {
        await SignInAgainAsync(session, DemoUsers.Northshire);
        await AtAsync(session, "/requests", "Your authority's assessment requests", "the commissioner's requests after the assignment");
        var row = session.Page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = caseReference });
        await Expect(row).ToContainTextAsync(name);

        await session.FollowLinkAsync(caseReference, row);
        await AtAsync(session, requestPath, $"{TypeName}: {caseReference}", "the assigned request, for the commissioner");
        await Expect(StatusTag(session)).ToHaveTextAsync("Assigned");
        await Expect(SummaryValue(session, "Social worker")).ToHaveTextAsync(name);
        await session.ScreenshotAsync("request-journey-assigned");

        var inbox = session.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = UnreadNotifications() });
        await session.NavigatesAsync(() => inbox.ClickAsync());
        await AtAsync(session, "/notifications", "Notifications", "the commissioner's notifications");
        await Expect(session.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button,
                new LocatorGetByRoleOptions { Name = $"{name} has been assigned to {TypeName} {caseReference}.", Exact = true }))
            .ToHaveCountAsync(1);
        await session.ScreenshotAsync("request-journey-notifications");
    }

    private async Task SignOutAsync(BrowserPage session)
    {
        await session.PressButtonAsync("Sign out");
        await AtAsync(session, "/account/signed-out", "You have signed out");
    }

    /// <summary>From the signed-out page, as a person signs in again.</summary>
    private async Task SignInAgainAsync(BrowserPage session, string email)
    {
        await session.FollowLinkAsync("Sign in again");
        await AtAsync(session, "/account/sign-in", "Sign in to IswPanel");
        await SignInAsync(session, email);
    }

    private static async Task SignInAsync(BrowserPage session, string email)
    {
        await session.Field("Email address").FillAsync(email);
        await session.Field("Password").FillAsync(DemoUsers.Password);
        await session.PressButtonAsync("Sign in");
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

    private static string IswEmail(string name) =>
        DemoIswNumbers.TryGetValue(name, out var number)
            ? DemoUsers.Isw(number)
            : throw new InvalidOperationException($"{name} is not one of the demo social workers.");

    private static DateOnly NextMonday(DateOnly from)
    {
        while (from.DayOfWeek != DayOfWeek.Monday) from = from.AddDays(1);
        return from;
    }

    private static async Task AssertSuccessAsync(BrowserPage session, string message) =>
        await Expect(session.Page.GetByRole(AriaRole.Alert, new PageGetByRoleOptions { Name = "Success", Exact = true }))
            .ToContainTextAsync(message);

    private static ILocator ErrorSummary(BrowserPage session) =>
        session.Page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "There is a problem" });

    /// <summary>The value of the summary list row whose key is <paramref name="key"/> (summary list rows have no accessible name).</summary>
    private static ILocator SummaryValue(BrowserPage session, string key) =>
        session.Page.Locator(".govuk-summary-list__row")
            .Filter(new LocatorFilterOptions { Has = session.Page.GetByText(key, new PageGetByTextOptions { Exact = true }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>The request's status tag under its heading: the page's first tag (tags have no accessible name).</summary>
    private static ILocator StatusTag(BrowserPage session) => session.Page.GetByRole(AriaRole.Main).Locator("strong.govuk-tag").First;

    private static Regex StartsWith(string text) => new("^" + Regex.Escape(text));

    [GeneratedRegex(@"eligible, best first$")]
    private static partial Regex EligibleLegend();

    /// <summary>A candidate's reasons: some words (the hint under their name).</summary>
    [GeneratedRegex(@"\w+ \w+")]
    private static partial Regex Reasons();

    /// <summary>The header's inbox link with its unread badge, e.g. "Notifications 2 unread".</summary>
    [GeneratedRegex(@"^Notifications\s*\d+\s*unread$")]
    private static partial Regex UnreadNotifications();

    [GeneratedRegex("^/requests/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex RequestPath();

    [GeneratedRegex("^/offers/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex OfferPath();
}
