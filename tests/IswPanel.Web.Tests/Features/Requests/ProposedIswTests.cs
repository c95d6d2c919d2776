using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Notifications;
using IswPanel.Testing;
using IswPanel.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// Northshire's contract asks its commissioners to approve the proposed social worker; NS-2026-0161 is assigned to
/// Amara Okonkwo (isw1) in the demo data. Each test starts its own app: approving and declining change the same request.
/// </summary>
public sealed class ProposedIswTests
{
    private const string CaseReference = "NS-2026-0161";

    private static async Task<(IswPanelApp App, Guid Id, PageClient Client)> StartAsync()
    {
        var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var id = await IdOf(app, CaseReference);
        var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        return (app, id, client);
    }

    [Fact]
    public async Task The_commissioner_approves_the_proposed_isw_which_the_history_records_and_the_isw_is_told()
    {
        var (app, id, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var (_, before) = await client.GetPageAsync($"/requests/{id}");
        Assert.Contains("Approve Amara Okonkwo", before.QuerySelector($"form[action='/requests/{id}/approve-isw'] button")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(before.QuerySelector($"a[href='/requests/{id}/decline-isw']"));

        var response = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/approve-isw", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, _, after) = await client.FollowAsync(response);

        var commissioner = await UserIdAsync(app, DemoUsers.Northshire);
        var assignment = await app.WithDbAsync(db => db.Assignments.SingleAsync(a => a.AssessmentRequestId == id && a.IsActive));
        Assert.Equal(commissioner, assignment.CommissionerApprovedByUserId);
        Assert.NotNull(assignment.CommissionerApprovedAt);
        Assert.Equal(AssessmentRequestStatus.Assigned, (await RequestAsync(app, CaseReference)).Status);
        Assert.Contains("You have approved Amara Okonkwo", after.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"form[action='/requests/{id}/approve-isw']"));
        Assert.Contains("Amara Okonkwo was approved by Helen Carter", after.Body!.TextContent, StringComparison.Ordinal);

        var events = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == id && e.ActorUserId == commissioner).Select(e => e.What).ToListAsync());
        Assert.Contains("Amara Okonkwo approved as the social worker for this request.", events);
        var isw = await UserIdAsync(app, DemoUsers.Isw(1));
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == isw && n.Link == $"/requests/{id}").ToListAsync());
        var notification = Assert.Single(told);
        Assert.Equal(NotificationCategories.Assignments, notification.Category);
        Assert.Equal("Northshire County Council approved you for Viability (connected person / kinship) NS-2026-0161. You can start work.", notification.Text);

        // Approving twice is refused with a message on the request page.
        var again = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/approve-isw", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You have already approved Amara Okonkwo.", (await PageClient.ParseAsync(again)).QuerySelector(".govuk-error-summary")?.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commissioner_declines_the_proposed_isw_with_a_reason_and_the_request_goes_back_to_matching()
    {
        var (app, id, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var (formResponse, form) = await client.GetPageAsync($"/requests/{id}/decline-isw");
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.Contains("Do not approve Amara Okonkwo", form.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);

        var noReason = await client.PostFormAsync($"/requests/{id}/decline-isw", $"/requests/{id}/decline-isw", [new("Form.Reason", " ")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(AssessmentRequestStatus.Assigned, (await RequestAsync(app, CaseReference)).Status);

        var response = await client.PostFormAsync($"/requests/{id}/decline-isw", $"/requests/{id}/decline-isw",
            [new("Form.Reason", "She assessed the mother's sister last year.")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var request = await RequestAsync(app, CaseReference);
        Assert.Equal(AssessmentRequestStatus.Submitted, request.Status);
        Assert.Null(request.AssignedIswId);
        var assignment = await app.WithDbAsync(db => db.Assignments.SingleAsync(a => a.AssessmentRequestId == id));
        Assert.False(assignment.IsActive);
        Assert.NotNull(assignment.EndedAt);
        Assert.Contains("She assessed the mother's sister last year.", assignment.EndReason, StringComparison.Ordinal);

        var events = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == id).Select(e => e.What).ToListAsync());
        Assert.Contains(events, e => e.StartsWith("Amara Okonkwo was not approved as the social worker: She assessed the mother's sister last year.", StringComparison.Ordinal));

        var admin = await UserIdAsync(app, DemoUsers.Admin);
        var isw = await UserIdAsync(app, DemoUsers.Isw(1));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == admin && n.Category == NotificationCategories.Requests
            && n.Link == $"/requests/{id}" && n.Text.Contains("did not approve Amara Okonkwo"))));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == isw && n.Text.Contains(CaseReference)
            && n.Text.Contains("did not approve you"))));

        // The ISW no longer sees the request; a second decision finds nothing to decide.
        using var amara = PageClient.For(app);
        await amara.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await amara.Http.GetAsync($"/requests/{id}")).StatusCode);
        var (_, late) = await client.GetPageAsync($"/requests/{id}/decline-isw");
        Assert.Contains(ApproveProposedIsw.NothingToDecide, late.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_the_contract_does_not_ask_for_approval_there_is_nothing_to_approve()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var id = await IdOf(app, "SB/26/0320");   // Southborough: assigned, contract without approval
        using var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);

        var (_, page) = await client.GetPageAsync($"/requests/{id}");
        var response = await client.PostFormAsync($"/requests/{id}", $"/requests/{id}/approve-isw", []);

        Assert.Null(page.QuerySelector($"form[action='/requests/{id}/approve-isw']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("does not ask commissioners to approve", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent,
            StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.AssessmentRequestId == id && a.CommissionerApprovedAt != null)));
    }
}
