using IswPanel.Data;
using Npgsql;

namespace IswPanel.Testing;

/// <summary>
/// A fresh, empty database for one fixture: a SQLite file in a temporary folder, or a new database on
/// the configured PostgreSQL server (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The app's data directory for this fixture (SQLite file, dropped emails, uploads).</summary>
    public string DataDirectory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "iswpanel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "iswpanel.db")}", directory);
            case DatabaseProvider.PostgreSql:
                var server = TestEnvironment.RequirePostgres();
                var name = $"iswpanel_test_{Guid.NewGuid():N}";
                await using (var connection = new NpgsqlConnection(server))
                {
                    await connection.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                    await create.ExecuteNonQueryAsync();
                }

                var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
                return new TestDatabase(provider, builder.ConnectionString, directory, server, name);
            default:
                throw new NotSupportedException($"No {provider} server is available to the tests; its migrations are checked without one.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresAdmin is not null && postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (PostgresException denied) when (denied.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // FORCE may not signal an autovacuum worker busy in the new database unless the test user is a
                // superuser; a plain DROP stops autovacuum by itself (our own connections were closed above).
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\"", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}
