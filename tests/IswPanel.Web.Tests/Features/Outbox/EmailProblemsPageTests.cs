using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Outbox;

/// <summary>/admin/email: what failed every try, with its error, and "Try again".</summary>
public sealed class EmailProblemsPageTests
{
    [Fact]
    public async Task An_email_given_up_after_its_last_try_shows_with_its_error_and_try_again_sends_it_once()
    {
        await using var sink = SmtpSink.Start();
        var settings = new Dictionary<string, string?>(sink.Settings) { ["Outbox:Retries"] = "1" };
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, settings);
        var jobs = new RecordingJobClient();
        var server = app.WithJobs(jobs);
        var id = await OutboxScenario.AddEmailAsync(app, to: "unlucky@example.test", subject: "IswPanel: news about an assignment");
        var waiting = await OutboxScenario.AddEmailAsync(app, to: "patient@example.test");
        await OutboxScenario.DispatchAsync(server.Services);
        sink.RefuseMessages = true;
        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => OutboxScenario.DeliverAsync(server.Services, id));
        await Assert.ThrowsAsync<EmailGivenUpException>(() => OutboxScenario.DeliverAsync(server.Services, id));

        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (response, page) = await admin.GetPageAsync("/admin/email");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelector($"tr[data-email-id='{id}']");
        Assert.NotNull(row);
        Assert.Contains("unlucky@example.test", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Refused by the test sink", row.QuerySelector(".app-last-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"tr[data-email-id='{waiting}']"));
        Assert.Contains("1 email is waiting to be sent.", page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/admin/email']")); // "Email problems" in the navigation

        // Try again: the email starts afresh, and the next dispatcher hands it to one new delivery job.
        var tried = await admin.PostFormAsync("/admin/email", $"/admin/email/{id}/try-again", []);
        var (path, _, after) = await admin.FollowAsync(tried);
        Assert.Equal("/admin/email", path);
        Assert.Contains("will be tried again", after.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#no-failures"));
        var reset = await OutboxScenario.EmailAsync(app, id);
        Assert.Null(reset.GaveUpAt);
        Assert.Equal(0, reset.Attempts);

        var again = await admin.PostFormAsync("/admin/email", $"/admin/email/{id}/try-again", []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // refused politely: it is already being tried

        sink.RefuseMessages = false;
        await OutboxScenario.DispatchAsync(server.Services);
        Assert.Equal(2, jobs.Deliveries.Count(d => d == id));
        await OutboxScenario.DeliverAsync(server.Services, id);
        Assert.Equal("unlucky@example.test", Assert.Single(Assert.Single(sink.Messages).To));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == Web.Infrastructure.Audit.AuditActions.EmailRetried)));
    }

    [Fact]
    public async Task A_commissioner_cannot_see_the_email_problems_page()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var commissioner = PageClient.For(app);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, response, _) = await commissioner.FollowAsync(await commissioner.Http.GetAsync("/admin/email"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
