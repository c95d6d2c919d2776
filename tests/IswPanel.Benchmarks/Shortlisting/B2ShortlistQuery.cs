using BenchmarkDotNet.Attributes;
using IswPanel.Benchmarks.Infrastructure;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Web.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Benchmarks.Shortlisting;

/// <summary>
/// B2: the whole shortlist query for one submitted request over the 10,000-ISW panel, database included: the app's
/// <see cref="Shortlister.EvaluateAsync"/> (resolved from the app's own services, one DI scope and DbContext per call,
/// as a page request has), against the baseline: the very SQL commands it sends (captured once with a command
/// interceptor, parameters and all) run on a plain pooled connection and every column of every row read with a
/// DbDataReader. The ratio is what EF Core and the shortlister add on top of the database. Target ≤ 1.5×.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class B2ShortlistQuery
{
    private BenchApp app = null!;
    private AssessmentRequest request = null!;
    private IReadOnlyList<CommandLog.Entry> commands = [];
    private string connectionString = "";

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql)]
    public DatabaseProvider Provider { get; set; }

    /// <summary>Rows the baseline read on its last call (a sanity check printed at set-up).</summary>
    public int BaselineRows { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        connectionString = Provider == DatabaseProvider.Sqlite
            ? $"Data Source={BenchDatabases.SqliteFile}"
            : BenchDatabases.Postgres;
        app = BenchApp.Start(Provider, connectionString);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The same request every run: the oldest submitted one (awaiting matching, the shortlist's case).
        request = db.AssessmentRequests.AsNoTracking()
            .Where(r => r.Status == AssessmentRequestStatus.Submitted)
            .OrderBy(r => r.CaseReference).First();

        app.Commands.Clear();
        app.Commands.Recording = true;
        var evaluation = scope.ServiceProvider.GetRequiredService<Shortlister>()
            .EvaluateAsync(request, only: null, CancellationToken.None).GetAwaiter().GetResult();
        app.Commands.Recording = false;
        commands = app.Commands.Entries;
        BaselineRows = RawAdoNet().GetAwaiter().GetResult();
        Console.WriteLine($"// B2 {Provider}: request {request.CaseReference}, {evaluation.Candidates.Length} candidates, "
            + $"{commands.Count} SQL commands, {BaselineRows} rows read raw");
        if (Environment.GetEnvironmentVariable("ISWPANEL_BENCH_SHOW_SQL") == "1")
            foreach (var command in commands) Console.WriteLine($"// SQL:\n{command.Sql}\n");
    }

    [GlobalCleanup]
    public void Cleanup() => app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Raw ADO.NET: the same SQL, DbDataReader")]
    public async Task<int> RawAdoNet()
    {
        await using var connection = await BenchDatabases.OpenRawAsync(Provider, connectionString);
        var rows = 0;
        foreach (var entry in commands)
        {
            await using var command = entry.On(connection);

            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }

        return rows;
    }

    [Benchmark(Description = "Shortlister.EvaluateAsync (EF Core)")]
    public async Task<int> Shortlister()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var evaluation = await scope.ServiceProvider.GetRequiredService<Shortlister>().EvaluateAsync(request, only: null, CancellationToken.None);
        return evaluation.Candidates.Length;
    }
}
