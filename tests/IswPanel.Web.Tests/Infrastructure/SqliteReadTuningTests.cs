using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Infrastructure;

/// <summary>Every SQLite connection the app opens reads through the memory map and waits for a busy writer, the pooled ones included.</summary>
public sealed class SqliteReadTuningTests
{
    [Fact]
    public async Task Every_open_of_a_pooled_connection_has_the_memory_map_and_the_busy_timeout()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        for (var open = 0; open < 3; open++)
        {
            var mapped = await app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA mmap_size";
                var map = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                command.CommandText = "PRAGMA busy_timeout";
                return (map, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            });
            Assert.Equal((SqliteReadTuning.MapBytes, SqliteReadTuning.BusyMilliseconds), mapped);
        }
    }
}
