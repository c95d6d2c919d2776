using System.Net;
using System.Text.RegularExpressions;
using IswPanel.Data;
using IswPanel.Testing;
using MimeKit;

namespace IswPanel.Web.Tests.Account;

/// <summary>No open sign-up: an administrator invites, the invitee sets a password from the emailed link.</summary>
public sealed partial class InvitationTests
{
    [Fact]
    public async Task An_invited_commissioner_sets_a_password_and_lands_on_their_authoritys_requests()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var southborough = await app.WithDbAsync(db => Task.FromResult(db.Authorities.Single(a => a.Name == "Southborough City Council").Id));
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Jo Bloggs",
            ["Form.Email"] = "jo.bloggs@southborough.example.gov.uk",
            ["Form.Role"] = "Commissioner",
            ["Form.AuthorityId"] = southborough.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var link = InvitationLink(app);
        using var invitee = PageClient.For(app);
        var (formResponse, _) = await invitee.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var set = await invitee.PostFormAsync(link, "/account/set-password", new Dictionary<string, string>
        {
            ["User"] = query["user"]!,
            ["Token"] = query["token"]!,
            ["Purpose"] = "AcceptInvitation",
            ["Password"] = "correct horse battery staple",
            ["ConfirmPassword"] = "correct horse battery staple",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var (path, home, page) = await invitee.FollowAsync(await invitee.SignInAsync("jo.bloggs@southborough.example.gov.uk", "correct horse battery staple"));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("/requests", path);
        Assert.DoesNotContain("Northshire", page.Body!.TextContent, StringComparison.Ordinal);

        var (reused, reusedPage) = await invitee.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("expired or has already been used", reusedPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_is_refused_and_the_form_explains_why()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Sam QA",
            ["Form.Email"] = "sam.qa@agency.example",
            ["Form.Role"] = "QaReviewer",
        });
        var link = InvitationLink(app);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        using var invitee = PageClient.For(app);

        var response = await invitee.PostFormAsync(link, "/account/set-password", new Dictionary<string, string>
        {
            ["User"] = query["user"]!,
            ["Token"] = query["token"]!,
            ["Purpose"] = "AcceptInvitation",
            ["Password"] = "short",
            ["ConfirmPassword"] = "short",
        });

        var page = await PageClient.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Password must be 12 characters or more.", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(query["token"], page.QuerySelector("input[name=Token]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Inviting_a_commissioner_without_an_authority_is_refused_and_keeps_the_answers()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var response = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "No Authority",
            ["Form.Email"] = "not-an-email",
            ["Form.Role"] = "Commissioner",
        });

        var page = await PageClient.ParseAsync(response);
        var errors = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Form_Email", errors);
        Assert.Contains("#Form_AuthorityId", errors);
        Assert.Equal("No Authority", page.QuerySelector("#Form_DisplayName")?.GetAttribute("value"));
        Assert.Equal("not-an-email", page.QuerySelector("#Form_Email")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Form.Role'][value=Commissioner][checked]"));
    }

    private static string InvitationLink(IswPanelApp app)
    {
        var mail = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml")
            .Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date).Last();
        Assert.Equal("Your IswPanel account", mail.Subject);
        return Link().Match(mail.TextBody ?? "").Value;
    }

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?\S+")]
    private static partial Regex Link();
}
