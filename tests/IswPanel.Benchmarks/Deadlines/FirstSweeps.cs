using System.Diagnostics;
using System.Globalization;
using IswPanel.Benchmarks.Infrastructure;
using IswPanel.Data;
using IswPanel.Web.Features.Deadlines;

namespace IswPanel.Benchmarks.Deadlines;

/// <summary>
/// B4a: each sweep once on a fresh copy of the generated data, where real work is due (reminders, expiries,
/// escalations), timed with a stopwatch and its SQL commands counted by DbContext: the first context is the find
/// phase, each further one an item's unit of work. Then each sweep again (nothing left to do: the steady state).
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
            var table = new List<string>
            {
                "| sweep | run | found | done | not due | already | failed | time (s) | commands | find-phase commands | max per item |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            };
            foreach (var run in new[] { "first", "second" })
            {
                foreach (var (name, sweep) in SweepCatalogue.All)
                {
                    app.Commands.Clear();
                    app.Commands.Recording = true;
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
                    app.Commands.Recording = false;
                    var byContext = app.Commands.Entries.GroupBy(e => e.ContextId).Select(g => g.Count()).ToList();
                    var find = byContext.FirstOrDefault();
                    var perItem = byContext.Skip(1).DefaultIfEmpty(0).Max();
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {run} | {report.Found:N0} | {report.Done:N0} | {report.NotDue:N0} | {report.AlreadyDone:N0} | {report.Failed:N0} | {watch.Elapsed.TotalSeconds:0.000} | {app.Commands.Count:N0} | {find} | {perItem} |");
                    table.Add(line);
                    Console.WriteLine(line);
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
