using System.Collections;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace IswPanel.DataGenerator.Writing;

/// <summary>A provider's bulk path for whole tables, laid out by <see cref="TableMap"/> from the EF Core model.</summary>
internal abstract class FastWriter(IModel model)
{
    private readonly Dictionary<Type, TableMap> maps = [];

    /// <summary>Writes the rows and their owned collections in the open transaction.</summary>
    public async Task WriteAsync<T>(List<T> rows, DbTransaction transaction, CancellationToken cancellationToken) where T : class
    {
        if (!maps.TryGetValue(typeof(T), out var map))
        {
            var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            maps[typeof(T)] = map = TableMap.For(entityType);
        }

        await WriteRowsAsync(map, rows.Select(r => ((object)r, (object)r)), transaction, cancellationToken);
        foreach (var owned in map.OwnedCollections)
        {
            var items = rows.SelectMany(owner => owned.Items(owner).Cast<object>().Select(item => ((object)owner, item)));
            await WriteRowsAsync(owned.Map, items, transaction, cancellationToken);
        }
    }

    protected abstract Task WriteRowsAsync(TableMap map, IEnumerable<(object Owner, object Row)> rows, DbTransaction transaction,
        CancellationToken cancellationToken);

    protected static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>
/// SQLite: prepared INSERTs of many rows at once (and of one row, for the remainder), re-executed with new parameter
/// values. The parameters are made by the model's type mappings, so values are bound exactly as EF Core binds them.
/// </summary>
internal sealed class SqliteFastWriter(SqliteConnection connection, IModel model) : FastWriter(model), IDisposable
{
    /// <summary>SQLite allows 32,766 parameters per statement; a few hundred keeps statements small and fast to bind.</summary>
    private const int ParametersPerStatement = 1;

    private readonly Dictionary<(TableMap, int), (SqliteCommand Command, SqliteParameter[] Parameters)> commands = [];

    protected override Task WriteRowsAsync(TableMap map, IEnumerable<(object Owner, object Row)> rows, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var columns = map.Columns;
        var perStatement = Math.Max(1, Math.Min(100, ParametersPerStatement / columns.Count));
        var pending = new List<(object Owner, object Row)>(perStatement);
        foreach (var row in rows)
        {
            pending.Add(row);
            if (pending.Count < perStatement) continue;
            Execute(map, pending, (SqliteTransaction)transaction);
            pending.Clear();
            cancellationToken.ThrowIfCancellationRequested();
        }
        foreach (var row in pending) Execute(map, [row], (SqliteTransaction)transaction);
        return Task.CompletedTask;
    }

    private void Execute(TableMap map, List<(object Owner, object Row)> rows, SqliteTransaction transaction)
    {
        var (command, parameters) = Prepared(map, rows.Count);
        command.Transaction = transaction;
        var columns = map.Columns;
        for (var r = 0; r < rows.Count; r++)
        {
            var (owner, row) = rows[r];
            for (var c = 0; c < columns.Count; c++)
                parameters[r * columns.Count + c].Value = columns[c].ProviderValue(owner, row) ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    private (SqliteCommand Command, SqliteParameter[] Parameters) Prepared(TableMap map, int rowCount)
    {
        if (commands.TryGetValue((map, rowCount), out var prepared)) return prepared;
        var command = connection.CreateCommand();
        var columns = map.Columns;
        var parameters = new SqliteParameter[rowCount * columns.Count];
        var values = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            var names = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var index = r * columns.Count + c;
                names[c] = $"$p{index}";
                parameters[index] = (SqliteParameter)columns[c].Mapping.CreateParameter(command, names[c], null, nullable: true);
                command.Parameters.Add(parameters[index]);
            }
            values.Add($"({string.Join(", ", names)})");
        }
        command.CommandText = $"INSERT INTO {Quote(map.Table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES {string.Join(", ", values)}";
        commands[(map, rowCount)] = prepared = (command, parameters);
        return prepared;
    }

    public void Dispose()
    {
        foreach (var (command, _) in commands.Values) command.Dispose();
        commands.Clear();
    }
}

/// <summary>PostgreSQL: binary COPY per table, in the batch's transaction.</summary>
internal sealed class PostgresCopyWriter(NpgsqlConnection connection, IModel model) : FastWriter(model)
{
    protected override async Task WriteRowsAsync(TableMap map, IEnumerable<(object Owner, object Row)> rows, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var table = map.Schema is null ? Quote(map.Table) : $"{Quote(map.Schema)}.{Quote(map.Table)}";
        var copy = $"COPY {table} ({string.Join(", ", map.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        var columns = map.Columns;
        foreach (var (owner, row) in rows)
        {
            importer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].ProviderValue(owner, row);
                if (value is null) importer.WriteNull();
                else importer.Write(value is IList list && value is not Array ? ToArray(list) : value);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static Array ToArray(IList list)
    {
        var array = Array.CreateInstance(list.GetType().GetGenericArguments().FirstOrDefault() ?? typeof(object), list.Count);
        list.CopyTo(array, 0);
        return array;
    }
}
