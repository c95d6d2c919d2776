using System.Diagnostics;
using IswPanel.Benchmarks.Infrastructure;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Web.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Benchmarks.Shortlisting;

/// <summary>
/// B2's diagnosis, not a benchmark: each SQL command the shortlist sends for B2's request, with the best of three
/// timings run raw. Shows which command costs what before anything is changed. Usage: shortlist-sql [sqlite|postgres].
/// </summary>
public static class ShortlistSql
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args is ["postgres", ..] ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var connectionString = provider == DatabaseProvider.Sqlite ? $"Data Source={BenchDatabases.SqliteFile}" : BenchDatabases.Postgres;
        await using var app = BenchApp.Start(provider, connectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var request = await db.AssessmentRequests.AsNoTracking()
            .Where(r => r.Status == AssessmentRequestStatus.Submitted)
            .OrderBy(r => r.CaseReference).FirstAsync();
        app.Commands.Recording = true;
        var watch = Stopwatch.StartNew();
        var evaluation = await scope.ServiceProvider.GetRequiredService<Shortlister>().EvaluateAsync(request, only: null, CancellationToken.None);
        watch.Stop();
        app.Commands.Recording = false;
        var first = watch.Elapsed;
        var bestAgain = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            watch.Restart();
            await using (var again = app.Services.CreateAsyncScope())
                await again.ServiceProvider.GetRequiredService<Shortlister>().EvaluateAsync(request, only: null, CancellationToken.None);
            if (watch.Elapsed < bestAgain) bestAgain = watch.Elapsed;
        }

        Console.WriteLine($"{provider}: request {request.CaseReference}, {evaluation.Candidates.Length} candidates, "
            + $"{app.Commands.Count} commands, first call {first.TotalMilliseconds:0} ms, best of five more {bestAgain.TotalMilliseconds:0} ms");

        await using var connection = await BenchDatabases.OpenRawAsync(provider, connectionString);
        foreach (var entry in app.Commands.Entries)
        {
            var best = double.MaxValue;
            var rows = 0;
            for (var run = 0; run < 3; run++)
            {
                await using var command = entry.On(connection);

                var timer = Stopwatch.StartNew();
                await using var reader = await command.ExecuteReaderAsync();
                rows = 0;
                while (await reader.ReadAsync()) rows++;
                best = Math.Min(best, timer.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"-- {best:0.0} ms, {rows} rows\n{entry.Sql}\n");
        }

        return 0;
    }
}
