namespace IswPanel.Data;

/// <summary>Which database IswPanel runs on; each has its own migrations assembly.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public static class DatabaseProviders
{
    public static string MigrationsAssembly(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "IswPanel.Migrations.Sqlite",
        DatabaseProvider.SqlServer => "IswPanel.Migrations.SqlServer",
        DatabaseProvider.PostgreSql => "IswPanel.Migrations.PostgreSql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}
