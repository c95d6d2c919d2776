using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IswPanel.Benchmarks.Infrastructure;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Offers;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Results;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Benchmarks.Offers;

/// <summary>
/// B5: 64 ISWs accept offers for the same request at the same moment, against one uncontended acceptance (the baseline:
/// the same request shape, 64 open offers, one ISW accepts). Each iteration gets a fresh submitted request from the
/// generated data and 64 fresh offers (IterationSetup), so every iteration really races.
/// <para>
/// Driven through the mediator, one DI scope per acceptance (as one HTTP request has), with the ISW's principal on the
/// scope's HttpContext so the app's own ICurrentUser sees it: the race is between the use case's reads, the unit of
/// work's SaveChanges, the concurrency tokens and the unique active-assignment index, and none of it is hidden behind
/// an HTTP stack that would queue the 64 calls (TestServer) or add sign-in and session lookups per call. The API
/// answers a Conflict with 409, an exception with 500: so every call must end Ok or Conflict, never throw.
/// </para>
/// Targets: exactly one success per race; the contended acceptances' p95 within 3× the uncontended mean. Each
/// acceptance's own latency is recorded and summarised at the end (BenchmarkDotNet's own figures are per burst).
/// </summary>
[Config(typeof(B5Config))]
public class B5ConcurrentAcceptance
{
    public const int Racers = 64;

    /// <summary>BenchmarkDotNet's measured iterations, which come after its jitting and warm-up calls.</summary>
    private const int MeasuredIterations = 10;

    /// <summary>Each call's latencies, in call order: only the last <see cref="MeasuredIterations"/> calls are summarised.</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<double[]>> Latencies = new();
    private static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Anomalies = new();
    private static readonly ConcurrentDictionary<string, double> Means = new();

    private BenchApp app = null!;
    private string copy = "";
    private Queue<Guid> requests = new();
    private (Guid ProfileId, Guid UserId)[] isws = [];
    private int nextIsw;
    private Guid sentBy;
    private Guid requestId;
    private List<(Guid OfferId, Guid ProfileId, Guid UserId)> offers = [];

    [Params(DatabaseProvider.PostgreSql, DatabaseProvider.Sqlite)]
    public DatabaseProvider Provider { get; set; }

    private sealed class B5Config : ManualConfig
    {
        public B5Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(MeasuredIterations)
                .WithInvocationCount(1).WithUnrollFactor(1).WithId("ShortInProcess"));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        string connectionString;
        if (Provider == DatabaseProvider.PostgreSql)
        {
            copy = "iswpanel_bench_b5";
            connectionString = BenchDatabases.PostgresCopyAsync(copy).GetAwaiter().GetResult();
        }
        else
        {
            copy = Path.Combine(Path.GetDirectoryName(BenchDatabases.SqliteFile)!, "bench-b5.db");
            connectionString = BenchDatabases.SqliteCopy(copy);
        }

        app = BenchApp.Start(Provider, connectionString);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        requests = new Queue<Guid>(db.AssessmentRequests.AsNoTracking()
            .Where(r => r.Status == AssessmentRequestStatus.Submitted && r.AssignedIswId == null)
            .OrderBy(r => r.CaseReference).Select(r => r.Id).Take(200).ToList());
        // Active members with room for a few more assessments, so whoever wins can take it on.
        isws = [.. db.IswProfiles.AsNoTracking()
            .Where(p => p.Status == PanelMemberStatus.Active)
            .Select(p => new
            {
                p.Id,
                p.UserId,
                Spare = p.Capacity - db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id
                    && (r.Status == AssessmentRequestStatus.Assigned || r.Status == AssessmentRequestStatus.InProgress || r.Status == AssessmentRequestStatus.InQa)),
            })
            .Where(p => p.Spare >= 3)
            .OrderBy(p => p.Id).Take(Racers * 8).ToList()
            .Select(p => (p.Id, p.UserId))];
        sentBy = db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).First();
        Console.WriteLine($"// B5 {Provider}: {requests.Count} submitted requests, {isws.Length} ISWs with room");
        if (requests.Count < 40 || isws.Length < Racers) throw new InvalidOperationException("Not enough generated data for B5.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (Provider == DatabaseProvider.PostgreSql) BenchDatabases.DropPostgresAsync(copy).GetAwaiter().GetResult();
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(file);
        }

        foreach (var name in Latencies.Keys.Where(k => k.StartsWith(Provider.ToString(), StringComparison.Ordinal)).ToList())
        {
            if (!Latencies.TryRemove(name, out var calls)) continue;
            // The jitting and warm-up calls (first compilation, cold caches) are left out, as BenchmarkDotNet leaves them
            // out of its own figures: a race's p95 is the p95 of the races it measured.
            var sorted = calls.TakeLast(MeasuredIterations).SelectMany(call => call).Order().ToArray();
            Means[name] = sorted.Average();
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"B5 {name}: {sorted.Length} acceptances, mean {sorted.Average():0.0} ms, p50 {Percentile(sorted, 0.50):0.0} ms, p95 {Percentile(sorted, 0.95):0.0} ms, max {sorted[^1]:0.0} ms");
            if (name.EndsWith(" contended", StringComparison.Ordinal) && Means.TryGetValue($"{Provider} uncontended", out var baseline))
                summary += string.Create(CultureInfo.InvariantCulture, $"; p95 = {Percentile(sorted, 0.95) / baseline:0.00}× the uncontended mean (target ≤ 3×)");
            var anomalies = Anomalies.GetValueOrDefault(name) is { IsEmpty: false } found ? $"; ANOMALIES: {string.Join(" | ", found.Distinct().Take(5))}" : "; no anomalies";
            Console.WriteLine("// " + summary + anomalies);
            File.AppendAllText(Path.Combine("BenchmarkDotNet.Artifacts", "b5-latencies.txt"), summary + anomalies + Environment.NewLine);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>A fresh submitted request with 64 open offers to 64 members (rotating through those with room).</summary>
    [IterationSetup]
    public void FreshRequestWithOffers()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        requestId = requests.Dequeue();
        var request = db.AssessmentRequests.Single(r => r.Id == requestId);
        offers = [];
        for (var i = 0; i < Racers; i++)
        {
            var (profileId, userId) = isws[nextIsw++ % isws.Length];
            var offer = Offer.Send(requestId, profileId, sentBy, now, Offer.DefaultResponseWorkingDays, now.AddDays(3), cascade: false);
            db.Offers.Add(offer);
            offers.Add((offer.Id, profileId, userId));
        }

        request.MarkOffered(now);
        db.SaveChanges();
    }

    [Benchmark(Baseline = true, Description = "One acceptance, uncontended")]
    public async Task<int> Uncontended()
    {
        var (offerId, profileId, userId) = offers[0];
        var outcome = await AcceptAsync(offerId, profileId, userId);
        return Tally($"{Provider} uncontended", [outcome]);
    }

    [Benchmark(Description = "64 simultaneous acceptances")]
    public async Task<int> Contended()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = offers.Select(o => Task.Run(async () =>
        {
            await start.Task;
            return await AcceptAsync(o.OfferId, o.ProfileId, o.UserId);
        })).ToList();
        start.SetResult();
        return Tally($"{Provider} contended", await Task.WhenAll(racing));
    }

    private sealed record Outcome(ResultStatus? Status, string? Message, Exception? Thrown, double Milliseconds);

    private async Task<Outcome> AcceptAsync(Guid offerId, Guid profileId, Guid userId)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(ClaimTypes.Role, Roles.Isw),
                new Claim(AppClaimTypes.IswProfileId, profileId.ToString()),
            ], authenticationType: "Benchmark");
            scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
                new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AcceptOffer.Command(offerId));
            return new Outcome(result.Status, string.Join(" ", result.Errors.Values.SelectMany(m => m)), null, watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception thrown)
        {
            return new Outcome(null, null, thrown, watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Records each latency and checks the race's rules: one Ok, every other a Conflict saying it is taken.</summary>
    private static int Tally(string name, Outcome[] outcomes)
    {
        Latencies.GetOrAdd(name, _ => []).Enqueue([.. outcomes.Select(o => o.Milliseconds)]);
        var anomalies = Anomalies.GetOrAdd(name, _ => []);
        foreach (var outcome in outcomes)
        {
            if (outcome.Thrown is { } thrown) anomalies.Add($"threw {thrown.GetType().Name}: {thrown.Message}");
            else if (outcome.Status is not (ResultStatus.Ok or ResultStatus.Conflict)) anomalies.Add($"{outcome.Status}: {outcome.Message}");
            else if (outcome.Status == ResultStatus.Conflict && outcome.Message != AcceptOffer.AlreadyAssigned) anomalies.Add($"Conflict, not 'already taken': {outcome.Message}");
        }

        var successes = outcomes.Count(o => o.Status == ResultStatus.Ok);
        if (successes != 1) anomalies.Add($"{successes} successes in one race");
        return successes;
    }
}
