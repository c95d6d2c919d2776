using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IswPanel.Data;

/// <summary>
/// Inserts many new rows of one entity type in a few statements (PostgreSQL: one, of column arrays; SQLite and SQL
/// Server: multi-row VALUES), in the context's current transaction, without tracking them. For append-only rows written by the thousand (a sweep's notifications and emails): EF Core's
/// change tracker and update pipeline cost about 0.3 ms of CPU per row there, most of a sweep's time (docs/decisions/0015).
/// Columns, conversions and parameter types come from the EF Core model, so a row is stored exactly as SaveChanges would
/// store it; commands go through EF Core's raw-SQL path, so its interceptors and logging see them.
/// </summary>
public static class RowInserts
{
    public static async Task InsertRowsAsync<T>(this AppDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // A key the database numbers (an identity column) is left to it: the rows are not read back.
        var columns = entityType.GetProperties().Where(property => !Column.NumberedByTheDatabase(property))
            .Select(property => Column.For(property, table)).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})";
        if (db.Database.IsNpgsql())
        {
            await InsertByColumnArraysAsync(db, into, columns, rows, cancellationToken).ConfigureAwait(false);
            return;
        }

        var head = into + " VALUES ";
        // Only to make the provider's parameters with (the type mappings need a command to ask); EF Core runs the statements.
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            foreach (var chunk in rows.Chunk(Math.Max(1, ParametersPerStatement(db) / columns.Length)))
            {
                var text = new StringBuilder(head);
                var parameters = new List<DbParameter>(chunk.Length * columns.Length);
                for (var r = 0; r < chunk.Length; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var name = $"p{parameters.Count}";
                        text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                        parameters.Add(columns[c].Parameter(command, sql.GenerateParameterName(name), chunk[r]));
                    }

                    text.Append(')');
                }

                await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// PostgreSQL: one statement and one array parameter per column, whatever the number of rows
    /// (<c>INSERT … SELECT * FROM unnest(@p0::uuid[], …)</c>), so nothing is parsed or bound per row.
    /// </summary>
    private static async Task InsertByColumnArraysAsync<T>(AppDbContext db, string into, Column[] columns, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
        where T : class
    {
        var parameters = columns.Select((column, c) => column.ArrayParameter($"p{c}", rows)).ToArray();
        // Only the model's own table, column and type names and parameter placeholders are in the text; every value is a parameter.
        var statement = into + " SELECT * FROM unnest(" + string.Join(", ", columns.Select((column, c) => $"@p{c}::{column.Mapping.StoreType}[]")) + ")";
        await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
    }

    // SQL Server takes at most 2,100 parameters a statement; PostgreSQL 65,535; SQLite 32,766.
    private static int ParametersPerStatement(AppDbContext db) => db.Database.IsSqlServer() ? 2_000 : 16_000;

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping)
    {
        public static bool NumberedByTheDatabase(IProperty property) =>
            property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long)
            && property.GetDefaultValueSql() is null;

        public static Column For(IProperty property, StoreObjectIdentifier table)
        {
            // Keys and values are made by the application (Guid.CreateVersion7, clocks), never by the database: a column
            // the database fills in would need the row read back, which this does not do.
            if (property.IsShadowProperty() || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null
                || property.ValueGenerated != ValueGenerated.Never && property.ClrType != typeof(Guid))
                throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is not a plain column the application fills in.");
            return new Column(property.GetColumnName(table)!, property, property.GetRelationalTypeMapping());
        }

        /// <summary>Every row's value for this column, converted as the model says, as one array (element type the provider's).</summary>
        public Npgsql.NpgsqlParameter ArrayParameter<T>(string name, IReadOnlyList<T> rows)
            where T : class
        {
            var converter = Mapping.Converter;
            var element = converter?.ProviderClrType ?? Property.ClrType;
            if (element.IsValueType && Property.IsNullable && Nullable.GetUnderlyingType(element) is null) element = typeof(Nullable<>).MakeGenericType(element);
            var values = Array.CreateInstance(element, rows.Count);
            var getter = Property.GetGetter();
            for (var r = 0; r < rows.Count; r++)
            {
                var value = getter.GetClrValueUsingContainingEntity(rows[r]);
                values.SetValue(value is null || converter is null ? value : converter.ConvertToProvider(value), r);
            }

            return new Npgsql.NpgsqlParameter(name, values);
        }

        /// <summary>The row's value for this column, converted and typed as the model says (the mapping applies any converter).</summary>
        public DbParameter Parameter(DbCommand command, string name, object row) =>
            Mapping.CreateParameter(command, name, Property.GetGetter().GetClrValueUsingContainingEntity(row), Property.IsNullable);
    }
}
