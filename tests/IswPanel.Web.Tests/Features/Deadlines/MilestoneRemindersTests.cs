using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

/// <summary>
/// Around Christmas 2026: Friday 25 December and Monday 28 December (Boxing Day's substitute) and Friday 1 January
/// 2027 are bank holidays. A parenting assessment filed on Friday 15 January 2027 has "Draft to QA by" on Tuesday
/// 5 January, so its reminders fall on Thursday 24 December (5 working days before), Thursday 31 December (2) and
/// 5 January itself, and it is overdue from Wednesday 6 January.
/// </summary>
public sealed class MilestoneRemindersTests
{
    private static readonly DateOnly Deadline = new(2027, 1, 15);
    private const string Draft = MilestoneNames.DraftToQaBy;

    private static async Task RunDailySweepsAsync(IswPanelApp app, DateOnly day)
    {
        MoveTo(app, day);
        await RemindAsync(app);
        await EscalateAsync(app);
    }

    [Fact]
    public async Task Reminders_come_at_5_and_2_working_days_and_on_the_day_across_the_bank_holidays_and_escalation_the_working_day_after()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var inProgress = await AssignedRequestAsync(app, 1, AssessmentRequestStatus.InProgress, Deadline, "NS-REM-0001");
        // Already in QA: "Draft to QA by" is reached, so nobody is reminded or told it is overdue.
        await AssignedRequestAsync(app, 7, AssessmentRequestStatus.InQa, Deadline, "NS-REM-0002");
        Assert.Equal(new DateOnly(2027, 1, 5), await MilestoneDueAsync(app, inProgress, Draft));

        Task<int> Reminders(string fragment = "") => MessagesAsync(app, DemoUsers.Isw(1), "Reminder for", "NS-REM-0001", $"{Draft} ", fragment);

        await RunDailySweepsAsync(app, new DateOnly(2026, 12, 23));
        Assert.Equal(0, await Reminders());

        await RunDailySweepsAsync(app, new DateOnly(2026, 12, 24));
        await RunDailySweepsAsync(app, new DateOnly(2026, 12, 24)); // twice: nothing more
        Assert.Equal(1, await Reminders("5 January 2027 (5 working days left)."));

        foreach (var day in new[] { new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 30) })
            await RunDailySweepsAsync(app, day);
        Assert.Equal(1, await Reminders());

        await RunDailySweepsAsync(app, new DateOnly(2026, 12, 31));
        await RemindAsync(app);
        Assert.Equal(1, await Reminders("5 January 2027 (2 working days left)."));
        Assert.Equal(2, await Reminders());

        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 1));
        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 4));
        Assert.Equal(2, await Reminders());

        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 5));
        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 5));
        Assert.Equal(1, await Reminders("today, 5 January 2027."));
        Assert.Equal(3, await Reminders());

        const string overdue = "Overdue: Parenting assessment, PAMS (parents with learning needs) NS-REM-0001 has missed Draft to QA by 5 January 2027.";
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Admin, overdue));

        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 6));
        await EscalateAsync(app);
        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 7));

        Assert.Equal(3, await Reminders());
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, overdue));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Northshire, overdue));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(1), overdue));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Southborough, "NS-REM-0001"));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.AssessmentRequestId == inProgress && e.What.StartsWith("Overdue: Draft to QA by 5 January 2027 was missed."))));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Isw(7), "NS-REM-0002", Draft));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Admin, "NS-REM-0002", Draft));
        // The later milestones of the request in QA are reminded as usual.
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(7), "Reminder for", "NS-REM-0002", "QA complete by 12 January 2027 (5 working days left)."));
    }

    [Fact]
    public async Task A_sweep_that_missed_days_sends_only_the_reminder_that_matters_now()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        await AssignedRequestAsync(app, 1, AssessmentRequestStatus.InProgress, Deadline, "NS-REM-0003");
        Task<int> Reminders(string fragment = "") => MessagesAsync(app, DemoUsers.Isw(1), "Reminder for", "NS-REM-0003", $"{Draft} ", fragment);

        // No run from 24 to 30 December: on the 30th the 5-day reminder says how many working days are really left.
        await RunDailySweepsAsync(app, new DateOnly(2026, 12, 30));
        Assert.Equal(1, await Reminders("5 January 2027 (3 working days left)."));

        // No run from 31 December to 4 January: on the 5th only the reminder for the day itself, not the 2-day one as well.
        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 5));
        Assert.Equal(1, await Reminders("today, 5 January 2027."));
        Assert.Equal(2, await Reminders());

        // No run on the 6th: the escalation still comes, once, on the next run.
        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 8));
        await RunDailySweepsAsync(app, new DateOnly(2027, 1, 11));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Overdue:", "NS-REM-0003", "Draft to QA by 5 January 2027"));
        Assert.Equal(2, await Reminders());
    }

    [Fact]
    public async Task A_milestone_reached_before_its_day_is_neither_reminded_nor_escalated_any_more()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var request = await AssignedRequestAsync(app, 1, AssessmentRequestStatus.InProgress, Deadline, "NS-REM-0004");
        await RunDailySweepsAsync(app, new DateOnly(2026, 12, 24));

        await app.WithDbAsync(async db =>
        {
            var tracked = await db.AssessmentRequests.SingleAsync(r => r.Id == request);
            tracked.MoveTo(AssessmentRequestStatus.InQa, app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        foreach (var day in new[] { new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 6) })
            await RunDailySweepsAsync(app, day);

        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(1), "NS-REM-0004", Draft));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Admin, "NS-REM-0004"));
    }
}
