using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>Cancelling a request: until delivery, with a reason, recorded and told; refused (409 on the API) once delivered.</summary>
public sealed class CancelRequestTests(RequestsApp fixture) : IClassFixture<RequestsApp>
{
    private IswPanelApp App => fixture.App;

    private const string Delivered = "This request has been delivered, so it can no longer be cancelled.";

    [Fact]
    public async Task A_commissioner_cancels_a_submitted_request_with_a_reason_which_the_history_records_and_administrators_are_told()
    {
        var id = await IdOf(App, "NS-2026-0170");
        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, details) = await client.GetPageAsync($"/requests/{id}");
        Assert.NotNull(details.QuerySelector($"a[href='/requests/{id}/cancel']"));
        var (confirmResponse, confirm) = await client.GetPageAsync($"/requests/{id}/cancel");
        Assert.Equal(HttpStatusCode.OK, confirmResponse.StatusCode);
        Assert.NotNull(confirm.QuerySelector("textarea[name='Form.Reason']"));

        var noReason = await client.PostFormAsync($"/requests/{id}/cancel", $"/requests/{id}/cancel", [new("Form.Reason", "")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Enter why you are cancelling the request.", (await PageClient.ParseAsync(noReason)).QuerySelector(".govuk-error-summary")?.TextContent,
            StringComparison.Ordinal);

        var response = await client.PostFormAsync($"/requests/{id}/cancel", $"/requests/{id}/cancel", [new("Form.Reason", "The court withdrew the direction.")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, _, page) = await client.FollowAsync(response);

        Assert.Equal(AssessmentRequestStatus.Cancelled, (await RequestAsync(App, "NS-2026-0170")).Status);
        Assert.Contains("NS-2026-0170 has been cancelled", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cancelled: The court withdrew the direction.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/requests/{id}/cancel']"));

        var commissioner = await UserIdAsync(App, DemoUsers.Northshire);
        var events = await App.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == id).ToListAsync());
        Assert.Contains(events, e => e.What == "Cancelled: The court withdrew the direction." && e.ActorUserId == commissioner);

        var admin = await UserIdAsync(App, DemoUsers.Admin);
        var told = await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == admin && n.Link == $"/requests/{id}").ToListAsync());
        var notification = Assert.Single(told);
        Assert.Equal(NotificationCategories.Requests, notification.Category);
        Assert.Equal("Special guardianship report NS-2026-0170 has been cancelled by the authority.", notification.Text);
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.cancelled" && e.EntityId == id.ToString())));
    }

    [Fact]
    public async Task A_delivered_request_cannot_be_cancelled_on_the_page_which_says_why()
    {
        var id = await IdOf(App, "NS-2026-0123");   // delivered in the demo data
        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, details) = await client.GetPageAsync($"/requests/{id}");
        var (_, confirm) = await client.GetPageAsync($"/requests/{id}/cancel");
        var response = await client.PostFormAsync("/requests/new", $"/requests/{id}/cancel", [new("Form.Reason", "No longer needed.")]);
        var page = await PageClient.ParseAsync(response);

        Assert.Null(details.QuerySelector($"a[href='/requests/{id}/cancel']"));
        Assert.Contains(Delivered, confirm.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
        Assert.Null(confirm.QuerySelector("textarea[name='Form.Reason']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Delivered, page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(AssessmentRequestStatus.Delivered, (await RequestAsync(App, "NS-2026-0123")).Status);
    }

    [Fact]
    public async Task A_delivered_request_cannot_be_cancelled_on_the_api_409()
    {
        var id = await IdOf(App, "NS-2026-0123");
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);

        var response = await api.PostAsJsonAsync($"/api/v1/assessment-requests/{id}/cancel", new { reason = "No longer needed." },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(Delivered, problem.GetProperty("detail").GetString());
        Assert.Equal(AssessmentRequestStatus.Delivered, (await RequestAsync(App, "NS-2026-0123")).Status);
    }

    [Fact]
    public async Task A_panel_administrator_cancels_through_the_api_without_a_body_and_the_authority_and_the_assigned_isw_are_told()
    {
        var id = await IdOf(App, "SB/26/0320");   // assigned to isw10 in the demo data
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Admin, DemoUsers.Password);

        var response = await api.PostAsync($"/api/v1/assessment-requests/{id}/cancel", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(id.ToString(), body.GetProperty("id").GetString());
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.False(await App.WithDbAsync(db => db.Assignments.AnyAsync(a => a.AssessmentRequestId == id && a.IsActive)));

        var southborough = await UserIdAsync(App, DemoUsers.Southborough);
        var isw = await UserIdAsync(App, DemoUsers.Isw(10));
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == southborough && n.Link == $"/requests/{id}")));
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == isw && n.Category == NotificationCategories.Assignments
            && n.Text.Contains("SB/26/0320"))));
    }

    [Fact]
    public async Task Cancelling_an_offered_request_withdraws_its_open_offers()
    {
        var id = await IdOf(App, "SB/26/0326");   // submitted in the demo data
        var iswProfile = await App.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName != "").Select(p => p.Id).FirstAsync());
        var admin = await UserIdAsync(App, DemoUsers.Admin);
        await App.WithDbAsync(async db =>
        {
            var request = await db.AssessmentRequests.SingleAsync(r => r.Id == id);
            var now = App.Clock.GetUtcNow().UtcDateTime;
            request.MarkOffered(now);
            db.Offers.Add(Offer.Send(id, iswProfile, admin, now, 2, now.AddDays(2), cascade: false));
            return await db.SaveChangesAsync();
        });
        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);

        var response = await client.PostFormAsync($"/requests/{id}/cancel", $"/requests/{id}/cancel", [new("Form.Reason", "Family moved away.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OfferStatus.Withdrawn, await App.WithDbAsync(db => db.Offers.Where(o => o.AssessmentRequestId == id).Select(o => o.Status).SingleAsync()));
    }
}
