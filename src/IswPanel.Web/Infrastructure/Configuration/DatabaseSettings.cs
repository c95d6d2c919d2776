using IswPanel.Data;

namespace IswPanel.Web.Infrastructure.Configuration;

/// <summary>Resolves the provider and connection string once, at start, with a clear error when one is missing.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, DataPaths Paths)
{
    public static DatabaseSettings Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var paths = new DataPaths(Path.GetFullPath(options.DataDirectory, environment.ContentRootPath));
        var connectionString = configuration.GetConnectionString("IswPanel");

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException(
                    $"Database:Provider is {options.Provider}; set ConnectionStrings:IswPanel (e.g. the environment variable ConnectionStrings__IswPanel).");
            Directory.CreateDirectory(paths.Root);
            connectionString = $"Data Source={Path.Combine(paths.Root, "iswpanel.db")}";
        }
        else if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(paths.Root);
        }

        return new DatabaseSettings(options.Provider, connectionString, paths);
    }

    /// <summary>The connection string with any password removed, for the start-up banner.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? ConnectionString
        : string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}

