using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Work;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Work.WorkScenario;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>
/// The log: quick to fill in, bad answers kept, hours beyond the budget waiting for the commissioner, who approves
/// (they count) or refuses (they do not). The fake clock's date is Tuesday 1 December 2026.
/// </summary>
public sealed class LogWorkTests(WorkApp work) : IClassFixture<WorkApp>
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public async Task The_first_entry_starts_the_work_and_save_and_add_another_keeps_the_date_and_kind()
    {
        var app = work.App;
        var id = await IdOf(app, "SB/26/0320");
        using var client = await SignedInAsync(app, DemoUsers.Isw(10));

        var (formResponse, form) = await client.GetPageAsync($"/work/{id}/log");
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.Equal("1", form.QuerySelector("input[name='Form.Date.Day']")?.GetAttribute("value"));
        Assert.Equal("12", form.QuerySelector("input[name='Form.Date.Month']")?.GetAttribute("value"));
        Assert.True(form.QuerySelector("input[name='Form.Kind'][value='HomeVisit']")?.HasAttribute("checked"));
        Assert.Contains("Mother (A.B.)", form.QuerySelector("#Form_WhoSeen-hint")?.TextContent, StringComparison.Ordinal);

        var response = await client.PostFormAsync($"/work/{id}/log", $"/work/{id}/log",
            LogAnswers(Today.AddDays(-1), kind: "Observation", hours: "2", minutes: "30", travelMinutes: "40", mileage: "12.5",
                whoSeen: "Mother (A.B.)", intent: LogWork.AddAnother));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent ?? response.StatusCode.ToString());
        var (path, _, again) = await client.FollowAsync(response);
        Assert.Equal($"/work/{id}/log", path);
        Assert.Equal("30", again.QuerySelector("input[name='Form.Date.Day']")?.GetAttribute("value"));
        Assert.Equal("11", again.QuerySelector("input[name='Form.Date.Month']")?.GetAttribute("value"));
        Assert.True(again.QuerySelector("input[name='Form.Kind'][value='Observation']")?.HasAttribute("checked"));
        Assert.Null(again.QuerySelector("input[name='Form.DurationHours']")?.GetAttribute("value"));
        Assert.Contains("Observation on 30 November 2026, 3 hours 10 minutes added to your log.",
            again.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);

        var entry = await app.WithDbAsync(db => db.WorkLogEntries.AsNoTracking().SingleAsync(e => e.AssessmentRequestId == id));
        Assert.Equal((WorkKind.Observation, 150, 40, 12.5m, HoursApproval.WithinBudget), (entry.Kind, entry.DurationMinutes, entry.TravelMinutes, entry.MileageMiles, entry.Approval));
        var request = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(AssessmentRequestStatus.InProgress, request.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.WorkLogged && e.EntityId == entry.Id.ToString())));
    }

    [Fact]
    public async Task Bad_answers_show_the_error_summary_and_keep_every_answer()
    {
        var app = work.App;
        var id = await IdOf(app, "SB/26/0322");
        using var client = await SignedInAsync(app, DemoUsers.Isw(8));
        var before = await app.WithDbAsync(db => db.WorkLogEntries.CountAsync(e => e.AssessmentRequestId == id));

        var response = await client.PostFormAsync($"/work/{id}/log", $"/work/{id}/log",
            LogAnswers(Today.AddDays(1), kind: "Interview", hours: "0", minutes: "0", mileage: "-5", whoSeen: "Father (C.D.)", notes: "Kept"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";
        Assert.Contains("The date must be today or in the past", summary, StringComparison.Ordinal);
        Assert.Contains("The duration must be more than 0 minutes", summary, StringComparison.Ordinal);
        Assert.Contains("Mileage must be 0 or more", summary, StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("input[name='Form.Date.Day']")?.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='Form.Kind'][value='Interview']")?.HasAttribute("checked"));
        Assert.Equal("-5", page.QuerySelector("input[name='Form.Mileage']")?.GetAttribute("value"));
        Assert.Equal("Father (C.D.)", page.QuerySelector("input[name='Form.WhoSeen']")?.GetAttribute("value"));
        Assert.Equal("Kept", page.QuerySelector("textarea[name='Form.Notes']")?.TextContent.Trim());
        Assert.Equal(before, await app.WithDbAsync(db => db.WorkLogEntries.CountAsync(e => e.AssessmentRequestId == id)));
    }

    [Fact]
    public async Task Hours_beyond_the_budget_wait_for_the_commissioner_who_approves_one_and_refuses_another()
    {
        var app = work.App;
        // NS-2026-0161: viability, budget 16 hours, assigned to Amara Okonkwo (isw1).
        var id = await IdOf(app, "NS-2026-0161");
        using var isw = await SignedInAsync(app, DemoUsers.Isw(1));
        foreach (var (hours, minutes, day) in new[] { ("15", "30", 26), ("2", "0", 27), ("1", "0", 30) })
        {
            var logged = await isw.PostFormAsync($"/work/{id}/log", $"/work/{id}/log", LogAnswers(new DateOnly(2026, 11, day), hours: hours, minutes: minutes));
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }

        var entries = await app.WithDbAsync(db => db.WorkLogEntries.AsNoTracking().Where(e => e.AssessmentRequestId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.LoggedAt).ToListAsync());
        Assert.Equal([HoursApproval.WithinBudget, HoursApproval.AwaitingApproval, HoursApproval.AwaitingApproval], entries.Select(e => e.Approval));
        var helen = await UserIdAsync(app, DemoUsers.Northshire);
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == helen && n.Link.Contains(id.ToString())
            && n.Category == NotificationCategories.Requests && n.Text.Contains("beyond the budget"))));
        Assert.Equal(15.5m, await HoursUsedAsync(app, id));

        // Another authority's commissioner cannot decide: the entry does not exist for them.
        using (var other = await SignedInAsync(app, DemoUsers.Southborough))
        {
            var refused = await other.PostFormAsync("/requests", $"/requests/{id}/hours/{entries[1].Id}/approve", []);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/requests/{id}/hours/{entries[2].Id}/refuse")).StatusCode);
        }

        using var commissioner = await SignedInAsync(app, DemoUsers.Northshire);
        var (_, details) = await commissioner.GetPageAsync($"/requests/{id}");
        Assert.Contains("Hours awaiting your approval", details.QuerySelector("#hours-awaiting-approval")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector($"form[action='/requests/{id}/hours/{entries[1].Id}/approve']"));
        Assert.Contains("15 hours 30 minutes of 16 hours budgeted", details.Body!.TextContent, StringComparison.Ordinal);

        var approved = await commissioner.PostFormAsync($"/requests/{id}", $"/requests/{id}/hours/{entries[1].Id}/approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(17.5m, await HoursUsedAsync(app, id));
        var twice = await commissioner.PostFormAsync($"/requests/{id}", $"/requests/{id}/hours/{entries[1].Id}/approve", []);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("These hours have already been decided.", (await PageClient.ParseAsync(twice)).QuerySelector(".govuk-error-summary")?.TextContent,
            StringComparison.Ordinal);

        var noReason = await commissioner.PostFormAsync($"/requests/{id}/hours/{entries[2].Id}/refuse", $"/requests/{id}/hours/{entries[2].Id}/refuse",
            [new("Form.Reason", " ")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter why you are refusing these hours", (await PageClient.ParseAsync(noReason)).QuerySelector(".govuk-error-summary")?.TextContent,
            StringComparison.Ordinal);

        var refusedHours = await commissioner.PostFormAsync($"/requests/{id}/hours/{entries[2].Id}/refuse", $"/requests/{id}/hours/{entries[2].Id}/refuse",
            [new("Form.Reason", "Not agreed in the plan.")]);
        Assert.Equal(HttpStatusCode.Redirect, refusedHours.StatusCode);
        Assert.Equal(17.5m, await HoursUsedAsync(app, id));

        var decided = await app.WithDbAsync(db => db.WorkLogEntries.AsNoTracking().Where(e => e.AssessmentRequestId == id).ToDictionaryAsync(e => e.Id));
        Assert.Equal(HoursApproval.Approved, decided[entries[1].Id].Approval);
        Assert.Equal(helen, decided[entries[1].Id].ApprovalDecidedByUserId);
        Assert.Equal(HoursApproval.Refused, decided[entries[2].Id].Approval);
        Assert.Equal("Not agreed in the plan.", decided[entries[2].Id].ApprovalNote);

        var amara = await UserIdAsync(app, DemoUsers.Isw(1));
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == amara && n.Link == $"/work/{id}").Select(n => n.Text).ToListAsync());
        Assert.Contains(told, t => t.Contains("approved 2 hours", StringComparison.Ordinal));
        Assert.Contains(told, t => t.Contains("refused 1 hour", StringComparison.Ordinal) && t.Contains("Not agreed in the plan.", StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.HoursApproved && e.EntityId == entries[1].Id.ToString())));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.HoursRefused && e.EntityId == entries[2].Id.ToString())));

        // The ISW's case page counts the same: 17.5 hours, the refused hour tagged and not counted.
        var (_, casePage) = await isw.GetPageAsync($"/work/{id}");
        Assert.Contains("17 hours 30 minutes of 16 hours budgeted", casePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refused", casePage.QuerySelector(".govuk-tag--red")?.TextContent, StringComparison.Ordinal);
        var (_, after) = await commissioner.GetPageAsync($"/requests/{id}");
        Assert.Null(after.QuerySelector("#hours-awaiting-approval"));
        Assert.Contains("17 hours 30 minutes of 16 hours budgeted", after.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The API's view of hours used: only hours that count (within budget or approved).</summary>
    private static async Task<decimal> HoursUsedAsync(IswPanelApp app, Guid id)
    {
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var body = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{id}");
        Assert.Equal(16, body.GetProperty("budgetHours").GetInt32());
        return body.GetProperty("hoursUsed").GetDecimal();
    }
}
