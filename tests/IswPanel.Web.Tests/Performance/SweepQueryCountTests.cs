using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using IswPanel.Data;
using IswPanel.DataGenerator;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using IswPanel.Web.Features.Retention;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Performance;

/// <summary>
/// Issue 10, B4: a sweep's SQL commands do not grow with the rows. Each sweep runs on a small generated world and on one
/// twice its size (same seed and shape); commands are told apart by the DbContext that sent them, since the find phase
/// and each item run in scopes of their own (decision 0008). The find phase must send no more commands with twice the
/// rows, each item's unit of work stays within a fixed budget, and a second run (nothing left to do) costs the same at
/// both sizes. The effects (how many items were due) may differ; the command count per phase may not.
/// </summary>
public sealed class SweepQueryCountTests(ScaleDataFixture fixture) : IClassFixture<ScaleDataFixture>
{
    /// <summary>
    /// The most commands one item's unit of work may send. The heaviest, an overdue escalation, tells the administrators,
    /// the authority's commissioners and the ISW: ≤13 commands on PostgreSQL (inserts batched), 24–26 on SQLite (one
    /// INSERT per notification row), depending on how many people the item's authority has, not on the table sizes.
    /// </summary>
    private const int PerItemBudget = 40;

    private static readonly ScaleDataOptions Base = new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = "-",
        Seed = 7,
        Isws = 60,
        Authorities = 3,
        Requests = 600,
    };

    private static readonly IReadOnlyDictionary<string, Func<IServiceProvider, CancellationToken, Task<SweepReport>>> Sweeps =
        new Dictionary<string, Func<IServiceProvider, CancellationToken, Task<SweepReport>>>
        {
            [ExpireOffers.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<ExpireOffers.Job>(s).RunAsync(c),
            [RemindMilestones.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<RemindMilestones.Job>(s).RunAsync(c),
            [EscalateOverdueMilestones.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<EscalateOverdueMilestones.Job>(s).RunAsync(c),
            [LapsedDocumentsJob.Id] = (s, c) => ActivatorUtilities.CreateInstance<LapsedDocumentsJob>(s).RunAsync(c),
            [WarnLapsingDocuments.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<WarnLapsingDocuments.Job>(s).RunAsync(c),
            [AtRiskRequests.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<AtRiskRequests.Job>(s).RunAsync(c),
            [RegistrationsToReverify.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<RegistrationsToReverify.Job>(s).RunAsync(c),
            [ChaseReferences.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<ChaseReferences.Job>(s).RunAsync(c),
            [ChaseStalledApplications.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<ChaseStalledApplications.Job>(s).RunAsync(c),
            [RetentionDue.Job.Id] = (s, c) => ActivatorUtilities.CreateInstance<RetentionDue.Job>(s).RunAsync(c),
        };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task No_sweep_sends_more_commands_when_the_data_doubles(DatabaseProvider provider)
    {
        var small = await MeasureAsync(Base with { Provider = provider });
        var large = await MeasureAsync(Base with { Provider = provider, Isws = Base.Isws * 2, Authorities = Base.Authorities * 2, Requests = Base.Requests * 2 });

        var failures = new List<string>();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"{"sweep",-36} {"found",6} {"find",5} {"item",5} {"again",6} | {"found",6} {"find",5} {"item",5} {"again",6}");
        foreach (var name in Sweeps.Keys)
        {
            var (s, l) = (small[name], large[name]);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{name,-36} {s.Found,6} {s.Find,5} {s.MaxPerItem,5} {s.Again,6} | {l.Found,6} {l.Find,5} {l.MaxPerItem,5} {l.Again,6}");
            // Sent.WithoutDoneAsync skips its query when nothing was found: one command more is not per row.
            var allowance = s.Found == 0 && l.Found > 0 ? 1 : 0;
            if (l.Find > s.Find + allowance) failures.Add($"{name}: the find phase sent {s.Find} commands, then {l.Find} with twice the rows.");
            if (Math.Max(s.MaxPerItem, l.MaxPerItem) > PerItemBudget)
                failures.Add($"{name}: an item's unit of work sent {Math.Max(s.MaxPerItem, l.MaxPerItem)} commands, over {PerItemBudget}.");
            if (l.Again > s.Again) failures.Add($"{name}: a second run sent {s.Again} commands, then {l.Again} with twice the rows.");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, $"{string.Join("\n", failures)}\n\n{table}");
        // The worlds really differ and the sweeps really worked: something was due, and more of it in the larger world.
        Assert.True(large.Values.Sum(m => m.Found) > small.Values.Sum(m => m.Found), table.ToString());
        Assert.All(small.Values, m => Assert.True(m.Find > 0));
    }

    private async Task<Dictionary<string, SweepCommands>> MeasureAsync(ScaleDataOptions options)
    {
        var world = await fixture.GenerateAsync(options);
        var counter = new ContextCommandCounter();
        await using var app = new SweepCountingApp(world.Database, counter);
        _ = app.Services;
        var measured = new Dictionary<string, SweepCommands>();
        foreach (var (name, sweep) in Sweeps)
        {
            var (first, report) = await counter.CountAsync(() => RunAsync(sweep, app.Services));
            var (again, _) = await counter.CountAsync(() => RunAsync(sweep, app.Services));
            var byContext = first.GroupBy(c => c).Select(g => g.Count()).ToList();
            measured[name] = new SweepCommands(report.Found, byContext.FirstOrDefault(), byContext.Skip(1).DefaultIfEmpty(0).Max(), again.Count);
        }

        return measured;
    }

    private static async Task<SweepReport> RunAsync(Func<IServiceProvider, CancellationToken, Task<SweepReport>> sweep, IServiceProvider services)
    {
        try
        {
            return await sweep(services, TestContext.Current.CancellationToken);
        }
        catch (SweepFailedException failed)
        {
            return failed.Report;
        }
    }

    private sealed record SweepCommands(int Found, int Find, int MaxPerItem, int Again);

    /// <summary>The app on a generated world: no demo data, and the counter on its DbContext.</summary>
    private sealed class SweepCountingApp(TestDatabase database, ContextCommandCounter counter)
        : IswPanelApp(database, new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" }, ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(counter)));
        }
    }

    /// <summary>Records, while counting, the DbContext instance of every command sent, in order.</summary>
    private sealed class ContextCommandCounter : DbCommandInterceptor
    {
        private ConcurrentQueue<Guid>? current;

        public async Task<(List<Guid> Commands, T Result)> CountAsync<T>(Func<Task<T>> action)
        {
            var commands = new ConcurrentQueue<Guid>();
            current = commands;
            try
            {
                var result = await action();
                return ([.. commands], result);
            }
            finally
            {
                current = null;
            }
        }

        private void Add(CommandEventData data) => current?.Enqueue(data.Context?.ContextId.InstanceId ?? Guid.Empty);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Add(eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Add(eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(eventData);
            return ValueTask.FromResult(result);
        }
    }
}
