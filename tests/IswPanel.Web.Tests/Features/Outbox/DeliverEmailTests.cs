using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Outbox;

/// <summary>Delivery through a real SMTP server listening on loopback: each email arrives exactly once.</summary>
public sealed class DeliverEmailTests
{
    [Fact]
    public async Task A_killed_delivery_job_retried_sends_one_email()
    {
        await using var sink = SmtpSink.Start();
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, sink.Settings);
        var jobs = new RecordingJobClient();
        var server = app.WithJobs(jobs);
        var id = await OutboxScenario.AddEmailAsync(app, to: "isw@example.test", subject: "IswPanel: news about an offer of work");

        // The dispatcher claims the email and enqueues its one delivery job.
        Assert.Equal(1, await OutboxScenario.DispatchAsync(server.Services));
        Assert.Equal(id, Assert.Single(jobs.Deliveries));

        // The job is killed mid-send: the server is still waiting for DATA's answer when the worker stops.
        using var kill = new CancellationTokenSource();
        var hanging = sink.StallAtNextData();
        var killed = OutboxScenario.DeliverAsync(server.Services, id, kill.Token);
        await hanging.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed);
        Assert.Empty(sink.Messages);
        var afterKill = await OutboxScenario.EmailAsync(app, id);
        Assert.Null(afterKill.SentAt);
        Assert.Equal(0, afterKill.Attempts); // a killed try leaves no trace, as a killed process would

        // Hangfire retries the job: one message arrives, and it is marked sent.
        await OutboxScenario.DeliverAsync(server.Services, id);
        var message = Assert.Single(sink.Messages);
        Assert.Equal("isw@example.test", Assert.Single(message.To));
        Assert.Equal("IswPanel: news about an offer of work", message.Parse().Subject);
        Assert.NotNull((await OutboxScenario.EmailAsync(app, id)).SentAt);

        // A retry that runs after all (a duplicate execution) sends nothing more; nor does another dispatcher.
        await OutboxScenario.DeliverAsync(server.Services, id);
        Assert.Equal(0, await OutboxScenario.DispatchAsync(server.Services));
        Assert.Single(sink.Messages);
        Assert.Single(jobs.Deliveries);
    }

    [Fact]
    public async Task A_send_cut_off_halfway_is_recorded_and_its_retry_sends_one_email()
    {
        await using var sink = SmtpSink.Start();
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, sink.Settings);
        var id = await OutboxScenario.AddEmailAsync(app);
        sink.DropAtNextData();

        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => OutboxScenario.DeliverAsync(app.Services, id));
        var failed = await OutboxScenario.EmailAsync(app, id);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Null(failed.SentAt);
        Assert.Null(failed.GaveUpAt);
        Assert.Empty(sink.Messages);

        await OutboxScenario.DeliverAsync(app.Services, id);
        Assert.Single(sink.Messages);
        var sent = await OutboxScenario.EmailAsync(app, id);
        Assert.Equal(2, sent.Attempts);
        Assert.NotNull(sent.SentAt);
    }

    [Fact]
    public async Task Delivering_the_same_email_twice_sends_it_once()
    {
        await using var sink = SmtpSink.Start();
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, sink.Settings);
        var id = await OutboxScenario.AddEmailAsync(app);

        await OutboxScenario.DeliverAsync(app.Services, id);
        await OutboxScenario.DeliverAsync(app.Services, id);

        Assert.Single(sink.Messages);
        Assert.Equal(1, (await OutboxScenario.EmailAsync(app, id)).Attempts);
    }

    [Fact]
    public async Task Without_an_smtp_host_emails_are_written_as_eml_files()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var id = await OutboxScenario.AddEmailAsync(app, subject: "IswPanel: a deadline needs attention");

        await OutboxScenario.DeliverAsync(app.Services, id);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml"));
        Assert.Contains("Subject: IswPanel: a deadline needs attention", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotNull((await OutboxScenario.EmailAsync(app, id)).SentAt);
    }

    [Fact]
    public async Task After_the_last_try_fails_the_email_is_given_up_and_hangfire_is_told_not_to_retry()
    {
        await using var sink = SmtpSink.Start();
        var settings = new Dictionary<string, string?>(sink.Settings) { ["Outbox:Retries"] = "2" };
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite, settings);
        var id = await OutboxScenario.AddEmailAsync(app);
        sink.RefuseMessages = true;

        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => OutboxScenario.DeliverAsync(app.Services, id));
        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => OutboxScenario.DeliverAsync(app.Services, id));
        Assert.Null((await OutboxScenario.EmailAsync(app, id)).GaveUpAt);
        await Assert.ThrowsAsync<EmailGivenUpException>(() => OutboxScenario.DeliverAsync(app.Services, id));

        var email = await OutboxScenario.EmailAsync(app, id);
        Assert.Equal(3, email.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, email.GaveUpAt);
        Assert.Contains("Refused by the test sink", email.LastError, StringComparison.Ordinal);

        // A given-up email is not sent by a stray run, nor dispatched again, until an administrator says so.
        sink.RefuseMessages = false;
        await OutboxScenario.DeliverAsync(app.Services, id);
        Assert.Empty(sink.Messages);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.SentAt == null && e.GaveUpAt == null)));
    }

    [Fact]
    public void The_delivery_job_retries_with_back_off_and_never_retries_a_given_up_email()
    {
        // Read without constructing the attribute: its constructor asks Hangfire's process-wide log provider for a logger.
        var retry = typeof(DeliverEmailJob).GetMethod(nameof(DeliverEmailJob.RunAsync))!.GetCustomAttributesData()
            .Single(a => a.AttributeType == typeof(Hangfire.AutomaticRetryAttribute)).NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
        var delays = ((IEnumerable<System.Reflection.CustomAttributeTypedArgument>)retry["DelaysInSeconds"]!).Select(a => (int)a.Value!).ToList();
        var exceptOn = ((IEnumerable<System.Reflection.CustomAttributeTypedArgument>)retry["ExceptOn"]!).Select(a => (Type)a.Value!).ToList();

        Assert.Equal(DeliverEmail.MaxRetries, retry["Attempts"]);
        Assert.Equal(DeliverEmail.MaxRetries, delays.Count);
        Assert.True(delays.Zip(delays.Skip(1)).All(pair => pair.First <= pair.Second), "Delays never shorten.");
        Assert.Contains(typeof(EmailGivenUpException), exceptOn);
    }
}
