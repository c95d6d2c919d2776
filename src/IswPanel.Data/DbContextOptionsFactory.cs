using Microsoft.EntityFrameworkCore;

namespace IswPanel.Data;

/// <summary>Configures EF Core for a provider, pointing it at that provider's migrations assembly.</summary>
public static class DbContextOptionsFactory
{
    public static DbContextOptionsBuilder UseIswPanelDatabase(this DbContextOptionsBuilder builder,
        DatabaseProvider provider, string connectionString)
    {
        var migrations = provider.MigrationsAssembly();
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            // No retrying execution strategy on SQL Server: it forbids the explicit transactions that
            // assignment and the unit-of-work pipeline rely on, and the other providers have none either.
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    public static DbContextOptions<AppDbContext> Build(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseIswPanelDatabase(provider, connectionString).Options;
}
