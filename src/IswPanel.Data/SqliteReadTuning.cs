using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IswPanel.Data;

/// <summary>
/// Lets SQLite read the database file through a memory map (up to <see cref="MapBytes"/>) instead of one read call per
/// page into a 2 MB page cache: queries that visit many scattered rows (the shortlist's history over a national
/// panel) spent most of their time in those calls. The map is shared by every connection to the file, and the pages
/// are the operating system's file cache, so it costs no heap. mmap_size is per connection, so it is set on each open
/// (a pooled connection keeps it; setting it again costs microseconds).
/// </summary>
public sealed class SqliteReadTuning : DbConnectionInterceptor
{
    public const long MapBytes = 256L * 1024 * 1024;

    private static readonly string Pragma = FormattableString.Invariant($"PRAGMA mmap_size={MapBytes};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
