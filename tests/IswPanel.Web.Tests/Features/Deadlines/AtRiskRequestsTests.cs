using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Tests.Features.Matching;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

public sealed class AtRiskRequestsTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();

    private static async Task<IReadOnlyList<string>> AtRiskAsync(IswPanelApp app)
    {
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (response, page) = await admin.GetPageAsync(AtRiskRequests.PagePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. page.QuerySelectorAll("tbody a.govuk-link").Select(a => a.TextContent.Trim())];
    }

    [Fact]
    public void The_rule_puts_a_request_at_risk_when_the_working_days_left_are_fewer_than_the_work_left_and_not_when_equal()
    {
        // Not yet assigned: a 4-week type needs 20 working days. 20 left is enough; 19 is not.
        var deadline = Calendar.AddWorkingDays(new DateOnly(2026, 12, 1), 20);
        Assert.Equal(new DateOnly(2026, 12, 31), deadline);
        Assert.False(MilestoneSchedule.RiskOn(new DateOnly(2026, 12, 1), AssessmentRequestStatus.Submitted, deadline, 4, [], Calendar).AtRisk);
        var late = MilestoneSchedule.RiskOn(new DateOnly(2026, 12, 2), AssessmentRequestStatus.Offered, deadline, 4, [], Calendar);
        Assert.True(late.AtRisk);
        Assert.Equal((19, 20, 1), (late.RemainingWorkingDays, late.WorkLeftWorkingDays, late.ShortfallWorkingDays));

        // Assigned work: what the plan keeps after the next milestone not reached. In progress, that is "Draft to QA by".
        PlannedMilestone[] plan =
        [
            new(MilestoneNames.AllocateBy, new DateOnly(2026, 10, 1)), new(MilestoneNames.FirstVisitBy, new DateOnly(2026, 10, 8)),
            new(MilestoneNames.DraftToQaBy, new DateOnly(2027, 1, 5)), new(MilestoneNames.QaCompleteBy, new DateOnly(2027, 1, 12)),
            new(MilestoneNames.ReleaseBy, new DateOnly(2027, 1, 13)),
        ];
        var onTheDay = MilestoneSchedule.RiskOn(new DateOnly(2027, 1, 5), AssessmentRequestStatus.InProgress, new DateOnly(2027, 1, 15), 12, plan, Calendar);
        var weekend = MilestoneSchedule.RiskOn(new DateOnly(2027, 1, 9), AssessmentRequestStatus.InQa, new DateOnly(2027, 1, 15), 12, plan, Calendar);
        var dayAfter = MilestoneSchedule.RiskOn(new DateOnly(2027, 1, 6), AssessmentRequestStatus.InProgress, new DateOnly(2027, 1, 15), 12, plan, Calendar);
        Assert.Equal((8, 8, false), (onTheDay.RemainingWorkingDays, onTheDay.WorkLeftWorkingDays, onTheDay.AtRisk));
        Assert.Equal((7, 8, true), (dayAfter.RemainingWorkingDays, dayAfter.WorkLeftWorkingDays, dayAfter.AtRisk));
        Assert.Equal("Draft to QA by 5 January 2027 is not reached; the plan keeps 8 working days after it and 7 working days are left.",
            dayAfter.Explain("Parenting assessment"));
        Assert.False(weekend.AtRisk); // In QA: next is "QA complete by" (12 January), 3 working days before the deadline; 5 are left.
    }

    [Fact]
    public async Task The_list_and_the_daily_message_follow_the_rule_day_by_day_once_a_working_day()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        await MatchingScenario.SubmittedRequestAsync(app, "viability", caseReference: "NS-RISK-0001", deadline: new DateOnly(2026, 12, 31));
        await AssignedRequestAsync(app, 1, AssessmentRequestStatus.InProgress, new DateOnly(2027, 1, 15), "NS-RISK-0002");
        const string digest = "at risk of missing";

        // 1 December: 20 working days left for a type that needs 20.
        Assert.DoesNotContain("NS-RISK-0001", await AtRiskAsync(app));
        Assert.DoesNotContain("NS-RISK-0002", await AtRiskAsync(app));
        await AtRiskDigestAsync(app);
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Admin, digest, "NS-RISK-0001"));

        // 2 December: 19 left.
        MoveTo(app, new DateOnly(2026, 12, 2));
        Assert.Contains("NS-RISK-0001", await AtRiskAsync(app));
        var first = await AtRiskDigestAsync(app);
        var again = await AtRiskDigestAsync(app);
        Assert.Equal((1, 0, 1), (first.Done, again.Done, again.AlreadyDone + again.NotDue));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, digest, "Viability (connected person / kinship) NS-RISK-0001", "See the at-risk list."));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Northshire, digest));
        var sent = await MessagesAsync(app, DemoUsers.Admin, digest); // the demo data has requests at risk on 1 December too

        // Saturday 5 December: no message; Monday 7 December: the day's message.
        MoveTo(app, new DateOnly(2026, 12, 5));
        await AtRiskDigestAsync(app);
        Assert.Equal(sent, await MessagesAsync(app, DemoUsers.Admin, digest));
        MoveTo(app, new DateOnly(2026, 12, 7));
        await AtRiskDigestAsync(app);
        Assert.Equal(2, await MessagesAsync(app, DemoUsers.Admin, digest, "NS-RISK-0001"));

        // The assigned request: on its "Draft to QA by" day it is not at risk; the next working day it is.
        MoveTo(app, new DateOnly(2027, 1, 5));
        Assert.DoesNotContain("NS-RISK-0002", await AtRiskAsync(app));
        MoveTo(app, new DateOnly(2027, 1, 6));
        Assert.Contains("NS-RISK-0002", await AtRiskAsync(app));
        await AtRiskDigestAsync(app);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, digest, "NS-RISK-0002"));
    }

    [Fact]
    public async Task The_at_risk_page_is_for_panel_administrators_only()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        using var commissioner = PageClient.For(app);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, response, _) = await commissioner.FollowAsync(await commissioner.Http.GetAsync(AtRiskRequests.PagePath, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
