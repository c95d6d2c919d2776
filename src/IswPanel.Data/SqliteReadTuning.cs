using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IswPanel.Data;

/// <summary>
/// Lets SQLite read the database file through a memory map (up to <see cref="MapBytes"/>) instead of one read call per
/// page into a 2 MB page cache: queries that visit many scattered rows (the shortlist's history over a national
/// panel) spent most of their time in those calls. The map is shared by every connection to the file, and the pages
/// are the operating system's file cache, so it costs no heap. mmap_size belongs to a native connection, which the
/// pool keeps open across many opens: it is set the first time that native connection is opened, not on every query.
/// The same first open sets SQLite's own busy handler (<see cref="BusyMilliseconds"/>): a writer that finds another
/// writing then waits inside SQLite, which tries again after 1, 2, 5, 10 ms and so on, instead of failing the statement
/// back to Microsoft.Data.Sqlite, whose retries are coarser (B5: the slowest of 64 racing acceptances waited 250-590 ms).
/// </summary>
public sealed class SqliteReadTuning : DbConnectionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> tuned = [];

    public const long MapBytes = 256L * 1024 * 1024;

    /// <summary>How long a writer waits for another to finish before SQLite reports the database busy.</summary>
    public const int BusyMilliseconds = 30_000;

    private static readonly string Pragma = FormattableString.Invariant($"PRAGMA mmap_size={MapBytes}; PRAGMA busy_timeout={BusyMilliseconds};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether this is the first open of the native connection behind <paramref name="connection"/>.</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } native } && tuned.TryAdd(native, native);
}
