using System.Net;
using AngleSharp.Dom;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>
/// A wrong answer gets the GOV.UK error summary (linking to the field) and an inline message, and the page
/// comes back with every answer as it was typed; nothing is saved until the page is right.
/// </summary>
public sealed class BadAnswersTests(ApplyApp fixture) : IClassFixture<ApplyApp>
{
    private IswPanelApp App => fixture.App;

    private static async Task<IDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        return page;
    }

    [Fact]
    public async Task A_malformed_social_work_england_number_is_explained_and_both_answers_are_kept()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "bad-swe@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/registration", "/apply/registration",
            ("SweNumber", "SW0123"), ("QualifiedOn.Day", "15"), ("QualifiedOn.Month", "3"), ("QualifiedOn.Year", "2014")));

        Assert.Equal(SaveRegistration.SweFormatMessage, page.ErrorSummary()["#SweNumber"]);
        Assert.Equal(SaveRegistration.SweFormatMessage, page.InlineError("SweNumber"));
        Assert.Single(page.ErrorSummary());
        Assert.Equal("SW0123", page.ValueOf("#SweNumber"));
        Assert.Equal(("15", "3", "2014"), (page.ValueOf("#QualifiedOn"), page.ValueOf("#QualifiedOn_Month"), page.ValueOf("#QualifiedOn_Year")));
        Assert.Null((await applicant.AnswersAsync()).Registration);
    }

    [Fact]
    public async Task A_qualification_date_in_the_future_is_refused_and_the_answers_are_kept()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "future@example.com");

        // The fake clock's today is 1 December 2026.
        var page = await RefusedAsync(await applicant.PostAsync("/apply/registration", "/apply/registration",
            ("SweNumber", "SW12345"), ("QualifiedOn.Day", "2"), ("QualifiedOn.Month", "12"), ("QualifiedOn.Year", "2026")));

        Assert.Equal(SaveRegistration.QualifiedInFutureMessage, page.ErrorSummary()["#QualifiedOn"]);
        Assert.Equal(SaveRegistration.QualifiedInFutureMessage, page.InlineError("QualifiedOn"));
        Assert.Equal("SW12345", page.ValueOf("#SweNumber"));
        Assert.Equal(("2", "12", "2026"), (page.ValueOf("#QualifiedOn"), page.ValueOf("#QualifiedOn_Month"), page.ValueOf("#QualifiedOn_Year")));

        // Today itself is fine.
        await applicant.AnswerAsync("/apply/registration", "/apply/background",
            ("SweNumber", "SW12345"), ("QualifiedOn.Day", "1"), ("QualifiedOn.Month", "12"), ("QualifiedOn.Year", "2026"));
    }

    [Fact]
    public async Task An_employment_end_date_before_its_start_is_refused_and_every_answer_is_kept()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "bad-dates@example.com");
        var southborough = await App.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Southborough City Council").Select(a => a.Id).SingleAsync());

        var page = await RefusedAsync(await applicant.PostAsync("/apply/employment/add", "/apply/employment/add",
            ("Form.Employer", southborough.ToString()), ("Form.Role", "Senior practitioner"), ("Form.Kind", "AgencyOrLocum"),
            ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "6"), ("Form.StartedOn.Year", "2020"),
            ("Form.EndedOn.Day", "31"), ("Form.EndedOn.Month", "5"), ("Form.EndedOn.Year", "2020")));

        Assert.Equal(EmploymentHistory.EndBeforeStartMessage, page.ErrorSummary()["#Form_EndedOn"]);
        Assert.Equal(EmploymentHistory.EndBeforeStartMessage, page.InlineError("Form_EndedOn"));
        Assert.NotNull(page.QuerySelector($"#Form_Employer option[value='{southborough}'][selected]"));
        Assert.Equal("Senior practitioner", page.ValueOf("#Form_Role"));
        Assert.NotNull(page.QuerySelector("input[name='Form.Kind'][value=AgencyOrLocum][checked]"));
        Assert.Equal(("1", "6", "2020"), (page.ValueOf("#Form_StartedOn"), page.ValueOf("#Form_StartedOn_Month"), page.ValueOf("#Form_StartedOn_Year")));
        Assert.Equal(("31", "5", "2020"), (page.ValueOf("#Form_EndedOn"), page.ValueOf("#Form_EndedOn_Month"), page.ValueOf("#Form_EndedOn_Year")));
        Assert.Null((await applicant.AnswersAsync()).Employment);
    }

    [Fact]
    public async Task Another_employer_needs_a_name_and_an_unfinished_job_keeps_the_still_work_here_tick()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "other-employer@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/employment/add", "/apply/employment/add",
            ("Form.Employer", EmploymentHistory.AnotherEmployer), ("Form.OtherEmployerName", ""), ("Form.Role", "Guardian"),
            ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "6"), ("Form.StartedOn.Year", "2020"), ("Form.StillWorkHere", "true")));

        var errors = page.ErrorSummary();
        Assert.Equal("Enter the name of the employer.", errors["#Form_OtherEmployerName"]);
        Assert.Equal("Select whether the job was permanent, or agency or locum work.", errors["#Form_Kind"]);
        Assert.False(errors.ContainsKey("#Form_EndedOn"));
        Assert.NotNull(page.QuerySelector($"#Form_Employer option[value='{EmploymentHistory.AnotherEmployer}'][selected]"));
        Assert.NotNull(page.QuerySelector("#Form_StillWorkHere[checked]"));
    }

    [Fact]
    public async Task The_employment_list_needs_at_least_one_job_to_continue()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "no-jobs@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/employment", "/apply/employment"));

        Assert.Equal(EmploymentHistory.NoJobsMessage, page.ErrorSummary()["#Jobs"]);
        Assert.NotNull(page.QuerySelector("a#Jobs[href='/apply/employment/add']"));
    }

    [Fact]
    public async Task Overlapping_unavailable_dates_are_refused_naming_both_periods_and_the_answers_are_kept()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "overlap@example.com");
        await applicant.AnswerAsync("/apply/unavailability/add", "/apply/unavailability",
            ("From.Day", "10"), ("From.Month", "1"), ("From.Year", "2027"), ("To.Day", "20"), ("To.Month", "1"), ("To.Year", "2027"), ("Reason", "Leave"));

        var page = await RefusedAsync(await applicant.PostAsync("/apply/unavailability/add", "/apply/unavailability/add",
            ("From.Day", "15"), ("From.Month", "1"), ("From.Year", "2027"), ("To.Day", "25"), ("To.Month", "1"), ("To.Year", "2027"), ("Reason", "Training")));

        var message = page.ErrorSummary()["#From"];
        Assert.Contains("10 January 2027 to 20 January 2027", message, StringComparison.Ordinal);
        Assert.Contains("15 January 2027 to 25 January 2027", message, StringComparison.Ordinal);
        Assert.Contains("overlap", message, StringComparison.Ordinal);
        Assert.Equal(message, page.InlineError("From"));
        Assert.Equal(("15", "1", "2027"), (page.ValueOf("#From"), page.ValueOf("#From_Month"), page.ValueOf("#From_Year")));
        Assert.Equal(("25", "1", "2027"), (page.ValueOf("#To"), page.ValueOf("#To_Month"), page.ValueOf("#To_Year")));
        Assert.Equal("Training", page.ValueOf("#Reason"));
        Assert.Single((await applicant.AnswersAsync()).Unavailability!.Periods);
    }

    [Fact]
    public async Task Unavailable_dates_ending_before_they_start_are_refused()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "backwards-leave@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/unavailability/add", "/apply/unavailability/add",
            ("From.Day", "15"), ("From.Month", "1"), ("From.Year", "2027"), ("To.Day", "14"), ("To.Month", "1"), ("To.Year", "2027")));

        Assert.Equal(Unavailability.EndBeforeStartMessage, page.ErrorSummary()["#To"]);
        Assert.Equal("14", page.ValueOf("#To"));
    }

    [Fact]
    public async Task The_pams_assessment_needs_the_pams_trained_skill_and_the_ticks_are_kept()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "pams@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/skills", "/apply/skills",
            ("Form.AssessmentTypeCodes", "viability"), ("Form.AssessmentTypeCodes", "parenting-pams"),
            ("Form.SpecialSkills", "Court expert witness"), ("Form.OtherSkills", "Life story work")));

        var message = page.ErrorSummary()["#Form_AssessmentTypeCodes"];
        Assert.Contains("PAMS-trained", message, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Form.AssessmentTypeCodes'][value=viability][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Form.AssessmentTypeCodes'][value=parenting-pams][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Form.SpecialSkills'][value='Court expert witness'][checked]"));
        Assert.Equal("Life story work", page.ValueOf("#Form_OtherSkills"));
        Assert.Null((await applicant.AnswersAsync()).Skills);
    }

    [Fact]
    public async Task Capacity_and_rate_typed_wrongly_come_back_as_typed_with_a_message_each()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "capacity@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/capacity", "/apply/capacity",
            ("ConcurrentAssessments", "16"), ("HourlyRate", "45.505")));

        var errors = page.ErrorSummary();
        Assert.Equal("The number of assessments must be between 1 and 15.", errors["#ConcurrentAssessments"]);
        Assert.Equal("Your hourly rate can have up to 2 decimal places, like 52.50.", errors["#HourlyRate"]);
        Assert.Equal("16", page.ValueOf("#ConcurrentAssessments"));
        Assert.Equal("45.505", page.ValueOf("#HourlyRate"));
    }

    [Fact]
    public async Task Area_answers_are_checked_and_kept()
    {
        using var applicant = await Applicant.ConfirmedAsync(App, "area@example.com");

        var page = await RefusedAsync(await applicant.PostAsync("/apply/area", "/apply/area",
            ("Regions", "London"), ("PostcodeDistrict", "SW1A 1AA"), ("TravelRadiusMiles", "thirty")));

        var errors = page.ErrorSummary();
        Assert.Equal("Enter the first part of your postcode only, like NE1 or SW1A.", errors["#PostcodeDistrict"]);
        Assert.Equal("Enter how far you can travel as a whole number of miles, like 30.", errors["#TravelRadiusMiles"]);
        Assert.NotNull(page.QuerySelector("input[name=Regions][value=London][checked]"));
        Assert.Equal("SW1A 1AA", page.ValueOf("#PostcodeDistrict"));
        Assert.Equal("thirty", page.ValueOf("#TravelRadiusMiles"));
    }

    [Fact]
    public async Task Creating_an_account_with_bad_answers_keeps_the_name_and_email_but_not_the_passwords()
    {
        using var applicant = new Applicant(App, "not-an-email", "Sam Carter");

        var page = await RefusedAsync(await applicant.CreateAccountAsync(password: "too short"));

        var errors = page.ErrorSummary();
        Assert.Equal("Enter an email address in the correct format, like name@example.com.", errors["#Email"]);
        Assert.Equal("Password must be 12 characters or more.", errors["#Password"]);
        Assert.Equal("Sam Carter", page.ValueOf("#FullName"));
        Assert.Equal("not-an-email", page.ValueOf("#Email"));
        Assert.Null(page.ValueOf("#Password"));
    }
}
