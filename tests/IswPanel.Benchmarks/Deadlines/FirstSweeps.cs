using System.Diagnostics;
using System.Globalization;
using IswPanel.Benchmarks.Infrastructure;
using IswPanel.Data;
using IswPanel.Web.Features.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IswPanel.Benchmarks.Deadlines;

/// <summary>
/// B4a: each sweep once on a fresh copy of the generated data, where real work is due (reminders, expiries,
/// escalations), timed with a stopwatch and its SQL commands counted by DbContext: the first context is the find
/// phase, each further one a batch of items (Jobs:SweepBatchSize; an item run alone is a batch of one). Commits and
/// savepoints are counted beside the commands. Then each sweep again (nothing left to do: the steady state).
/// Not BenchmarkDotNet: a first run happens once. Usage: first-sweeps [postgres|sqlite].
/// </summary>
public static class FirstSweeps
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args is ["sqlite", ..] ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        const string copy = "iswpanel_bench_b4a";
        var sqlitePath = Path.Combine(Path.GetDirectoryName(BenchDatabases.SqliteFile)!, "bench-b4a.db");
        var copyWatch = Stopwatch.StartNew();
        var connectionString = provider == DatabaseProvider.PostgreSql
            ? await BenchDatabases.PostgresCopyAsync(copy)
            : BenchDatabases.SqliteCopy(sqlitePath);
        Console.WriteLine($"B4a on {provider}: fresh copy of the generated data in {copyWatch.Elapsed.TotalSeconds:0.0} s");
        try
        {
            await using var app = BenchApp.Start(provider, connectionString);
            Console.WriteLine($"Jobs:SweepBatchSize = {app.Services.GetRequiredService<IOptions<SweepOptions>>().Value.SweepBatchSize} (set Jobs__SweepBatchSize to change it)");
            var table = new List<string>
            {
                "| sweep | run | found | done | not due | already | failed | time (s) | app CPU (s) | commands | commits + savepoints | find-phase commands | batches | max per batch (commands + commits/savepoints) |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            };
            foreach (var run in new[] { "first", "second" })
            {
                // ISWPANEL_BENCH_SWEEPS=name,name: only these (to profile one sweep).
                var only = Environment.GetEnvironmentVariable("ISWPANEL_BENCH_SWEEPS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                foreach (var (name, sweep) in SweepCatalogue.All.Where(s => only is null || only.Contains(s.Key)))
                {
                    app.Commands.Clear();
                    app.Transactions.Clear();
                    app.Commands.Recording = true;
                    app.Transactions.Recording = true;
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    SweepReport report;
                    try
                    {
                        report = await sweep(app.Services, CancellationToken.None);
                    }
                    catch (SweepFailedException failed)
                    {
                        report = failed.Report;
                    }

                    watch.Stop();
                    // The benchmark process's own CPU (all threads): what the app spent, against the wall time (the database, the wait).
                    var appCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    app.Commands.Recording = false;
                    app.Transactions.Recording = false;
                    var commands = app.Commands.Entries.Select(e => e.ContextId).ToList();
                    var transactions = app.Transactions.Entries;
                    // Contexts in the order they first sent something: the find phase first, then each batch.
                    var contexts = commands.Distinct().ToList();
                    var find = commands.Count(c => contexts.Count > 0 && c == contexts[0]);
                    var batches = contexts.Skip(1).Concat(transactions.Distinct()).Distinct().ToList();
                    var perBatch = batches.Select(c => commands.Count(x => x == c) + transactions.Count(x => x == c)).DefaultIfEmpty(0).Max();
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {run} | {report.Found:N0} | {report.Done:N0} | {report.NotDue:N0} | {report.AlreadyDone:N0} | {report.Failed:N0} | {watch.Elapsed.TotalSeconds:0.000} | {appCpu.TotalSeconds:0.000} | {commands.Count:N0} | {transactions.Count:N0} | {find} | {batches.Count:N0} | {perBatch} |");
                    table.Add(line);
                    Console.WriteLine(line);
                    // ISWPANEL_BENCH_SWEEP_SQL=1: the commands sent most often, to find what is still read per item.
                    if (Environment.GetEnvironmentVariable("ISWPANEL_BENCH_SWEEP_SQL") == "1")
                    {
                        foreach (var sql in app.Commands.Entries.GroupBy(e => e.Sql).OrderByDescending(g => g.Count()).Take(6))
                            Console.WriteLine($"    {sql.Count(),6} × {sql.Key.ReplaceLineEndings(" ")[..Math.Min(200, sql.Key.Length)]}");
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine(string.Join(Environment.NewLine, table));
        }
        finally
        {
            if (provider == DatabaseProvider.PostgreSql) await BenchDatabases.DropPostgresAsync(copy);
            else File.Delete(sqlitePath);
        }

        return 0;
    }
}
