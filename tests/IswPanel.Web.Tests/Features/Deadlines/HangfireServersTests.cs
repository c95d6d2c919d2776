using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static IswPanel.Web.Tests.Features.Deadlines.ConcurrentSweepsTests;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

/// <summary>
/// Hangfire keeps process-wide state (its log provider points at the last app's logger factory), so these tests run
/// alone: another test's app being disposed meanwhile would pull the logger from under the servers.
/// </summary>
[CollectionDefinition(nameof(HangfireGlobalState), DisableParallelization = true)]
public sealed class HangfireGlobalState;

[Collection(nameof(HangfireGlobalState))]
public sealed class HangfireServersTests
{
    /// <summary>
    /// Real Hangfire: two BackgroundJobServers on Hangfire.PostgreSql storage in the test database, each resolving
    /// jobs from its own app instance; the recurring offer-expiry job is triggered twice, so both servers pick one up.
    /// </summary>
    [Fact]
    public async Task Two_hangfire_servers_running_the_triggered_recurring_sweeps_produce_each_effect_exactly_once()
    {
        await using var app = await StartAsync(DatabaseProvider.PostgreSql);
        var offered = await ScenarioAsync(app);
        await using var second = app.SecondInstance();
        MoveTo(app, Day);
        MoveTo(second, Day);

        var storage = new PostgreSqlStorage(new Connections(app.Database.ConnectionString), new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire_test",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
        });
        BackgroundJobServer Server(IswPanelApp instance, string name) => new(new BackgroundJobServerOptions
        {
            ServerName = name,
            WorkerCount = 2,
            Activator = new AspNetCoreJobActivator(instance.Services.GetRequiredService<IServiceScopeFactory>()),
            SchedulePollingInterval = TimeSpan.FromMilliseconds(500),
            ServerCheckInterval = TimeSpan.FromSeconds(5),
        }, storage);

        var manager = new RecurringJobManager(storage);
        var options = new RecurringJobOptions { TimeZone = Web.Infrastructure.Configuration.UkClock.UkTimeZone };
        manager.AddOrUpdate<ExpireOffers.Job>(ExpireOffers.Job.Id, job => job.RunAsync(CancellationToken.None), Cron.Never(), options);
        manager.AddOrUpdate<LapsedDocumentsJob>(LapsedDocumentsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Never(), options);
        manager.AddOrUpdate<RemindMilestones.Job>(RemindMilestones.Job.Id, job => job.RunAsync(CancellationToken.None), Cron.Never(), options);
        manager.AddOrUpdate<EscalateOverdueMilestones.Job>(EscalateOverdueMilestones.Job.Id, job => job.RunAsync(CancellationToken.None), Cron.Never(), options);
        string[] ids = [ExpireOffers.Job.Id, LapsedDocumentsJob.Id, RemindMilestones.Job.Id, EscalateOverdueMilestones.Job.Id];

        using (var a = Server(app, "server-a"))
        using (var b = Server(second, "server-b"))
        {
            foreach (var id in ids)
            {
                manager.Trigger(id);
                manager.Trigger(id);
            }

            var monitoring = storage.GetMonitoringApi();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (monitoring.SucceededListCount() < ids.Length * 2)
            {
                // A failed attempt is retried later (Hangfire's AutomaticRetry): report it now rather than wait for the retry.
                var problems = monitoring.ScheduledJobs(0, 20).Select(j => j.Key)
                    .Concat(monitoring.FailedJobs(0, 20).Select(j => j.Key))
                    .Select(id => monitoring.JobDetails(id).History.FirstOrDefault(h => h.Data.ContainsKey("ExceptionMessage")))
                    .Where(h => h is not null).Select(h => $"{h!.Data["ExceptionType"]}: {h.Data["ExceptionMessage"]}").ToList();
                Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2),
                    $"The Hangfire servers did not finish the triggered jobs within two minutes: {monitoring.SucceededListCount()} succeeded, " +
                    $"{monitoring.ProcessingCount()} processing, {monitoring.EnqueuedCount("default")} enqueued, {monitoring.Servers().Count} servers.");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.Equal(0, monitoring.FailedCount());
            Assert.Equal(ids.Length * 2, monitoring.SucceededListCount());
        }

        Assert.Equal(1, await KeysAsync(app, "offer-expired:"));
        // Chloe Bennett's lapsed insurance, and Olu Adeyemi's registration not verified again for the new registration year.
        Assert.Equal(2, await KeysAsync(app, "suspended:"));
        Assert.True(await KeysAsync(app, "reminder:") > 0);
        await AssertChangedOnceAsync(app, offered);
    }

    private sealed class Connections(string connectionString) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => new(connectionString);
    }
}
