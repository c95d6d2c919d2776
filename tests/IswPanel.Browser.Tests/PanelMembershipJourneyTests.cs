using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace IswPanel.Browser.Tests;

/// <summary>
/// Issue 3's journey in a real browser, done as a person does it: a new social worker applies, confirms their
/// email from the link IswPanel sent, answers every question, uploads their evidence and names referees; an
/// administrator vets them check by check (approval is refused while references are missing) and approves them;
/// the new member sees that they are active. Every page on the way is checked with axe-core and must load
/// cleanly (styles applied, no script errors).
/// </summary>
public sealed partial class PanelMembershipJourneyTests(BrowserApp browser)
{
    private const string ApplicantName = "Imogen Castellanos";
    private const string ApplicantPassword = "a long and memorable applicant password";
    private const string EmployerReferee = "Priya Ramanathan";
    private const string OtherReferee = "Tomasz Wieczorek";

    private readonly List<string> checkedPages = [];

    [Fact]
    public async Task A_new_applicant_applies_and_an_administrator_vets_and_approves_them_on_accessible_pages()
    {
        await using var session = await browser.OpenAsync();
        var today = browser.Today;
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        // The demo members' numbers have six digits, so SW7xxxxxx cannot collide with them.
        var sweNumber = $"SW{RandomNumberGenerator.GetInt32(7_000_000, 8_000_000)}";
        var evidence = Directory.CreateTempSubdirectory("iswpanel-journey-");
        try
        {
            await ApplyAsync(session, email, sweNumber, today);
            await ProvideEvidenceAsync(session, evidence.FullName, today);
            await SignOutAsync(session);
            await VetAndApproveAsync(session);
            await SignOutAsync(session);
            await SeeMembershipAsync(session, email);
        }
        finally
        {
            evidence.Delete(recursive: true);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"axe-core checked {checkedPages.Count} pages:{Environment.NewLine}{string.Join(Environment.NewLine, checkedPages)}");
        }
    }

    /// <summary>Step 1: from the landing page to the confirmation panel.</summary>
    private async Task ApplyAsync(BrowserPage session, string email, string sweNumber, DateOnly today)
    {
        await session.GotoAsync("/");
        await AtAsync(session, "/", "Independent social work assessments for children's services");

        await session.FollowLinkAsync("Apply to join the panel");
        await AtAsync(session, "/apply", "Apply to join the panel");

        await session.PressButtonAsync("Start now");
        await AtAsync(session, "/apply/create-account", "Create an account");
        await session.Field("Full name").FillAsync(ApplicantName);
        await session.Field("Email address").FillAsync(email);
        await session.Field("Create a password").FillAsync(ApplicantPassword);
        await session.Field("Confirm password").FillAsync(ApplicantPassword);
        await session.PressButtonAsync("Create account");
        await AtAsync(session, "/apply/check-your-email", "Check your email");
        await Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync($"We have sent an email to {email}.");

        // The applicant opens the link in the email IswPanel sent them.
        await session.GotoAsync(ConfirmationLink(email));
        await AtAsync(session, "/apply/contact", "Your contact details");
        await Expect(session.Field("Full name")).ToHaveValueAsync(ApplicantName);
        await session.Field("Phone number").FillAsync("07700 900 982");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/registration", "Registration and qualification");
        await session.Field("Social Work England number").FillAsync(sweNumber);
        await session.FillDateAsync("When did you qualify as a social worker?", today.AddYears(-10));
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/background", "Where have you worked as a social worker?");
        await session.ChooseAsync("Where have you worked as a social worker?", "Both");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/employment", "Your employment history");
        await session.PressButtonAsync("Add a job");
        await AtAsync(session, "/apply/employment/add", "Add a job");
        await session.Field("Employer").SelectOptionAsync(new SelectOptionValue { Label = "Another employer" });
        await session.Field("Name of the employer, if it is not in the list").FillAsync("Eastvale Borough Council");
        await session.Field("Job title").FillAsync("Senior practitioner, children in care team");
        await session.ChooseAsync("Type of employment", "Permanent");
        await session.FillDateAsync("Start date", today.AddYears(-6));
        await session.Field("I still work here").CheckAsync();
        await session.PressButtonAsync("Add job");
        await AtAsync(session, "/apply/employment", "Your employment history", "the employment history with a job");
        await Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Eastvale Borough Council");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/skills", "Assessments and special skills");
        const string assessments = "Which assessments are you competent to carry out?";
        await session.ChooseAsync(assessments, "Viability (connected person / kinship)");
        await session.ChooseAsync(assessments, "Parenting assessment");
        await session.ChooseAsync("Do you have any of these special skills?", "Court expert witness");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/area", "Where you can work");
        await session.ChooseAsync("Which regions of England can you work in?", "London");
        await session.ChooseAsync("Which regions of England can you work in?", "South East");
        await session.Field("Your home postcode district").FillAsync("SE1");
        await session.Field("How far can you travel for work?").FillAsync("25");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/languages", "Which languages can you carry out assessments in?");
        await session.Field("Which languages can you carry out assessments in?").FillAsync("English, Spanish");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/capacity", "Capacity and hourly rate");
        await session.Field("How many assessments can you take on at the same time?").FillAsync("3");
        await session.Field("Your hourly rate").FillAsync("52.50");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/unavailability", "Dates you are not available");
        await session.PressButtonAsync("Save and continue");

        await AtAsync(session, "/apply/check-answers", "Check your answers before you submit your application");
        // Post-qualifying experience is worked out from the qualification date, never typed.
        await Expect(SummaryValue(session, "Post-qualifying experience")).ToHaveTextAsync("10 years");
        await Expect(SummaryValue(session, "Social Work England number")).ToHaveTextAsync(sweNumber);
        await session.ScreenshotAsync("journey-check-answers");
        await session.Page.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "I confirm the information I have given is true and complete" })
            .CheckAsync();
        await session.PressButtonAsync("Submit application");

        await AtAsync(session, "/apply/submitted", "Application submitted");
    }

    /// <summary>Step 2: DBS, insurance, right to work and qualification uploaded; two referees named.</summary>
    private async Task ProvideEvidenceAsync(BrowserPage session, string folder, DateOnly today)
    {
        await session.FollowLinkAsync("Upload your evidence and name your referees");
        await AtAsync(session, "/my-evidence", "Your evidence and checks");

        await session.FollowLinkAsync("Add enhanced dbs check");
        await AtAsync(session, "/my-evidence/dbs", "Your enhanced DBS certificate");
        await session.Field("Certificate number").FillAsync("001234567890");
        await session.FillDateAsync("Date of issue", today.AddMonths(-3));
        await session.ChooseAsync("Is the certificate on the DBS Update Service?", "No");
        await session.Field("Upload a copy of the certificate").SetInputFilesAsync(Pdf(folder, "dbs-certificate.pdf"));
        await session.PressButtonAsync("Save and continue");
        await AtAsync(session, "/my-evidence", "Your evidence and checks", "the evidence page after the DBS certificate");
        await AssertSuccessAsync(session, "Enhanced DBS check saved. The panel team will verify it.");

        await session.FollowLinkAsync("Add professional indemnity insurance");
        await AtAsync(session, "/my-evidence/insurance", "Your professional indemnity insurance");
        await session.Field("Policy number (optional)").FillAsync("PI-4471203");
        await session.FillDateAsync("When does the policy end?", today.AddMonths(11));
        await session.Field("Upload the policy schedule or certificate").SetInputFilesAsync(Pdf(folder, "insurance-schedule.pdf"));
        await session.PressButtonAsync("Save and continue");
        await AtAsync(session, "/my-evidence", "Your evidence and checks", "the evidence page after the insurance");
        await AssertSuccessAsync(session, "Professional indemnity insurance saved. The panel team will verify it.");

        await session.FollowLinkAsync("Add right to work");
        await AtAsync(session, "/my-evidence/right-to-work", "Your right to work in the UK");
        await session.ChooseAsync("Which document shows your right to work?", "UK passport");
        await session.Field("Upload a copy of the document").SetInputFilesAsync(Pdf(folder, "passport.pdf"));
        await session.PressButtonAsync("Save and continue");
        await AtAsync(session, "/my-evidence", "Your evidence and checks", "the evidence page after the right to work");
        await AssertSuccessAsync(session, "Right to work saved. The panel team will verify it.");

        await session.FollowLinkAsync("Add social work qualification");
        await AtAsync(session, "/my-evidence/qualification", "Your social work qualification");
        await session.Field("Name of the qualification (optional)").FillAsync("BA (Hons) Social Work");
        await session.Field("Upload your certificate").SetInputFilesAsync(Pdf(folder, "qualification.pdf"));
        await session.PressButtonAsync("Save and continue");
        await AtAsync(session, "/my-evidence", "Your evidence and checks", "the evidence page after the qualification");
        await AssertSuccessAsync(session, "Social work qualification saved. The panel team will verify it.");

        await session.FollowLinkAsync("Name your referees");
        await AtAsync(session, "/my-evidence/referees", "Your referees");
        await NameRefereeAsync(session, EmployerReferee, "Eastvale Borough Council", "My team manager", fromSocialWorkEmployer: true, endedOn: null);
        await AtAsync(session, "/my-evidence/referees", "Your referees", "the referees page with one referee");
        await AssertSuccessAsync(session, $"{EmployerReferee} has been added as a referee.");
        await NameRefereeAsync(session, OtherReferee, "University of Eastvale", "My practice educator", fromSocialWorkEmployer: false,
            endedOn: today.AddYears(-3));
        await AtAsync(session, "/my-evidence/referees", "Your referees", "the referees page with two referees");
        await AssertSuccessAsync(session, $"{OtherReferee} has been added as a referee.");

        await session.FollowLinkAsync("Back to your evidence and checks");
        await AtAsync(session, "/my-evidence", "Your evidence and checks", "the evidence page with everything provided");
        var main = session.Page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync($"{EmployerReferee}, Eastvale Borough Council: waiting for their reference");
        await Expect(main).ToContainTextAsync($"{OtherReferee}, University of Eastvale: waiting for their reference");
    }

    private static async Task NameRefereeAsync(BrowserPage session, string name, string organisation, string relationship,
        bool fromSocialWorkEmployer, DateOnly? endedOn)
    {
        await session.Field("Full name").FillAsync(name);
        await session.Field("Email address").FillAsync($"{name.Split(' ')[0].ToLowerInvariant()}@example.org");
        await session.Field("Organisation").FillAsync(organisation);
        await session.Field("How do they know you?").FillAsync(relationship);
        await session.ChooseAsync("Did this organisation employ you as a social worker?", fromSocialWorkEmployer ? "Yes" : "No");
        if (endedOn is { } ended) await session.FillDateAsync("If they employed you as a social worker: when did you stop working there?", ended);
        else await session.Field("I still work there").CheckAsync();
        await session.PressButtonAsync("Save referee");
    }

    /// <summary>Steps 3 and 4: the administrator finds the applicant, records every check, is refused approval while the references are missing, then approves.</summary>
    private async Task VetAndApproveAsync(BrowserPage session)
    {
        await SignInAsync(session, DemoUsers.Admin, DemoUsers.Password);
        await AtAsync(session, "/admin", "Panel administration");

        await session.FollowLinkAsync("Panel", session.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" }));
        await AtAsync(session, "/admin/panel", "Panel members");
        await session.Field("Name or SWE number").FillAsync(ApplicantName);
        await session.Field("Status").SelectOptionAsync(new SelectOptionValue { Label = "Under review" });
        await session.PressButtonAsync("Apply filters");
        await AtAsync(session, "/admin/panel", "Panel members", "the panel list filtered to the applicant");
        await Expect(session.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("1 member");

        await session.FollowLinkAsync(ApplicantName);
        var vettingPath = new Uri(session.Page.Url).AbsolutePath;
        Assert.Matches(MemberPath(), vettingPath);
        await AtAsync(session, vettingPath, ApplicantName, "the vetting page");
        await Expect(StatusTag(session)).ToHaveTextAsync("Under review");

        (string Button, string Banner)[] checks =
        [
            ("Verified on the register: Social Work England registration", "Social Work England registration verified."),
            ("Mark verified: Enhanced DBS", "Enhanced DBS check verified."),
            ("Mark verified: Indemnity insurance", "Professional indemnity insurance verified."),
            ("Mark verified: Right to work", "Right to work verified."),
            ("Record identity checked", "Identity check recorded."),
            ("Record interview held", "Interview recorded."),
        ];
        foreach (var (button, banner) in checks)
        {
            await session.PressButtonAsync(ButtonName(button));
            await AtAsync(session, vettingPath, ApplicantName, $"the vetting page after \"{button}\"");
            await AssertSuccessAsync(session, banner);
        }

        // Step 4: every check passes except the references, so approval is refused with that one reason.
        await session.PressButtonAsync("Approve");
        await AtAsync(session, $"{vettingPath}/approve", ApplicantName, "the vetting page with approval refused");
        Assert.StartsWith("Error: ", await session.Page.TitleAsync(), StringComparison.Ordinal);
        var reasons = session.Page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "There is a problem" }).GetByRole(AriaRole.Listitem);
        await Expect(reasons).ToHaveTextAsync(["No references received; two are needed, at least one from a recent social-work employer."]);
        await Expect(StatusTag(session)).ToHaveTextAsync("Under review");
        await session.ScreenshotAsync("journey-approval-refused");

        foreach (var referee in new[] { EmployerReferee, OtherReferee })
        {
            await session.PressButtonAsync($"Mark received from {referee}");
            await AtAsync(session, vettingPath, ApplicantName, $"the vetting page after the reference from {referee}");
            await AssertSuccessAsync(session, $"Reference from {referee} recorded as received.");
        }

        await Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Every check passes.");
        await session.ScreenshotAsync("journey-vetting-before-approval");
        await session.PressButtonAsync("Approve");
        await AtAsync(session, vettingPath, ApplicantName, "the vetting page after approval");
        await AssertSuccessAsync(session, $"{ApplicantName} is approved and joins the panel.");
        await Expect(StatusTag(session)).ToHaveTextAsync("Active");
        var history = session.Page.GetByRole(AriaRole.Table, new PageGetByRoleOptions { Name = "Membership history, newest first" });
        await Expect(history.GetByRole(AriaRole.Cell, new LocatorGetByRoleOptions { Name = "Approved: every vetting check passed.", Exact = true }))
            .ToHaveCountAsync(1);
        await session.ScreenshotAsync("journey-approved");
    }

    /// <summary>Step 5: the new member signs in and sees that they are on the panel.</summary>
    private async Task SeeMembershipAsync(BrowserPage session, string email)
    {
        await SignInAsync(session, email, ApplicantPassword);
        await AtAsync(session, "/my-work", "My work", "the new member's home page");
        // The figures on the page have no accessible name to find them by.
        var status = session.Page.Locator(".app-card").Filter(new LocatorFilterOptions { HasText = "panel status" }).Locator(".app-card__figure");
        await Expect(status).ToHaveTextAsync("Active");
    }

    private async Task SignOutAsync(BrowserPage session)
    {
        await session.PressButtonAsync("Sign out");
        await AtAsync(session, "/account/signed-out", "You have signed out");
    }

    /// <summary>From the signed-out page, as a person signs in again.</summary>
    private async Task SignInAsync(BrowserPage session, string email, string password)
    {
        await session.FollowLinkAsync("Sign in again");
        await AtAsync(session, "/account/sign-in", "Sign in to IswPanel");
        await session.Field("Email address").FillAsync(email);
        await session.Field("Password").FillAsync(password);
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

    private static async Task AssertSuccessAsync(BrowserPage session, string message) =>
        await Expect(session.Page.GetByRole(AriaRole.Alert, new PageGetByRoleOptions { Name = "Success", Exact = true }))
            .ToContainTextAsync(message);

    /// <summary>The value of the summary list row whose key is <paramref name="key"/> (summary list rows have no accessible name).</summary>
    private static ILocator SummaryValue(BrowserPage session, string key) =>
        session.Page.Locator(".govuk-summary-list__row")
            .Filter(new LocatorFilterOptions { Has = session.Page.GetByText(key, new PageGetByTextOptions { Exact = true }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>The member's status tag under the vetting page's heading: the page's first tag (tags have no accessible name).</summary>
    private static ILocator StatusTag(BrowserPage session) => session.Page.GetByRole(AriaRole.Main).Locator("strong.govuk-tag").First;

    /// <summary>The path and query of the link in the newest confirmation email to <paramref name="email"/>.</summary>
    private string ConfirmationLink(string email)
    {
        var folder = Path.Combine(browser.DataDirectory, "mail");
        var newest = Directory.GetFiles(folder, "*.eml")
            .Select(file => (File: file, Message: MimeMessage.Load(file)))
            .Where(m => m.Message.Subject == ApplicantMail.ConfirmSubject
                && m.Message.To.Mailboxes.Any(to => string.Equals(to.Address, email, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).ThenBy(m => m.File, StringComparer.Ordinal)
            .Select(m => m.Message)
            .LastOrDefault() ?? throw new InvalidOperationException($"No confirmation email to {email} in {folder}.");
        var link = ConfirmLink().Match(newest.TextBody ?? "");
        Assert.True(link.Success, $"The confirmation email has no confirm-email link:{Environment.NewLine}{newest.TextBody}");
        return new Uri(link.Value).PathAndQuery;
    }

    /// <summary>
    /// A button's accessible name. Playwright computes the text of a visually hidden span (absolutely positioned,
    /// so a block) with a space before it, e.g. "Mark verified : Enhanced DBS"; this accepts either spacing.
    /// </summary>
    private static Regex ButtonName(string name) =>
        new("^" + Regex.Escape(name).Replace(":", @"\s?:", StringComparison.Ordinal) + "$");

    /// <summary>A small valid PDF on disk, to upload.</summary>
    private static string Pdf(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, PageClient.TinyPdf());
        return path;
    }

    [GeneratedRegex(@"https?://\S+/apply/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex("^/admin/panel/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex MemberPath();
}
