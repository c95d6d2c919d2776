using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using IswPanel.Data;
using IswPanel.DataGenerator.Generation;
using IswPanel.DataGenerator.Writing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace IswPanel.DataGenerator;

/// <summary>
/// Fills an empty IswPanel database (any provider) with a realistic, reproducible world: see <see cref="ScaleDataOptions"/>
/// for the sizes and docs/performance.md ("Data at scale") for what is in it. The schema comes from the application's
/// own migrations. Generation (one thread) and writing (another) overlap; the report says how fast each table went.
/// </summary>
public static class ScaleDataGenerator
{
    public static async Task<ScaleDataReport> GenerateAsync(ScaleDataOptions options, TextWriter? log = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var total = Stopwatch.StartNew();
        if (options.DryRun) return DryRun(options, total);

        var schema = Stopwatch.StartNew();
        await PrepareAsync(options, log, cancellationToken);
        schema.Stop();

        await using var connection = Connect(options);
        await connection.OpenAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // A bulk load into a fresh file: the rollback journal in memory (each page written once, not to a log and
            // then again), no fsync, a big page cache. Foreign keys stay on, so every reference is checked as it is
            // written. The file goes back to write-ahead logging (the application's mode) at the end.
            await ExecuteAsync(connection, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;", cancellationToken);
        }

        // The bulk path builds secondary indexes once, after loading, instead of row by row (much faster on big tables),
        // and on PostgreSQL checks foreign keys once per constraint (a join) instead of once per row (a trigger): the
        // same definitions, read from the database, are put back exactly, and putting a foreign key back checks every row.
        var indexes = Stopwatch.StartNew();
        var deferred = options.FastWriter ? await DeferAsync(connection, options.Provider, cancellationToken) : [];
        indexes.Stop();
        var contextOptions = ContextOptions(options.Provider, connection);
        IModel model;
        await using (var db = new AppDbContext(contextOptions)) model = db.Model;
        var fast = !options.FastWriter ? null : options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteFastWriter((SqliteConnection)connection, model),
            DatabaseProvider.PostgreSql => (FastWriter)new PostgresCopyWriter((NpgsqlConnection)connection, model),
            _ => null,
        };
        var writer = new BatchWriter(connection, contextOptions, fast);

        var channel = Channel.CreateBounded<(string Label, Batch Batch)>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = TimeSpan.Zero;
        var world = new ScaleWorld(options, (label, batch) =>
        {
            var blocked = Stopwatch.StartNew();
            channel.Writer.WriteAsync((label, batch), stop.Token).AsTask().GetAwaiter().GetResult();
            waiting += blocked.Elapsed;
        });

        var writing = TimeSpan.Zero;
        var generationWatch = Stopwatch.StartNew();
        var generation = Task.Run(() =>
        {
            try
            {
                world.Generate();
                generationWatch.Stop();
                channel.Writer.Complete();
            }
            catch (Exception failure)
            {
                channel.Writer.Complete(failure);
                throw;
            }
        }, CancellationToken.None);

        try
        {
            var requests = 0;
            var lastReport = Stopwatch.StartNew();
            await foreach (var (label, batch) in channel.Reader.ReadAllAsync(cancellationToken))
            {
                var watch = Stopwatch.StartNew();
                await writer.WriteAsync(batch, cancellationToken);
                writing += watch.Elapsed;
                requests += batch.RequestCount;
                if (log is not null && (lastReport.Elapsed.TotalSeconds >= 5 || batch.RequestCount == 0))
                {
                    var rows = writer.Stats.Values.Sum(s => s.Rows + s.OwnedRows);
                    log.WriteLine($"  {total.Elapsed:mm\\:ss} {label}: {rows:N0} rows written, {requests:N0} of {options.Requests:N0} requests");
                    lastReport.Restart();
                }
            }
            await generation;
        }
        catch
        {
            // Writing failed: stop the generator (it may be waiting for room in the channel); the writer's error is the one to report.
            await stop.CancelAsync();
            await Task.WhenAny(generation);
            log?.WriteLine("Stopped: the database is incomplete (and has no secondary indexes); run again with --reset.");
            throw;
        }
        finally
        {
            (fast as IDisposable)?.Dispose();
        }

        indexes.Start();
        log?.WriteLine($"  {total.Elapsed:mm\\:ss} building {deferred.Count} indexes and constraints");
        foreach (var (_, create) in deferred) await ExecuteAsync(connection, create, cancellationToken);
        indexes.Stop();

        var analyse = Stopwatch.StartNew();
        await AnalyseAsync(connection, options.Provider, cancellationToken);
        analyse.Stop();
        total.Stop();

        return new ScaleDataReport(options, [.. writer.Stats.Values], total.Elapsed, schema.Elapsed, generationWatch.Elapsed - waiting, writing,
            indexes.Elapsed, analyse.Elapsed, world.RequestStates, [.. world.Logins.Select(l => new ScaleLogin(l.Role, l.Email, l.Name))]);
    }

    /// <summary>Generation alone, rows counted and thrown away: how fast the world is made, without any database.</summary>
    private static ScaleDataReport DryRun(ScaleDataOptions options, Stopwatch total)
    {
        var stats = new Dictionary<string, TableStats>();
        var world = new ScaleWorld(options, (_, batch) =>
        {
            foreach (var (table, rows) in batch.Counts())
            {
                if (!stats.TryGetValue(table, out var row)) stats[table] = row = new TableStats(table, null);
                row.Rows += rows;
            }
        });
        world.Generate();
        total.Stop();
        return new ScaleDataReport(options, [.. stats.Values], total.Elapsed, TimeSpan.Zero, total.Elapsed, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero,
            world.RequestStates, [.. world.Logins.Select(l => new ScaleLogin(l.Role, l.Email, l.Name))]);
    }

    /// <summary>Creates the schema with the application's migrations; refuses a database that already holds data unless asked to reset it.</summary>
    private static async Task PrepareAsync(ScaleDataOptions options, TextWriter? log, CancellationToken cancellationToken)
    {
        await using var db = new AppDbContext(DbContextOptionsFactory.Build(options.Provider, options.ConnectionString));
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }

        if (options.Reset)
        {
            log?.WriteLine("Reset: dropping the database.");
            await db.Database.EnsureDeletedAsync(cancellationToken);
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        }

        log?.WriteLine("Applying migrations.");
        await db.Database.MigrateAsync(cancellationToken);
        var holdsData = await db.Roles.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken)
            || await db.Authorities.AnyAsync(cancellationToken) || await db.AssessmentTypes.AnyAsync(cancellationToken)
            || await db.RubricCriteria.AnyAsync(cancellationToken) || await db.IswProfiles.AnyAsync(cancellationToken)
            || await db.AssessmentRequests.AnyAsync(cancellationToken);
        if (holdsData)
            throw new InvalidOperationException(
                "The database already holds data (roles, users or records). Point at an empty database, or pass --reset to drop and re-create it.");
        if (options.Provider == DatabaseProvider.Sqlite) SqliteConnection.ClearAllPools();
    }

    private static DbConnection Connect(ScaleDataOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(options.ConnectionString),
        DatabaseProvider.PostgreSql => new NpgsqlConnection(options.ConnectionString),
        DatabaseProvider.SqlServer => new SqlConnection(options.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, null),
    };

    /// <summary>The application's EF Core mapping on an open connection the writer owns (one connection for the whole load).</summary>
    private static DbContextOptions<AppDbContext> ContextOptions(DatabaseProvider provider, DbConnection connection)
    {
        var migrations = provider.MigrationsAssembly();
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connection, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connection, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connection, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        return builder.Options;
    }

    /// <summary>
    /// Drops the secondary indexes the migrations made (not primary keys, nor indexes behind constraints) and, on
    /// PostgreSQL, the foreign keys, and returns the statements that put each back exactly: indexes first, then keys.
    /// </summary>
    private static async Task<List<(string Name, string Create)>> DeferAsync(DbConnection connection, DatabaseProvider provider,
        CancellationToken cancellationToken)
    {
        var deferred = await DeferIndexesAsync(connection, provider, cancellationToken);
        if (provider != DatabaseProvider.PostgreSql) return deferred;

        var keys = new List<(string Table, string Name, string Definition)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint " +
                "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, definition) in keys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {name}", cancellationToken);
            deferred.Add((name, $"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"));
        }
        return deferred;
    }

    private static async Task<List<(string Name, string Create)>> DeferIndexesAsync(DbConnection connection, DatabaseProvider provider,
        CancellationToken cancellationToken)
    {
        var sql = provider switch
        {
            DatabaseProvider.Sqlite =>
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE '\\_\\_EF%' ESCAPE '\\'",
            DatabaseProvider.PostgreSql =>
                "SELECT quote_ident(i.schemaname) || '.' || quote_ident(i.indexname), i.indexdef FROM pg_indexes i " +
                "WHERE i.schemaname = current_schema() AND i.tablename NOT LIKE '\\_\\_EF%' " +
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
            _ => null,
        };
        var indexes = new List<(string Name, string Create)>();
        if (sql is null) return indexes;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        foreach (var (name, _) in indexes)
            await ExecuteAsync(connection, provider == DatabaseProvider.Sqlite ? $"DROP INDEX \"{name}\"" : $"DROP INDEX {name}", cancellationToken);
        return indexes;
    }

    /// <summary>Fresh statistics, so the first queries on the new data get good plans.</summary>
    private static async Task AnalyseAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                await ExecuteAsync(connection, "ANALYZE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", cancellationToken);
                break;
            case DatabaseProvider.PostgreSql:
                await ExecuteAsync(connection, "ANALYZE;", cancellationToken);
                break;
            case DatabaseProvider.SqlServer:
                await ExecuteAsync(connection, "EXEC sp_updatestats;", cancellationToken);
                break;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
