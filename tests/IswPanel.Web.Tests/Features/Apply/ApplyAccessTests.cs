using System.Net;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>
/// Who reaches which page of the journey: anyone the start page and account creation; only a signed-in
/// applicant with a confirmed email the questions; a member who has submitted is sent to their evidence.
/// </summary>
public sealed class ApplyAccessTests(ApplyApp fixture) : IClassFixture<ApplyApp>
{
    private IswPanelApp App => fixture.App;

    private static readonly string[] Paths =
    [
        "/apply/contact", "/apply/registration", "/apply/background", "/apply/employment", "/apply/employment/add", "/apply/skills",
        "/apply/area", "/apply/languages", "/apply/capacity", "/apply/unavailability", "/apply/unavailability/add", "/apply/check-answers",
    ];

    public static TheoryData<string> QuestionPages => [.. Paths];

    [Fact]
    public async Task The_start_page_and_account_creation_are_open_to_anyone()
    {
        using var visitor = PageClient.For(App);

        var (start, _) = await visitor.GetPageAsync("/apply");
        var (account, page) = await visitor.GetPageAsync("/apply/create-account");

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal("Create an account", page.Heading());
    }

    [Theory]
    [MemberData(nameof(QuestionPages))]
    public async Task A_question_page_sends_an_anonymous_visitor_to_sign_in(string path)
    {
        using var visitor = PageClient.For(App);

        var response = await visitor.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_commissioner_cannot_open_the_questions()
    {
        using var commissioner = PageClient.For(App);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, response, _) = await commissioner.FollowAsync(await commissioner.Http.GetAsync("/apply/contact"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_applicant_who_has_not_confirmed_their_email_sees_the_confirm_page_instead_of_the_questions_and_can_get_a_new_link()
    {
        using var applicant = await Applicant.CreatedAsync(App, "unconfirmed@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SignInAsync()).StatusCode);

        foreach (var path in new[] { "/apply", "/apply/contact", "/apply/check-answers" })
        {
            var (response, page) = await applicant.Client.GetPageAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Confirm your email address", page.Heading());
            Assert.Null(page.QuerySelector("#Phone"));
            Assert.NotNull(page.QuerySelector("form[action='/apply/resend-confirmation']"));
        }

        // Posting answers does not save them either.
        var posted = await applicant.PostAsync("/apply/contact", "/apply/contact", ("FullName", "Rosa"), ("Phone", "07700 900 982"));
        Assert.Equal("Confirm your email address", (await PageClient.ParseAsync(posted)).Heading());
        Assert.Null((await applicant.AnswersAsync()).Contact);

        var before = applicant.Emails().Count;
        var resent = await applicant.PostAsync("/apply", "/apply/resend-confirmation");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(before + 1, applicant.Emails().Count);

        var confirmed = await applicant.Client.Http.GetAsync(applicant.ConfirmationLink());
        Assert.Equal("/apply/contact", confirmed.Headers.Location?.OriginalString);
        var (_, contact) = await applicant.Client.GetPageAsync("/apply/contact");
        Assert.Equal("Your contact details", contact.Heading());
    }

    [Fact]
    public async Task A_confirmation_link_signs_in_only_once()
    {
        using var applicant = await Applicant.CreatedAsync(App, "link-once@example.com");
        var link = applicant.ConfirmationLink();
        Assert.Equal("/apply/contact", (await applicant.Client.Http.GetAsync(link)).Headers.Location?.OriginalString);

        using var someoneElse = PageClient.For(App);
        var (response, page) = await someoneElse.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Your email address is already confirmed", page.Heading());
        Assert.Equal(HttpStatusCode.Redirect, (await someoneElse.Http.GetAsync("/apply/contact")).StatusCode);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused()
    {
        using var applicant = await Applicant.CreatedAsync(App, "tampered@example.com");

        var (_, page) = await applicant.Client.GetPageAsync($"/apply/confirm-email?user={await applicant.UserIdAsync()}&token=not-a-token");

        Assert.Equal("This link has expired or has already been used", page.Heading());
        Assert.False(await App.WithDbAsync(db => db.Users.Where(u => u.Email == applicant.Email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task An_email_that_already_has_an_account_gets_the_same_page_and_an_email_saying_so_without_a_second_account()
    {
        using var existing = new Applicant(App, DemoUsers.Isw(2), "Someone Else");

        var response = await existing.CreateAccountAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, _, page) = await existing.Client.FollowAsync(response);
        Assert.Equal("Check your email", page.Heading());
        Assert.Contains(DemoUsers.Isw(2), page.Body!.TextContent, StringComparison.Ordinal);
        var normalized = DemoUsers.Isw(2).ToUpperInvariant();
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
        Assert.Contains("already have one", existing.LatestEmail(ApplicantMail.AccountExistsSubject).TextBody, StringComparison.Ordinal);

        // "Send it again" from that page sends the same kind of email again.
        var sent = await existing.PostAsync(response.Headers.Location!.OriginalString, "/apply/check-your-email",
            ("Reference", System.Web.HttpUtility.ParseQueryString(response.Headers.Location.OriginalString.Split('?')[1])["reference"]!));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(2, existing.Emails().Count(m => m.Subject == ApplicantMail.AccountExistsSubject));
    }

    [Fact]
    public async Task Applying_again_before_confirming_sends_a_new_confirmation_link_and_creates_nothing_new()
    {
        using var applicant = await Applicant.CreatedAsync(App, "twice@example.com");

        var again = await applicant.CreateAccountAsync();

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, applicant.Emails().Count(m => m.Subject == ApplicantMail.ConfirmSubject));
        var userId = await applicant.UserIdAsync();
        Assert.Equal(1, await App.WithDbAsync(db => db.PanelApplications.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task A_member_who_has_already_submitted_is_sent_to_their_evidence_from_every_page_of_the_journey()
    {
        using var member = PageClient.For(App);
        await member.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        foreach (var path in Paths.Append("/apply"))
        {
            var response = await member.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(ApplyController.EvidencePath, response.Headers.Location?.OriginalString);
        }

        var (_, tokenPage) = await member.GetPageAsync("/apply/submitted");
        var token = tokenPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var submit = await member.Http.PostAsync("/apply/submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Declaration"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(ApplyController.EvidencePath, submit.Headers.Location?.OriginalString);
    }
}
