using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.MyEvidence;

/// <summary>An ISW names referees; bad answers are shown with every other answer kept.</summary>
public sealed class NameRefereeTests(DemoApp demo)
{
    private static Dictionary<string, string> Answers(string email) => new()
    {
        ["Form.Name"] = "Priya Shah",
        ["Form.Email"] = email,
        ["Form.Organisation"] = "Northshire County Council",
        ["Form.Relationship"] = "Team manager",
        ["Form.FromSocialWorkEmployer"] = "True",
        ["Form.EmploymentEndedOn.Day"] = "",
        ["Form.EmploymentEndedOn.Month"] = "",
        ["Form.EmploymentEndedOn.Year"] = "",
        ["Form.StillWorksThere"] = "true",
    };

    [Fact]
    public async Task A_bad_email_shows_the_error_and_keeps_the_answers()
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(DemoUsers.Isw(6), DemoUsers.Password);
        var before = await demo.App.WithDbAsync(db => db.Referees.CountAsync());

        var response = await client.PostFormAsync("/my-evidence/referees", "/my-evidence/referees", Answers("priya.shah-at-northshire"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Enter an email address in the correct format, like name@example.com.",
            page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Form_Email']"));
        Assert.Contains("correct format", page.QuerySelector("#Form_Email-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("priya.shah-at-northshire", page.QuerySelector("input[name='Form.Email']")?.GetAttribute("value"));
        Assert.Equal("Priya Shah", page.QuerySelector("input[name='Form.Name']")?.GetAttribute("value"));
        Assert.Equal("Northshire County Council", page.QuerySelector("input[name='Form.Organisation']")?.GetAttribute("value"));
        Assert.Equal("Team manager", page.QuerySelector("input[name='Form.Relationship']")?.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='Form.FromSocialWorkEmployer'][value='True']")?.HasAttribute("checked"));
        Assert.True(page.QuerySelector("input[name='Form.StillWorksThere'][type='checkbox']")?.HasAttribute("checked"));
        Assert.Equal(before, await demo.App.WithDbAsync(db => db.Referees.CountAsync()));
    }

    [Fact]
    public async Task A_date_and_still_working_there_cannot_both_be_given()
    {
        using var client = PageClient.For(demo.App);
        await client.SignInAsync(DemoUsers.Isw(6), DemoUsers.Password);
        var answers = Answers("priya.shah@northshire.gov.uk");
        answers["Form.EmploymentEndedOn.Day"] = "3";
        answers["Form.EmploymentEndedOn.Month"] = "4";
        answers["Form.EmploymentEndedOn.Year"] = "2025";

        var response = await client.PostFormAsync("/my-evidence/referees", "/my-evidence/referees", answers);

        var page = await PageClient.ParseAsync(response);
        Assert.Contains("not both", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", page.QuerySelector("input[name='Form.EmploymentEndedOn.Day']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_named_referee_is_listed_as_waiting_and_counts_towards_the_references_check()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Isw(4), DemoUsers.Password);
        var answers = Answers("priya.shah@brighton.example.gov.uk");
        answers["Form.StillWorksThere"] = "false";
        answers["Form.EmploymentEndedOn.Day"] = "30";
        answers["Form.EmploymentEndedOn.Month"] = "9";
        answers["Form.EmploymentEndedOn.Year"] = "2026";

        var response = await client.PostFormAsync("/my-evidence/referees", "/my-evidence/referees", answers);
        var (path, _, page) = await client.FollowAsync(response);

        Assert.Equal("/my-evidence/referees", path);
        Assert.Contains("Priya Shah has been added as a referee", page.QuerySelector(".govuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.TextContent.Contains("Priya Shah", StringComparison.Ordinal));
        Assert.Contains("Waiting for reference", row.TextContent, StringComparison.Ordinal);

        var referee = await app.WithDbAsync(db => db.Referees.SingleAsync(r => r.Email == "priya.shah@brighton.example.gov.uk"));
        Assert.True(referee.FromSocialWorkEmployer);
        Assert.Equal(new DateOnly(2026, 9, 30), referee.EmploymentEndedOn);
        Assert.Null(referee.ReceivedOn);
    }
}
