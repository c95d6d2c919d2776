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
/// and each batch of items run in scopes of their own (decision 0008). The batch size is set above the items due, so
/// each sweep's items run in one batch. The find phase must send no more commands with twice the rows; a second run
/// (nothing left to do) costs the same at both sizes; each item writes within a fixed budget; and the sweeps that read
/// per batch (<see cref="ReadPerBatch"/>) send the same reads whether their batch holds 2 items or 17, the others at
/// most a fixed budget per item. The effects (how many items were due) may differ; the command count per phase may not.
/// </summary>
public sealed class SweepQueryCountTests(ScaleDataFixture fixture) : IClassFixture<ScaleDataFixture>
{
    /// <summary>
    /// The most commands one item may write with (and, for a sweep that still reads per item, read with). The heaviest
    /// writer, an overdue escalation, tells the administrators, the authority's commissioners and the ISW: one INSERT
    /// command on PostgreSQL (batched), about 25 on SQLite (one per row), depending on how many people the item's
    /// authority has, not on the table sizes.
    /// </summary>
    private const int PerItemBudget = 40;

    /// <summary>The sweeps with work on a first run at scale: they read what their items need once per batch (SweepBatch).</summary>
    private static readonly HashSet<string> ReadPerBatch =
        [RemindMilestones.Job.Id, EscalateOverdueMilestones.Job.Id, WarnLapsingDocuments.Job.Id, ChaseReferences.Job.Id];

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
            $"{"sweep",-36} {"found",6} {"find",5} {"reads",6} {"writes",6} {"again",6} | {"found",6} {"find",5} {"reads",6} {"writes",6} {"again",6}");
        foreach (var name in Sweeps.Keys)
        {
            var (s, l) = (small[name], large[name]);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{name,-36} {s.Found,6} {s.Find,5} {s.Reads,6} {s.Writes,6} {s.Again,6} | {l.Found,6} {l.Find,5} {l.Reads,6} {l.Writes,6} {l.Again,6}");
            // Sent.WithoutDoneAsync skips its query when nothing was found: one command more is not per row.
            var allowance = s.Found == 0 && l.Found > 0 ? 1 : 0;
            if (l.Find > s.Find + allowance) failures.Add($"{name}: the find phase sent {s.Find} commands, then {l.Find} with twice the rows.");
            foreach (var m in new[] { s, l }.Where(m => m.Found > 0))
            {
                if (m.Writes > PerItemBudget * m.Found)
                    failures.Add($"{name}: {m.Found} items wrote with {m.Writes} commands, over {PerItemBudget} each.");
                if (!ReadPerBatch.Contains(name) && m.Reads > PerItemBudget * m.Found)
                    failures.Add($"{name}: {m.Found} items read with {m.Reads} commands, over {PerItemBudget} each.");
            }

            if (ReadPerBatch.Contains(name) && s.Found > 0 && l.Found > 0 && s.Found != l.Found && s.Reads != l.Reads)
                failures.Add($"{name}: a batch of {s.Found} items read with {s.Reads} commands, one of {l.Found} with {l.Reads}: reads per item, not per batch.");
            if (l.Again > s.Again) failures.Add($"{name}: a second run sent {s.Again} commands, then {l.Again} with twice the rows.");
        }

        // The batched sweeps really had batches of different sizes to compare.
        Assert.All(ReadPerBatch, name => Assert.True(small[name].Found > 0 && large[name].Found > 0 && small[name].Found != large[name].Found, table.ToString()));

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
            // Contexts in the order they first sent a command: the find phase, then the batch (one: the batch size is large).
            var contexts = first.Select(c => c.Context).Distinct().ToList();
            var batch = first.Where(c => contexts.Count > 1 && c.Context != contexts[0]).ToList();
            measured[name] = new SweepCommands(report.Found, first.Count(c => c.Context == contexts.FirstOrDefault()),
                batch.Count(c => c.IsRead), batch.Count(c => !c.IsRead), again.Count);
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

    private sealed record SweepCommands(int Found, int Find, int Reads, int Writes, int Again);

    // The context id and its lease: the app pools its DbContexts, so one instance serves scope after scope.
    private sealed record Command(DbContextId Context, bool IsRead);

    /// <summary>The app on a generated world: no demo data, and the counter on its DbContext.</summary>
    private sealed class SweepCountingApp(TestDatabase database, ContextCommandCounter counter)
        : IswPanelApp(database, new Dictionary<string, string?> { ["DemoData:Enabled"] = "false", ["Jobs:SweepBatchSize"] = "1000" }, ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(counter)));
        }
    }

    /// <summary>Records, while counting, the DbContext instance of every command sent, in order, and whether it reads.</summary>
    private sealed class ContextCommandCounter : DbCommandInterceptor
    {
        private ConcurrentQueue<Command>? current;

        public async Task<(List<Command> Commands, T Result)> CountAsync<T>(Func<Task<T>> action)
        {
            var commands = new ConcurrentQueue<Command>();
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

        private void Add(DbCommand command, CommandEventData data) =>
            current?.Enqueue(new Command(data.Context?.ContextId ?? default,
                command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)));

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Add(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Add(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Add(command, eventData);
            return ValueTask.FromResult(result);
        }
    }
}
