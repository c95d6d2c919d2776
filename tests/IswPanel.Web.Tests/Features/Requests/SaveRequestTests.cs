using System.Net;
using AngleSharp.Dom;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Testing;
using IswPanel.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// The commissioner's request form: drafts, submission with the milestone plan worked back from the deadline,
/// the at-risk warning, refusals that keep every answer, and who may use it.
/// </summary>
public sealed class SaveRequestTests(RequestsApp fixture) : IClassFixture<RequestsApp>
{
    private IswPanelApp App => fixture.App;

    private async Task<PageClient> CommissionerAsync()
    {
        var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        return client;
    }

    private static string Text(IDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? "";

    [Fact]
    public async Task Submitting_a_parenting_request_stores_the_domains_milestone_plan_and_the_page_shows_it()
    {
        using var client = await CommissionerAsync();
        var deadline = new DateOnly(2027, 3, 1);   // a Monday, after Christmas and the New Year bank holidays

        var response = await PostAsync(client, "/requests/new", Answers("NS-FORM-0001", deadline));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (path, shown, page) = await client.FollowAsync(response);

        var plan = await PlanAsync(App, deadline);
        var stored = await RequestAsync(App, "NS-FORM-0001");
        Assert.Equal(AssessmentRequestStatus.Submitted, stored.Status);
        Assert.Equal(plan.Milestones.Select(m => (m.Name, m.Due)), stored.Milestones.Select(m => (m.Name, m.Due)));
        Assert.False(plan.AtRisk);
        Assert.False(stored.AtRisk);
        Assert.Equal(["Mother", "Father"], stored.Parties.Select(p => p.Role));
        Assert.Equal(["K.L.", "M.N."], stored.Parties.Select(p => p.Initials));
        Assert.Equal([AssessmentTypeCatalogue.PamsTrained, "Signalong"], stored.SpecialRequirements);
        Assert.NotNull(stored.LetterOfInstructionFileId);
        Assert.True(stored.InterpreterNeeded);
        Assert.Equal(48, stored.BudgetHours);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal($"/requests/{stored.Id}", path);
        Assert.Contains("NS-FORM-0001 submitted", Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
        var milestones = page.QuerySelectorAll("table.govuk-table")[0].TextContent;
        foreach (var milestone in plan.Milestones)
        {
            Assert.Contains(milestone.Name, milestones, StringComparison.Ordinal);
            Assert.Contains(milestone.Due.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), milestones, StringComparison.Ordinal);
        }

        Assert.Contains("working days left", milestones, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".govuk-warning-text"));
        Assert.Contains("Mother, K.L.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/documents/{stored.LetterOfInstructionFileId}']"));

        var history = await App.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == stored.Id).Select(e => e.What).ToListAsync());
        Assert.Contains(history, e => e.StartsWith("Submitted.", StringComparison.Ordinal));
        Assert.Contains(history, e => e.StartsWith("Letter of instruction uploaded", StringComparison.Ordinal));
        var admin = await UserIdAsync(App, DemoUsers.Admin);
        var told = await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == admin && n.Link == $"/requests/{stored.Id}").ToListAsync());
        var notification = Assert.Single(told);
        Assert.Equal(NotificationCategories.Requests, notification.Category);
        Assert.Contains("Parenting assessment NS-FORM-0001", notification.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("J.S.", notification.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_that_leaves_too_few_working_days_is_submitted_with_the_at_risk_warning_and_the_shortfall()
    {
        using var client = await CommissionerAsync();
        var deadline = new DateOnly(2027, 2, 1);
        var plan = await PlanAsync(App, deadline);
        Assert.True(plan.AtRisk);

        var response = await PostAsync(client, "/requests/new", Answers("NS-FORM-0002", deadline));
        var (_, _, page) = await client.FollowAsync(response);

        var stored = await RequestAsync(App, "NS-FORM-0002");
        Assert.Equal(AssessmentRequestStatus.Submitted, stored.Status);
        Assert.True(stored.AtRisk);
        Assert.Equal(plan.ShortfallWorkingDays, stored.ShortfallWorkingDays);
        Assert.Contains(plan.RiskExplanation!, Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
        var warning = Text(page, ".govuk-warning-text");
        Assert.Contains("at risk", warning, StringComparison.Ordinal);
        Assert.Contains($"{plan.ShortfallWorkingDays} working days short", warning, StringComparison.Ordinal);
        Assert.Contains($"typically needs {plan.NeededWorkingDays}", warning, StringComparison.Ordinal);

        var (_, list) = await client.GetPageAsync("/requests");
        var row = list.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("NS-FORM-0002", StringComparison.Ordinal));
        Assert.Contains("At risk", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_that_leaves_exactly_the_working_days_needed_is_not_at_risk()
    {
        using var client = await CommissionerAsync();
        var deadline = Calendar.AddWorkingDays(Today, 12 * 5);
        Assert.Equal(60, Calendar.WorkingDaysBetween(Today, deadline));

        var (_, _, page) = await client.FollowAsync(await PostAsync(client, "/requests/new", Answers("NS-FORM-0003", deadline)));

        var stored = await RequestAsync(App, "NS-FORM-0003");
        Assert.Equal(AssessmentRequestStatus.Submitted, stored.Status);
        Assert.False(stored.AtRisk);
        Assert.Equal(0, stored.ShortfallWorkingDays);
        Assert.Null(page.QuerySelector(".govuk-warning-text"));
        Assert.DoesNotContain("at risk", Text(page, ".govuk-notification-banner"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-30")]   // the day before the fake clock's today
    [InlineData("2027-03-06")]   // a Saturday
    [InlineData("2026-12-28")]   // the substitute bank holiday for Boxing Day 2026
    public async Task A_deadline_in_the_past_or_on_a_non_working_day_is_refused_with_the_domains_message_keeping_every_answer(string date)
    {
        using var client = await CommissionerAsync();
        var deadline = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var expected = await App.WithDbAsync(async db =>
        {
            var type = await db.AssessmentTypes.AsNoTracking().SingleAsync(t => t.Code == "parenting");
            return Assert.Throws<DomainException>(() =>
                MilestonePlan.For(deadline, Today, type.MilestoneOffsets, type.TypicalWeeks, Calendar, type.Name)).Message;
        });
        var caseReference = $"NS-BAD-{date}";

        var response = await PostAsync(client, "/requests/new", Answers(caseReference, deadline));
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, Text(page, ".govuk-error-summary"), StringComparison.Ordinal);
        Assert.Contains(expected, Text(page, "#Form_FilingDeadline-error"), StringComparison.Ordinal);
        Assert.Equal(caseReference, page.QuerySelector("input[name='Form.CaseReference']")?.GetAttribute("value"));
        Assert.Equal("J.S.", page.QuerySelector("input[name='Form.ChildInitials']")?.GetAttribute("value"));
        Assert.Equal("Mother", page.QuerySelector("input[name='Form.Parties[0].Role']")?.GetAttribute("value"));
        Assert.Equal("M.N.", page.QuerySelector("input[name='Form.Parties[1].Initials']")?.GetAttribute("value"));
        Assert.Equal("Family Court at Manchester", page.QuerySelector("input[name='Form.CourtName']")?.GetAttribute("value"));
        Assert.Equal("MA27C00042", page.QuerySelector("input[name='Form.CourtCaseNumber']")?.GetAttribute("value"));
        Assert.Equal(deadline.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("input[name='Form.FilingDeadline.Day']")?.GetAttribute("value"));
        Assert.Equal("M14", page.QuerySelector("input[name='Form.PostcodeDistrict']")?.GetAttribute("value"));
        Assert.Equal("Polish", page.QuerySelector("input[name='Form.Language']")?.GetAttribute("value"));
        Assert.Equal("48", page.QuerySelector("input[name='Form.BudgetHours']")?.GetAttribute("value"));
        Assert.Equal("Signalong", page.QuerySelector("input[name='Form.OtherRequirements']")?.GetAttribute("value"));
        Assert.Equal("Parents live apart.", page.QuerySelector("textarea[name='Form.Notes']")?.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Form.AssessmentType'][value='parenting'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Form.ForCourt'][value='True'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Form.InterpreterNeeded'][checked]"));
        Assert.NotNull(page.QuerySelector($"input[name='Form.SpecialRequirements'][value='{AssessmentTypeCatalogue.PamsTrained}'][checked]"));
        // The letter cannot be given back to the browser: the form says to choose it again.
        Assert.Contains(SaveRequest.ChooseLetterAgain, Text(page, "#Form_LetterOfInstruction-error"), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.AssessmentRequests.AnyAsync(r => r.CaseReference == caseReference)));
    }

    [Fact]
    public async Task A_target_date_on_a_bank_holiday_is_refused_on_the_target_date_when_not_for_court()
    {
        using var client = await CommissionerAsync();
        var answers = Answers("NS-BAD-TARGET", new DateOnly(2027, 3, 1));
        answers["Form.ForCourt"] = "False";
        answers["Form.TargetDate.Day"] = "28";
        answers["Form.TargetDate.Month"] = "12";
        answers["Form.TargetDate.Year"] = "2026";

        var page = await PageClient.ParseAsync(await PostAsync(client, "/requests/new", answers));

        Assert.Contains("The target date must be a working day: 28 December 2026 is a bank holiday", Text(page, "#Form_TargetDate-error"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Form.ForCourt'][value='False'][checked]"));
    }

    [Fact]
    public async Task Initials_that_look_like_a_full_name_are_refused()
    {
        using var client = await CommissionerAsync();
        var answers = Answers("NS-BAD-NAME", new DateOnly(2027, 3, 1));
        answers["Form.ChildInitials"] = "John Smith";
        answers["Form.Parties[0].Initials"] = "Karen Lee";

        var response = await PostAsync(client, "/requests/new", answers, withLetter: false);
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the child's initials only", Text(page, "#Form_ChildInitials-error"), StringComparison.Ordinal);
        Assert.Contains("Enter the person's initials only", Text(page, "#Form_Parties_0__Initials-error"), StringComparison.Ordinal);
        Assert.Equal("John Smith", page.QuerySelector("input[name='Form.ChildInitials']")?.GetAttribute("value"));
        Assert.False(await App.WithDbAsync(db => db.AssessmentRequests.AnyAsync(r => r.CaseReference == "NS-BAD-NAME")));
    }

    [Fact]
    public async Task At_least_one_person_to_assess_is_needed()
    {
        using var client = await CommissionerAsync();
        var answers = Answers("NS-BAD-PEOPLE", new DateOnly(2027, 3, 1), intent: "SaveDraft");
        foreach (var key in answers.Keys.Where(k => k.StartsWith("Form.Parties", StringComparison.Ordinal)).ToList()) answers[key] = "";

        var page = await PageClient.ParseAsync(await PostAsync(client, "/requests/new", answers, withLetter: false));

        Assert.Contains("Enter at least one person to assess", Text(page, ".govuk-error-summary"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Form_Parties_0__Role']"));
    }

    [Fact]
    public async Task A_draft_is_saved_changed_and_submitted_and_then_can_no_longer_be_changed()
    {
        using var client = await CommissionerAsync();
        var deadline = new DateOnly(2027, 3, 1);

        var saved = await PostAsync(client, "/requests/new", Answers("NS-DRAFT-0001", deadline, intent: "SaveDraft"), withLetter: false);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = IdFromRedirect(saved);
        var draft = await RequestAsync(App, "NS-DRAFT-0001");
        Assert.Equal(AssessmentRequestStatus.Draft, draft.Status);
        Assert.Empty(draft.Milestones);
        Assert.Null(draft.LetterOfInstructionFileId);

        var (editResponse, edit) = await client.GetPageAsync($"/requests/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, editResponse.StatusCode);
        Assert.Equal("NS-DRAFT-0001", edit.QuerySelector("input[name='Form.CaseReference']")?.GetAttribute("value"));
        Assert.Equal("Father", edit.QuerySelector("input[name='Form.Parties[1].Role']")?.GetAttribute("value"));
        Assert.Equal("1", edit.QuerySelector("input[name='Form.FilingDeadline.Day']")?.GetAttribute("value"));

        var changed = Answers("NS-DRAFT-0001", deadline, intent: "SaveDraft");
        changed["Form.PostcodeDistrict"] = "BB2";
        var changedResponse = await PostAsync(client, $"/requests/{id}/edit", changed, withLetter: false, formUrl: $"/requests/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, changedResponse.StatusCode);
        Assert.Equal("BB2", (await RequestAsync(App, "NS-DRAFT-0001")).PostcodeDistrict);

        // The page form needs the letter of instruction before it submits, and says so.
        var noLetter = await PostAsync(client, $"/requests/{id}/edit", Answers("NS-DRAFT-0001", deadline), withLetter: false, formUrl: $"/requests/{id}/edit");
        var refused = await PageClient.ParseAsync(noLetter);
        Assert.Equal(HttpStatusCode.OK, noLetter.StatusCode);
        Assert.Contains(SaveRequest.LetterNeeded, Text(refused, "#Form_LetterOfInstruction-error"), StringComparison.Ordinal);
        Assert.Equal(AssessmentRequestStatus.Draft, (await RequestAsync(App, "NS-DRAFT-0001")).Status);

        var submitted = await PostAsync(client, $"/requests/{id}/edit", Answers("NS-DRAFT-0001", deadline), formUrl: $"/requests/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await RequestAsync(App, "NS-DRAFT-0001");
        Assert.Equal(AssessmentRequestStatus.Submitted, stored.Status);
        Assert.Equal(id, stored.Id);
        Assert.Equal(5, stored.Milestones.Count);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/requests/{id}/edit")).StatusCode);
        var late = await PostAsync(client, $"/requests/{id}/edit", Answers("NS-DRAFT-0001", deadline, intent: "SaveDraft"), withLetter: false);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal(AssessmentRequestStatus.Submitted, (await RequestAsync(App, "NS-DRAFT-0001")).Status);

        var history = await App.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == id).OrderBy(e => e.Id).Select(e => e.What).ToListAsync());
        Assert.Equal("Saved as a draft.", history[0]);
        Assert.Equal("Draft changed.", history[1]);
        Assert.StartsWith("Submitted.", history[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_request_refuses_a_change_even_if_the_edit_form_is_posted_directly()
    {
        var id = await IdOf(App, "NS-2026-0170");   // submitted in the demo data
        using var client = await CommissionerAsync();

        var response = await PostAsync(client, $"/requests/{id}/edit", Answers("NS-2026-0170", new DateOnly(2027, 3, 1), intent: "SaveDraft"), withLetter: false);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("M14", (await RequestAsync(App, "NS-2026-0170")).PostcodeDistrict);
    }

    [Theory]
    [InlineData(DemoUsers.Qa)]
    [InlineData("isw1@demo.iswpanel.test")]
    public async Task A_qa_reviewer_or_an_isw_cannot_reach_the_request_form(string email)
    {
        using var client = PageClient.For(App);
        await client.SignInAsync(email, DemoUsers.Password);

        var (_, response, _) = await client.FollowAsync(await client.Http.GetAsync("/requests/new"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_panel_administrator_is_offered_the_shortlist_for_a_submitted_request_but_not_for_an_assigned_one()
    {
        using var admin = PageClient.For(App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var submitted = await IdOf(App, "NS-2026-0170");
        var assigned = await IdOf(App, "NS-2026-0161");

        var (_, submittedPage) = await admin.GetPageAsync($"/requests/{submitted}");
        var (_, assignedPage) = await admin.GetPageAsync($"/requests/{assigned}");

        Assert.Equal("Find a social worker", submittedPage.QuerySelector($"a[href='/requests/{submitted}/shortlist']")?.TextContent.Trim());
        Assert.Null(assignedPage.QuerySelector($"a[href='/requests/{assigned}/shortlist']"));
    }
}
