using BenchmarkDotNet.Attributes;
using IswPanel.Benchmarks.Infrastructure;
using IswPanel.Data;
using IswPanel.Web.Features.Deadlines;

namespace IswPanel.Benchmarks.Deadlines;

/// <summary>
/// B4b: each sweep in the steady state over 100,000 requests and 10,000 ISWs on PostgreSQL: a fresh copy of the
/// generated data has every sweep run once first (the due work done, as B4a measures), then each benchmark runs one
/// sweep again and again, as Hangfire would on its schedule. The find phase scans the whole data set every time; what it
/// finds is already done. Target: under 2 s, and a constant number of SQL commands (printed per sweep).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class B4SteadySweeps
{
    private const string Copy = "iswpanel_bench_b4b";
    private static BenchApp? app;

    [ParamsSource(nameof(Sweeps))]
    public string Sweep { get; set; } = "";

    public static IEnumerable<string> Sweeps => SweepCatalogue.Names;

    [GlobalSetup]
    public void Setup()
    {
        // In process, every case shares one copy and one app: copying and the first pass happen once per run.
        if (app is null)
        {
            var connectionString = BenchDatabases.PostgresCopyAsync(Copy).GetAwaiter().GetResult();
            app = BenchApp.Start(DatabaseProvider.PostgreSql, connectionString);
            foreach (var sweep in SweepCatalogue.All.Values) Run(sweep);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
                BenchDatabases.DropPostgresAsync(Copy).GetAwaiter().GetResult();
            };
        }

        app.Commands.Clear();
        app.Commands.Recording = true;
        var report = Run(SweepCatalogue.All[Sweep]);
        app.Commands.Recording = false;
        Console.WriteLine($"// B4 {Sweep}: steady state found {report.Found}, done {report.Done}, {app.Commands.Count} SQL commands");
    }

    private static SweepReport Run(Func<IServiceProvider, CancellationToken, Task<SweepReport>> sweep)
    {
        try
        {
            return sweep(app!.Services, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (SweepFailedException failed)
        {
            return failed.Report;
        }
    }

    [Benchmark(Description = "One sweep, steady state")]
    public Task<SweepReport> RunSweep() => SweepCatalogue.All[Sweep](app!.Services, CancellationToken.None);
}
