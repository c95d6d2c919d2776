using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IswPanel.Data;

/// <summary>Configures EF Core for a provider, pointing it at that provider's migrations assembly.</summary>
public static class DbContextOptionsFactory
{
    private static readonly SqliteReadTuning SqliteReadTuningInstance = new();

    public static DbContextOptionsBuilder UseIswPanelDatabase(this DbContextOptionsBuilder builder,
        DatabaseProvider provider, string connectionString)
    {
        var migrations = provider.MigrationsAssembly();
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                .AddInterceptors(SqliteReadTuningInstance),
            // No retrying execution strategy on SQL Server: it forbids the explicit transactions that
            // assignment and the unit-of-work pipeline rely on, and the other providers have none either.
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(WithAppSessionSettings(connectionString), o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>
    /// The app's PostgreSQL session settings, unless the connection string already sets them:
    /// <list type="bullet">
    /// <item>No JIT. PostgreSQL compiles any query its planner costs above jit_above_cost, which our correlated
    /// per-ISW queries always are: the shortlist spent 550 ms compiling and 200 ms running (EXPLAIN ANALYZE, 10,000
    /// ISWs). Our queries are short and many.</item>
    /// <item>No reset on close. Npgsql otherwise sends DISCARD ALL each time a pooled connection is reused, one more
    /// round trip for every query a page runs; the app never changes session state, so there is nothing to reset.</item>
    /// </list>
    /// </summary>
    public static string WithAppSessionSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = $"{builder.Options} -c jit=off".TrimStart();
        if (!connectionString.Contains("reset", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public static DbContextOptions<AppDbContext> Build(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseIswPanelDatabase(provider, connectionString).Options;
}
