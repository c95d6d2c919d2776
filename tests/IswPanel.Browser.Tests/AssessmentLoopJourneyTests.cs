using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IswPanel.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IswPanel.Browser.Tests;

/// <summary>
/// Issue 7's loop in a real browser, done as people do it, on the demo data's assigned request NS-2026-0161:
/// the social worker (Amara Okonkwo) logs two sessions and uploads the report; a QA reviewer scores the rubric and
/// returns it with what must change (after first being told to choose a decision); the social worker reads the
/// comments and uploads version 2; the reviewer approves it and it is released; the commissioner reads the QA
/// summary, downloads the report and rates it, which closes the request. Every page on the way is checked with
/// axe-core and must load cleanly (styles applied, no script errors).
/// </summary>
public sealed partial class AssessmentLoopJourneyTests(BrowserApp browser)
{
    private const string CaseReference = "NS-2026-0161";
    private const string TypeName = "Viability (connected person / kinship)";
    private const string Authority = "Northshire County Council";
    private const string ReturnComments = "Section 4 needs the grandmother's own account of the support she can give, and a clear recommendation.";
    private const string CriterionComment = "The evidence for the recommendation is thin.";
    private const string ApprovalSummary = "Clear, balanced and well evidenced.";
    private const string FeedbackComment = "A thorough assessment, delivered on time.";

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private readonly List<string> checkedPages = [];

    [Fact]
    public async Task A_social_worker_reports_QA_returns_then_releases_it_and_the_commissioner_downloads_and_rates_it_on_accessible_pages()
    {
        await using var session = await browser.OpenAsync();
        var today = browser.Today;
        var folder = Directory.CreateTempSubdirectory("iswpanel-loop-journey-");
        try
        {
            var version1 = Path.Combine(folder.FullName, "ns-2026-0161-report-v1.pdf");
            var version2 = Path.Combine(folder.FullName, "ns-2026-0161-report-v2.pdf");
            await File.WriteAllBytesAsync(version1, PageClient.TinyPdf(), TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(version2, PageClient.TinyPdf(), TestContext.Current.CancellationToken);

            var casePath = await LogWorkAsync(session, today);
            await UploadFirstVersionAsync(session, casePath, version1);
            await SignOutAsync(session);

            await ReturnAsync(session);
            await SignOutAsync(session);

            await UploadSecondVersionAsync(session, casePath, version2);
            await SignOutAsync(session);

            await ApproveAsync(session);
            await SignOutAsync(session);

            await DownloadAndRateAsync(session, casePath, today);
        }
        finally
        {
            folder.Delete(recursive: true);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"axe-core checked {checkedPages.Count} pages:{Environment.NewLine}{string.Join(Environment.NewLine, checkedPages)}");
        }
    }

    /// <summary>Step 1: the social worker opens the case from My work and logs two sessions ("Save and add another", then "Save").</summary>
    private async Task<string> LogWorkAsync(BrowserPage session, DateOnly today)
    {
        await session.GotoAsync("/account/sign-in");
        await AtAsync(session, "/account/sign-in", "Sign in to IswPanel", "the sign-in page, for the social worker");
        await SignInAsync(session, DemoUsers.Isw(1));
        var casePath = await OpenCaseAsync(session, "the social worker's home page");
        await AtAsync(session, casePath, $"{TypeName}: {CaseReference}", "the case page");
        await Expect(StatusTag(session)).ToHaveTextAsync("Assigned");
        await Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("You have not uploaded a version of the report yet.");
        await Expect(LogTable(session)).ToHaveCountAsync(0);

        await session.PressButtonAsync("Add to your log");
        await AtAsync(session, $"{casePath}/log", "Log work", "the log page");
        await session.FillDateAsync("Date", today);
        await session.ChooseAsync("Kind of work", "Home visit");
        await Duration(session, "How long it took", "Hours").FillAsync("2");
        await Duration(session, "How long it took", "Minutes").FillAsync("30");
        await session.Field("Who was seen (optional)").FillAsync("Maternal grandmother, child");
        await Duration(session, "Travel time (optional)", "Hours").FillAsync("0");
        await Duration(session, "Travel time (optional)", "Minutes").FillAsync("45");
        await session.Field("Mileage (optional)").FillAsync("18.5");
        await session.Field("Notes (optional)").FillAsync("First visit to the grandmother's home.");
        await session.PressButtonAsync("Save and add another");

        // The form again, ready for the next session on the same day and of the same kind.
        await AtAsync(session, $"{casePath}/log", "Log work", "the log page after \"Save and add another\"");
        await AssertSuccessAsync(session, $"Home visit on {today.ToString("d MMMM yyyy", English)}");
        await AssertSuccessAsync(session, "added to your log.");
        var date = session.Group("Date");
        await Expect(date.GetByLabel("Day", new LocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync(today.Day.ToString(English));
        await Expect(date.GetByLabel("Month", new LocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync(today.Month.ToString(English));
        await Expect(date.GetByLabel("Year", new LocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync(today.Year.ToString(English));
        await Expect(session.Group("Kind of work").GetByLabel("Home visit", new LocatorGetByLabelOptions { Exact = true })).ToBeCheckedAsync();
        await Expect(Duration(session, "How long it took", "Hours")).ToHaveValueAsync("");
        await Expect(LogTable(session).Locator("tbody").GetByRole(AriaRole.Row)).ToHaveCountAsync(1);

        await session.ChooseAsync("Kind of work", "Interview");
        await Duration(session, "How long it took", "Hours").FillAsync("1");
        await Duration(session, "How long it took", "Minutes").FillAsync("30");
        await session.Field("Who was seen (optional)").FillAsync("Grandmother");
        await session.PressButtonAsync("Save");

        await AtAsync(session, casePath, $"{TypeName}: {CaseReference}", "the case page with two sessions logged");
        await AssertSuccessAsync(session, $"Interview on {today.ToString("d MMMM yyyy", English)}, 1 hour 30 minutes added to your log.");
        // Logging the first work started the assessment.
        await Expect(StatusTag(session)).ToHaveTextAsync("In progress");
        var rows = LogTable(session).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Home visit");
        await Expect(rows.Nth(0)).ToContainTextAsync("2 hours 30 minutes");
        await Expect(rows.Nth(1)).ToContainTextAsync("Interview");
        // The running total counts both sessions and the travel: 2h30 + 45m + 1h30.
        await Expect(rows.Nth(1).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("4 hours 45 minutes");
        await session.ScreenshotAsync("loop-journey-logged");
        return casePath;
    }

    /// <summary>Step 2: "Send to QA" without a file is refused on the page; with the PDF, version 1 goes to QA.</summary>
    private async Task UploadFirstVersionAsync(BrowserPage session, string casePath, string file)
    {
        await Expect(session.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Upload your report", Exact = true })).ToBeVisibleAsync();
        await session.PressButtonAsync("Send to QA");
        await AtAsync(session, $"{casePath}/report-versions", $"{TypeName}: {CaseReference}", "the report upload with an error (no file chosen)");
        Assert.StartsWith("Error: ", await session.Page.TitleAsync(), StringComparison.Ordinal);
        await Expect(ErrorSummary(session).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(StatusTag(session)).ToHaveTextAsync("In progress");

        await session.Field("The report").SetInputFilesAsync(file);
        await session.Field("Note to the reviewer (optional)").FillAsync("First full draft.");
        await session.PressButtonAsync("Send to QA");

        await AtAsync(session, casePath, $"{TypeName}: {CaseReference}", "the case page with version 1 in QA");
        await AssertSuccessAsync(session, "Version 1 of your report has been sent to QA.");
        await Expect(StatusTag(session)).ToHaveTextAsync("In QA");
        var card = VersionCard(session, 1);
        await Expect(card.Locator("strong.govuk-tag")).ToHaveTextAsync("In QA");
        await Expect(card).ToContainTextAsync("ns-2026-0161-report-v1.pdf");
        await Expect(card).ToContainTextAsync("First full draft.");
        // Nothing more can be sent while a version is in QA.
        await Expect(session.Field("The report")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("loop-journey-version-1");
    }

    /// <summary>Step 3: the QA reviewer is told to decide, then scores every criterion and returns the report with what must change.</summary>
    private async Task ReturnAsync(BrowserPage session)
    {
        var reviewPath = await OpenReviewAsync(session, 1, "version 1");

        // Nothing chosen: the page says what to do.
        await session.PressButtonAsync("Record the decision");
        await AtAsync(session, reviewPath, $"{TypeName} {CaseReference}: version 1", "the review of version 1 with an error (nothing chosen)");
        Assert.StartsWith("Error: ", await session.Page.TitleAsync(), StringComparison.Ordinal);
        await Expect(ErrorSummary(session)).ToContainTextAsync("Select whether to approve the report or return it.");

        var criteria = await ScoreEveryCriterionAsync(session, "3");
        await session.Field($"Comment on {criteria[0].ToLowerInvariant()} (optional)").FillAsync(CriterionComment);
        await session.ChooseAsync("Decision", "Return to the social worker");
        await session.Field("What must change, or your summary").FillAsync(ReturnComments);
        await session.ScreenshotAsync("loop-journey-return");
        await session.PressButtonAsync("Record the decision");

        await AtAsync(session, "/qa", "Reports waiting for quality assurance", "the QA queue after the return");
        await AssertSuccessAsync(session, "The report has been returned to the social worker with your comments.");
        await Expect(QueueRow(session)).ToHaveCountAsync(0);
    }

    /// <summary>Step 4: the social worker reads QA's comments on the case page and uploads version 2.</summary>
    private async Task UploadSecondVersionAsync(BrowserPage session, string casePath, string file)
    {
        await SignInAgainAsync(session, DemoUsers.Isw(1));
        var opened = await OpenCaseAsync(session, "the social worker's home page after the return");
        Assert.Equal(casePath, opened);
        await AtAsync(session, casePath, $"{TypeName}: {CaseReference}", "the case page with version 1 returned");
        await Expect(StatusTag(session)).ToHaveTextAsync("In progress");

        var card = VersionCard(session, 1);
        await Expect(card.Locator("strong.govuk-tag")).ToHaveTextAsync("Returned");
        await Expect(card.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { NameRegex = StartsWith("Returned by QA on ") })).ToHaveCountAsync(1);
        await Expect(card.Locator(".govuk-inset-text")).ToHaveTextAsync(ReturnComments);
        await Expect(card.GetByRole(AriaRole.Definition).Filter(new LocatorFilterOptions { HasText = CriterionComment })).ToHaveCountAsync(1);

        await Expect(session.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Upload version 2", Exact = true })).ToBeVisibleAsync();
        await session.Field("The report").SetInputFilesAsync(file);
        await session.Field("Note to the reviewer (optional)").FillAsync("Section 4 rewritten with the grandmother's account; recommendation added.");
        await session.PressButtonAsync("Send to QA");

        await AtAsync(session, casePath, $"{TypeName}: {CaseReference}", "the case page with version 2 in QA");
        await AssertSuccessAsync(session, "Version 2 of your report has been sent to QA.");
        await Expect(StatusTag(session)).ToHaveTextAsync("In QA");
        await Expect(VersionCard(session, 2).Locator("strong.govuk-tag")).ToHaveTextAsync("In QA");
        await session.ScreenshotAsync("loop-journey-version-2");
    }

    /// <summary>Step 5: the QA reviewer sees the earlier review, scores version 2 and approves it; it is released.</summary>
    private async Task ApproveAsync(BrowserPage session)
    {
        await OpenReviewAsync(session, 2, "version 2");
        await Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(ReturnComments);

        await ScoreEveryCriterionAsync(session, "4");
        await session.ChooseAsync("Decision", "Approve");
        await session.Field("What must change, or your summary").FillAsync(ApprovalSummary);
        await session.PressButtonAsync("Record the decision");

        await AtAsync(session, "/qa", "Reports waiting for quality assurance", "the QA queue after the approval");
        await AssertSuccessAsync(session, "The report has been approved and released to the authority.");
        await Expect(QueueRow(session)).ToHaveCountAsync(0);
    }

    /// <summary>Step 6: the commissioner reads the QA summary, downloads the report and gives feedback, which closes the request.</summary>
    private async Task DownloadAndRateAsync(BrowserPage session, string casePath, DateOnly today)
    {
        await SignInAgainAsync(session, DemoUsers.Northshire);
        await AtAsync(session, "/requests", "Your authority's assessment requests", "the commissioner's requests after the release");
        var row = session.Page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = CaseReference });
        await session.FollowLinkAsync(CaseReference, row);

        var requestPath = "/requests/" + casePath["/work/".Length..];
        await AtAsync(session, requestPath, $"{TypeName}: {CaseReference}", "the released request, before feedback");
        await Expect(StatusTag(session)).ToHaveTextAsync("Delivered");
        var delivery = session.Page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Quality assurance and delivery", Exact = true });
        await Expect(SummaryValue(delivery, "Approved and released")).ToHaveTextAsync(today.ToString("d MMMM yyyy", English));
        await Expect(SummaryValue(delivery, "Against the deadline")).ToHaveTextAsync("On time");
        await Expect(SummaryValue(delivery, "Versions reviewed")).ToHaveTextAsync("2");
        await Expect(SummaryValue(delivery, "QA mean score")).ToHaveTextAsync(OutOfFour());
        await session.ScreenshotAsync("loop-journey-released");

        var link = session.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the report", Exact = true });
        var download = await session.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("ns-2026-0161-report-v2.pdf", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        var content = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(content, 0, Math.Min(5, content.Length)), StringComparison.Ordinal);
        Assert.Equal(requestPath, new Uri(session.Page.Url).AbsolutePath);

        await session.ChooseAsync("Quality of the report", "4");
        await session.ChooseAsync("Timeliness", "5");
        await session.ChooseAsync("Communication", "4");
        await session.Field("Comment (optional)").FillAsync(FeedbackComment);
        await session.PressButtonAsync("Send feedback and close the request");

        await AtAsync(session, requestPath, $"{TypeName}: {CaseReference}", "the closed request, after feedback");
        await AssertSuccessAsync(session, "Thank you for your feedback. The request is now closed.");
        await Expect(StatusTag(session)).ToHaveTextAsync("Closed");
        await Expect(delivery).ToContainTextAsync($"Quality 4, timeliness 5, communication 4 (out of 5), given on {today.ToString("d MMMM yyyy", English)}. “{FeedbackComment}”");
        await Expect(session.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send feedback and close the request" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("loop-journey-closed");
    }

    /// <summary>From My work (where the social worker lands) to the case page of the request; returns its path.</summary>
    private async Task<string> OpenCaseAsync(BrowserPage session, string pageName)
    {
        await AtAsync(session, "/my-work", "My work", pageName);
        var table = session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "Your assessments", Exact = true });
        var row = table.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = CaseReference });
        await Expect(row).ToContainTextAsync(Authority);
        await session.FollowLinkAsync(CaseReference, row);
        var casePath = new Uri(session.Page.Url).AbsolutePath;
        Assert.Matches(WorkPath(), casePath);
        return casePath;
    }

    /// <summary>The QA reviewer signs in (landing on the queue) and opens the version waiting for review; returns the review page's path.</summary>
    private async Task<string> OpenReviewAsync(BrowserPage session, int number, string what)
    {
        await SignInAgainAsync(session, DemoUsers.Qa);
        await AtAsync(session, "/qa", "Reports waiting for quality assurance", $"the QA queue with {what}");
        var row = QueueRow(session);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync($"Version {number}");
        await Expect(row).ToContainTextAsync("Amara Okonkwo");
        await session.FollowLinkAsync($"{TypeName} {CaseReference}", row);

        var reviewPath = new Uri(session.Page.Url).AbsolutePath;
        Assert.Matches(ReviewPath(), reviewPath);
        await AtAsync(session, reviewPath, $"{TypeName} {CaseReference}: version {number}", $"the review of {what}");
        return reviewPath;
    }

    /// <summary>Gives every rubric criterion on the review form the same score; returns the criteria's names.</summary>
    private static async Task<IReadOnlyList<string>> ScoreEveryCriterionAsync(BrowserPage session, string score)
    {
        var legends = await session.Page.GetByRole(AriaRole.Main).Locator("form fieldset > legend").AllInnerTextsAsync();
        var criteria = legends.Select(l => l.Trim()).Where(l => l != "Decision").ToList();
        Assert.True(criteria.Count >= 3, $"The rubric should have several criteria; the form shows {criteria.Count}.");
        foreach (var criterion in criteria)
            await session.ChooseAsync(criterion, score);
        return criteria;
    }

    private async Task SignOutAsync(BrowserPage session)
    {
        await session.PressButtonAsync("Sign out");
        await AtAsync(session, "/account/signed-out", "You have signed out");
    }

    /// <summary>From the signed-out page, as a person signs in again.</summary>
    private static async Task SignInAgainAsync(BrowserPage session, string email)
    {
        await session.FollowLinkAsync("Sign in again");
        Assert.Equal("/account/sign-in", new Uri(session.Page.Url).AbsolutePath);
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

    /// <summary>The hours or minutes box of one of the log form's durations (both durations have boxes labelled "Hours" and "Minutes").</summary>
    private static ILocator Duration(BrowserPage session, string legend, string label) =>
        session.Group(legend).GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });

    private static ILocator LogTable(BrowserPage session) =>
        session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "Your log, oldest first, with the running total of hours that count", Exact = true });

    /// <summary>The summary card of one report version on the case page.</summary>
    private static ILocator VersionCard(BrowserPage session, int number) =>
        session.Page.Locator(".govuk-summary-card").Filter(new LocatorFilterOptions
        {
            Has = session.Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = $"Version {number}", Exact = true }),
        });

    /// <summary>The QA queue's row for this request, if it is waiting.</summary>
    private static ILocator QueueRow(BrowserPage session) =>
        session.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions { HasText = CaseReference });

    private static async Task AssertSuccessAsync(BrowserPage session, string message) =>
        await Expect(session.Page.GetByRole(AriaRole.Alert, new PageGetByRoleOptions { Name = "Success", Exact = true }))
            .ToContainTextAsync(message);

    private static ILocator ErrorSummary(BrowserPage session) =>
        session.Page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "There is a problem" });

    /// <summary>The value of the summary list row whose key is <paramref name="key"/> (summary list rows have no accessible name).</summary>
    private static ILocator SummaryValue(ILocator within, string key) =>
        within.Locator(".govuk-summary-list__row")
            .Filter(new LocatorFilterOptions { Has = within.Page.GetByText(key, new PageGetByTextOptions { Exact = true }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>The request's status tag under its heading: the page's first tag (tags have no accessible name).</summary>
    private static ILocator StatusTag(BrowserPage session) => session.Page.GetByRole(AriaRole.Main).Locator("strong.govuk-tag").First;

    private static Regex StartsWith(string text) => new("^" + Regex.Escape(text));

    [GeneratedRegex(@"^[1-4]\.\d out of 4$")]
    private static partial Regex OutOfFour();

    [GeneratedRegex("^/work/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex WorkPath();

    [GeneratedRegex("^/qa/versions/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex ReviewPath();
}
