using System.Collections.Concurrent;
using IswPanel.Data;
using IswPanel.DataGenerator;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Performance;

/// <summary>
/// Small generated worlds (200 ISWs, 5 authorities, 2,000 requests), made once per provider and seed and shared by the
/// scale-data tests, which only read them. PostgreSQL skips on a bare machine (and fails when CI=true), like every
/// PostgreSQL test.
/// </summary>
public sealed class ScaleDataFixture : IAsyncLifetime
{
    public static readonly ScaleDataOptions Small = new()
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = "-",
        Seed = 42,
        Isws = 200,
        Authorities = 5,
        Requests = 2_000,
    };

    private readonly ConcurrentDictionary<(DatabaseProvider, long, bool), Lazy<Task<Generated>>> worlds = new();
    private readonly ConcurrentBag<TestDatabase> databases = [];

    /// <summary>The small world for <paramref name="seed"/> on <paramref name="provider"/>, generated on first use.</summary>
    public Task<Generated> WorldAsync(DatabaseProvider provider, long seed = 42) =>
        worlds.GetOrAdd((provider, seed, true), key => new Lazy<Task<Generated>>(() => GenerateAsync(Small with { Provider = key.Item1, Seed = key.Item2 }))).Value;

    /// <summary>A fresh database generated with <paramref name="options"/> (its provider and connection string are filled in).</summary>
    public async Task<Generated> GenerateAsync(ScaleDataOptions options)
    {
        var database = await TestDatabase.CreateAsync(options.Provider);
        databases.Add(database);
        var report = await ScaleDataGenerator.GenerateAsync(options with { ConnectionString = database.ConnectionString });
        var fingerprint = await ScaleDataFingerprint.ComputeAsync(options.Provider, database.ConnectionString);
        return new Generated(database, report, fingerprint);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in databases) await database.DisposeAsync();
    }

    public sealed record Generated(TestDatabase Database, ScaleDataReport Report, ScaleDataFingerprint Fingerprint)
    {
        public AppDbContext Db() => new(DbContextOptionsFactory.Build(Database.Provider, Database.ConnectionString));
    }
}
