using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Retention;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Retention;

/// <summary>Retention dates, the monthly sweep, and the purge that removes child details and files and keeps the figures.</summary>
public sealed class RetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SweepReport> SweepAsync(IswPanelApp app) => RunAsync<RetentionDue.Job>(app, (j, ct) => j.RunAsync(ct));

    private static async Task<PageClient> SignedInAsync(IswPanelApp app, string email)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(email, DemoUsers.Password);
        return client;
    }

    /// <summary>A commissioner submits a request with a letter of instruction, then cancels it with a reason.</summary>
    private static async Task<Guid> CancelledRequestAsync(IswPanelApp app, string caseReference)
    {
        using var helen = await SignedInAsync(app, DemoUsers.Northshire);
        var submitted = await PostAsync(helen, "/requests/new", Answers(caseReference, new DateOnly(2027, 3, 1)));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = IdFromRedirect(submitted);
        var cancelled = await helen.PostFormAsync($"/requests/{id}/cancel", $"/requests/{id}/cancel",
            [new("Form.Reason", $"The court withdrew the direction in {caseReference}.")]);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        return id;
    }

    [Fact]
    public async Task Cancelling_a_request_sets_its_retention_date_to_the_configured_years_for_cancelled_requests()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);

        var id = await CancelledRequestAsync(app, "NS-RET-0001");

        var request = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(AssessmentRequestStatus.Cancelled, request.Status);
        Assert.Equal(Today.AddYears(new RetentionOptions().CancelledRequestYears), request.RetainUntil);
        Assert.Equal(Today.AddYears(2), request.RetainUntil);
    }

    [Fact]
    public void Closing_a_request_keeps_it_for_its_types_retention_years()
    {
        var type = AssessmentType.Create("test", "Test", 12, 5);
        type.SetRetention(25);
        var request = AssessmentRequest.CreateDraft(Guid.NewGuid(),
            new RequestDetails(type.Id, "REF-1", "A.B.", [], false, null, null, new DateOnly(2027, 1, 4), "M1", null, false, [], 10, null, null),
            Guid.NewGuid(), DateTime.UtcNow);

        RequestRetention.Closed(request, type, new DateOnly(2027, 2, 1));

        Assert.Equal(new DateOnly(2052, 2, 1), request.RetainUntil);
    }

    [Fact]
    public async Task The_monthly_sweep_tells_the_administrators_once_a_month_even_when_run_twice()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        const string task = "passed their retention date";

        // The demo data has one cancelled request past its date.
        Assert.Equal(1, (await SweepAsync(app)).Done);
        Assert.Equal(0, (await SweepAsync(app)).Done);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "1 request has passed its retention date"));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Northshire, "retention date"));
        var link = await app.WithDbAsync(db => db.Notifications.Where(n => n.Text.Contains("retention date")).Select(n => n.Link).FirstAsync(Ct));
        Assert.Equal(PurgeRequests.PagePath, link);

        // Next month: the next task, counting what is due then.
        await CancelledRequestAsync(app, "NS-RET-0002");
        MoveTo(app, Today.AddYears(2).AddMonths(1));
        Assert.Equal(1, (await SweepAsync(app)).Done);
        Assert.Equal(0, (await SweepAsync(app)).Done);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, $"2 requests have {task}"));
    }

    [Fact]
    public async Task The_purge_removes_the_child_details_and_the_letter_and_keeps_the_figures_and_an_audit_row()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        const string reference = "NS-PURGE-0001";
        var id = await CancelledRequestAsync(app, reference);
        var before = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        var letter = await app.WithDbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == before.LetterOfInstructionFileId));
        var store = (FileSystemFileStore)app.Services.GetRequiredService<IFileStore>();
        Assert.True(File.Exists(store.PathOf(letter.StorageKey)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Text.Contains(reference), Ct)));

        MoveTo(app, before.RetainUntil!.Value.AddDays(1));
        using var admin = await SignedInAsync(app, DemoUsers.Admin);
        var (_, list) = await admin.GetPageAsync(PurgeRequests.PagePath);
        Assert.Contains(reference, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("NS-2023-0412", list.Body.TextContent, StringComparison.Ordinal);
        var (_, confirm) = await admin.GetPageAsync($"/admin/retention/confirm?ids={id}");
        Assert.Contains("This cannot be undone", confirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("NS-2023-0412", confirm.Body.TextContent, StringComparison.Ordinal);

        var response = await admin.PostFormAsync($"/admin/retention/confirm?ids={id}", "/admin/retention/purge", [new("ids", id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        // The child's details are gone.
        Assert.Equal(AssessmentRequest.PurgedMarker, after.CaseReference);
        Assert.Equal("", after.ChildInitials);
        Assert.Empty(after.Parties);
        Assert.Null(after.CourtCaseNumber);
        Assert.Null(after.Notes);
        Assert.Null(after.LetterOfInstructionFileId);
        Assert.NotNull(after.PurgedAt);
        Assert.Equal(await UserIdAsync(app, DemoUsers.Admin), after.PurgedByUserId);
        // ...and the letter: its record and its content.
        Assert.False(await app.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == letter.Id, Ct)));
        Assert.False(File.Exists(store.PathOf(letter.StorageKey)));
        // ...and the copies of its identifiers elsewhere.
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Text.Contains(reference), Ct)));
        Assert.False(await app.WithDbAsync(db => db.OutboxEmails.AnyAsync(m => m.Subject.Contains(reference) || m.Body.Contains(reference), Ct)));
        var history = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == id).Select(e => e.What).ToListAsync(Ct));
        Assert.DoesNotContain(history, e => e.Contains(reference, StringComparison.Ordinal) || e.Contains("Letter of instruction.pdf", StringComparison.Ordinal));
        Assert.Contains(history, e => e.Contains("purged", StringComparison.Ordinal));

        // The figures stay.
        Assert.Equal(before.AuthorityId, after.AuthorityId);
        Assert.Equal(before.AssessmentTypeId, after.AssessmentTypeId);
        Assert.Equal(AssessmentRequestStatus.Cancelled, after.Status);
        Assert.Equal(before.FilingDeadline, after.FilingDeadline);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal(before.SubmittedAt, after.SubmittedAt);
        Assert.Equal(before.BudgetHours, after.BudgetHours);
        Assert.Equal(before.PostcodeDistrict, after.PostcodeDistrict);
        Assert.Equal(before.Milestones.Select(m => (m.Name, m.Due)), after.Milestones.Select(m => (m.Name, m.Due)));

        // One audit row for the purge, and the audit rows before it untouched.
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString()).ToListAsync(Ct));
        Assert.Single(audit, e => e.Action == AuditActions.RequestPurged);
        Assert.Contains(audit, e => e.Action == AuditActions.RequestCancelled && e.SubjectAuthorityId == before.AuthorityId);
        Assert.All(audit, e => Assert.Equal(before.AuthorityId, e.SubjectAuthorityId));

        // Purged requests leave the list.
        var (_, again) = await admin.GetPageAsync(PurgeRequests.PagePath);
        Assert.DoesNotContain(id.ToString(), again.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_not_yet_past_its_retention_date_is_refused_and_the_pages_change_nothing()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var id = await CancelledRequestAsync(app, "NS-RET-0003");
        var purgeable = await IdOf(app, "NS-2023-0412");
        using var admin = await SignedInAsync(app, DemoUsers.Admin);
        Task<(int Purged, int Events, int Notifications, int Audit, int Files)> StateAsync() => app.WithDbAsync(async db =>
            (await db.AssessmentRequests.CountAsync(r => r.PurgedAt != null, Ct), await db.RequestEvents.CountAsync(Ct),
             await db.Notifications.CountAsync(Ct), await db.AuditEvents.CountAsync(e => e.Action == AuditActions.RequestPurged, Ct),
             await db.StoredFiles.CountAsync(Ct)));
        var state = await StateAsync();

        var (listResponse, list) = await admin.GetPageAsync(PurgeRequests.PagePath);
        var (confirmResponse, _) = await admin.GetPageAsync($"/admin/retention/confirm?ids={purgeable}");
        var (_, allConfirm) = await admin.GetPageAsync("/admin/retention/confirm?all=true");
        var (_, notDue) = await admin.GetPageAsync($"/admin/retention/confirm?ids={id}");
        var (_, none) = await admin.GetPageAsync("/admin/retention/confirm");

        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmResponse.StatusCode);
        Assert.DoesNotContain("NS-RET-0003", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("NS-2023-0412", allConfirm.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PurgeRequests.NotDue, notDue.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(PurgeRequests.NoneChosen, none.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(state, await StateAsync());

        var refused = await admin.PostFormAsync($"/admin/retention/confirm?ids={purgeable}", "/admin/retention/purge", [new("ids", id.ToString()), new("ids", purgeable.ToString())]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PurgeRequests.NotDue, (await PageClient.ParseAsync(refused)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(state, await StateAsync());
        Assert.Equal("NS-RET-0003", (await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct))).CaseReference);
    }

    [Fact]
    public async Task The_retention_pages_are_for_panel_administrators_only()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        using var helen = await SignedInAsync(app, DemoUsers.Northshire);

        var (_, list, _) = await helen.FollowAsync(await helen.Http.GetAsync(PurgeRequests.PagePath, Ct));
        var (_, confirm, _) = await helen.FollowAsync(await helen.Http.GetAsync("/admin/retention/confirm?all=true", Ct));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
    }
}
