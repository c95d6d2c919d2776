using System.Net;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>Answers are saved page by page, so an applicant can leave and come back to them.</summary>
public sealed class ApplicationProgressTests(ApplyApp fixture) : IClassFixture<ApplyApp>
{
    private IswPanelApp App => fixture.App;

    [Fact]
    public async Task Answers_given_before_signing_out_are_completed_and_prefilled_after_signing_in_again()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "progress@example.com", "Priya Shah");
        await applicant.AnswerAsync("/apply/contact", "/apply/registration", ("FullName", "Priya Shah"), ("Phone", "0161 496 0000"));
        await applicant.AnswerAsync("/apply/registration", "/apply/background",
            ("SweNumber", "SW4471"), ("QualifiedOn.Day", "29"), ("QualifiedOn.Month", "2"), ("QualifiedOn.Year", "2016"));

        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SignOutAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.Client.Http.GetAsync("/apply/contact")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SignInAsync()).StatusCode);

        var (_, tasks) = await applicant.Client.GetPageAsync("/apply");
        Assert.Equal("Apply to join the panel", tasks.Heading());
        Assert.Equal("Completed", tasks.QuerySelector("#contact-status")?.TextContent.Trim());
        Assert.Equal("Completed", tasks.QuerySelector("#registration-status")?.TextContent.Trim());
        Assert.Equal("Not started", tasks.QuerySelector("#background-status")?.TextContent.Trim());
        Assert.Equal("Cannot start yet", tasks.QuerySelector("#check-status")?.TextContent.Trim());
        Assert.Contains("2 of 9", tasks.Body!.TextContent, StringComparison.Ordinal);

        var (_, contact) = await applicant.Client.GetPageAsync("/apply/contact");
        Assert.Equal("Priya Shah", contact.ValueOf("#FullName"));
        Assert.Equal("0161 496 0000", contact.ValueOf("#Phone"));
        var (_, registration) = await applicant.Client.GetPageAsync("/apply/registration");
        Assert.Equal("SW4471", registration.ValueOf("#SweNumber"));
        Assert.Equal(("29", "2", "2016"),
            (registration.ValueOf("#QualifiedOn"), registration.ValueOf("#QualifiedOn_Month"), registration.ValueOf("#QualifiedOn_Year")));
    }

    [Fact]
    public async Task A_list_with_entries_not_yet_confirmed_is_in_progress_and_removing_an_entry_keeps_the_others()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "lists@example.com");
        foreach (var (role, year) in new[] { ("Social worker", "2012"), ("Team manager", "2018") })
        {
            await applicant.AnswerAsync("/apply/employment/add", "/apply/employment",
                ("Form.Employer", EmploymentHistory.AnotherEmployer), ("Form.OtherEmployerName", "Cafcass"), ("Form.Role", role),
                ("Form.Kind", "Permanent"), ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "1"), ("Form.StartedOn.Year", year),
                ("Form.StillWorkHere", "true"));
        }

        var (_, tasks) = await applicant.Client.GetPageAsync("/apply");
        Assert.Equal("In progress", tasks.QuerySelector("#employment-status")?.TextContent.Trim());

        var first = (await applicant.AnswersAsync()).Employment!.Jobs.Single(j => j.Role == "Social worker");
        var removed = await applicant.PostAsync("/apply/employment", $"/apply/employment/{first.Id}/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("/apply/employment", removed.Headers.Location?.OriginalString);
        Assert.Equal(["Team manager"], (await applicant.AnswersAsync()).Employment!.Jobs.Select(j => j.Role));

        await applicant.AnswerAsync("/apply/employment", "/apply/skills");
        (_, tasks) = await applicant.Client.GetPageAsync("/apply");
        Assert.Equal("Completed", tasks.QuerySelector("#employment-status")?.TextContent.Trim());
    }

    [Fact]
    public async Task No_unavailable_dates_is_a_complete_answer()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "no-leave@example.com");

        await applicant.AnswerAsync("/apply/unavailability", "/apply/check-answers");

        var (_, tasks) = await applicant.Client.GetPageAsync("/apply");
        Assert.Equal("Completed", tasks.QuerySelector("#unavailability-status")?.TextContent.Trim());
    }

    [Fact]
    public async Task Submitting_with_sections_incomplete_is_refused_listing_each_of_them()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "incomplete@example.com");
        await applicant.AnswerAsync("/apply/contact", "/apply/registration", ("FullName", "Rosa Lindgren"), ("Phone", "07700 900 982"));

        var response = await applicant.PostAsync("/apply/check-answers", "/apply/submit", ("Declaration", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var errors = page.ErrorSummary();
        Assert.Equal(ApplicationSection.All.Skip(1).Select(s => "#" + s.Key).Order(), errors.Keys.Order());
        Assert.Equal(SubmitApplication.CompleteSectionMessage(ApplicationSection.Employment), errors["#employment"]);
        Assert.NotNull(page.QuerySelector("#Declaration[checked]"));
        Assert.False(await App.WithDbAsync(db => db.IswProfiles.AnyAsync(p => p.Email == applicant.Email)));
    }

    [Fact]
    public async Task Submitting_without_the_declaration_is_refused()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "no-declaration@example.com");

        var page = await PageClient.ParseAsync(await applicant.PostAsync("/apply/check-answers", "/apply/submit"));

        Assert.Equal(SubmitApplication.DeclarationMessage, page.ErrorSummary()["#Declaration"]);
        Assert.Equal(SubmitApplication.DeclarationMessage, page.InlineError("Declaration"));
    }
}
