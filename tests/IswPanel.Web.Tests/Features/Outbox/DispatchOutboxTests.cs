using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Outbox;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Outbox;

/// <summary>The dispatcher hands each waiting email to one delivery job, however many dispatchers run at once.</summary>
public sealed class DispatchOutboxTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_dispatchers_racing_on_two_servers_enqueue_each_email_once(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++) ids.Add(await OutboxScenario.AddEmailAsync(app, to: $"person{i}@example.test"));
        var firstJobs = new RecordingJobClient();
        var secondJobs = new RecordingJobClient();
        var first = app.WithJobs(firstJobs);
        await using var secondInstance = app.SecondInstance();
        var second = secondInstance.WithJobs(secondJobs);

        // Both servers' minute comes round at the same moment, twice each.
        using var start = new SemaphoreSlim(0);
        var runs = new[] { first, second, first, second }.Select(async server =>
        {
            await start.WaitAsync(TestContext.Current.CancellationToken);
            return await OutboxScenario.DispatchAsync(server.Services);
        }).ToList();
        start.Release(runs.Count);
        var enqueuedByRuns = await Task.WhenAll(runs);

        // A SQLite writer that waited too long gives up its claims: the next minute's run picks those up.
        var later = await OutboxScenario.DispatchAsync(first.Services) + await OutboxScenario.DispatchAsync(second.Services);

        var enqueued = firstJobs.Deliveries.Concat(secondJobs.Deliveries).ToList();
        Assert.Equal(enqueued.Count, enqueuedByRuns.Sum() + later);
        Assert.Equal(ids.Order(), enqueued.Order());
        Assert.Equal(0, await OutboxScenario.DispatchAsync(first.Services));
        Assert.Equal(25, await app.WithDbAsync(db => db.JobEffects.CountAsync(e => e.Key.StartsWith("email-queued:"))));
    }

    [Fact]
    public async Task A_unit_of_work_that_wrote_emails_starts_the_dispatcher_once_it_is_saved()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var jobs = new RecordingJobClient();
        var server = app.WithJobs(jobs);
        var request = await Matching.MatchingScenario.SubmittedRequestAsync(app);
        using var commissioner = await OutboxScenario.ApiClientAsync(server, DemoUsers.Northshire);

        var response = await commissioner.PostAsJsonAsync($"/api/v1/assessment-requests/{request}/cancel", new { reason = "No longer needed." },
            TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Assert.True(await app.WithDbAsync(db => db.OutboxEmails.AnyAsync()));
        Assert.Equal(1, jobs.Dispatches);
        Assert.Empty(jobs.Deliveries); // the dispatcher, not the request, claims and enqueues deliveries
    }

    [Fact]
    public async Task A_sent_or_given_up_email_is_never_dispatched()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var sent = await OutboxScenario.AddEmailAsync(app);
        var givenUp = await OutboxScenario.AddEmailAsync(app);
        var waiting = await OutboxScenario.AddEmailAsync(app);
        await app.WithDbAsync(async db =>
        {
            (await db.OutboxEmails.SingleAsync(e => e.Id == sent)).SentAt = app.Clock.GetUtcNow().UtcDateTime;
            (await db.OutboxEmails.SingleAsync(e => e.Id == givenUp)).GaveUpAt = app.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });
        var jobs = new RecordingJobClient();

        Assert.Equal(1, await OutboxScenario.DispatchAsync(app.WithJobs(jobs).Services));

        Assert.Equal(waiting, Assert.Single(jobs.Deliveries));
    }
}
