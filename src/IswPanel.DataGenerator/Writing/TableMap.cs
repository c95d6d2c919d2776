using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace IswPanel.DataGenerator.Writing;

/// <summary>
/// How one entity type's rows are laid out in its table, read from the application's EF Core model (table and column
/// names, value converters, provider type mappings), so the fast writers store exactly what EF Core would: enums as
/// names, instants in UTC, short lists as JSON (SQLite) or arrays (PostgreSQL), complex properties flattened.
/// Columns the database fills (identity keys of events and owned rows) are left out. Owned collections (a request's
/// milestones, a profile's history, a review's scores) get maps of their own, written after their owners.
/// </summary>
internal sealed class TableMap
{
    private TableMap(string table, string? schema, IReadOnlyList<Column> columns, IReadOnlyList<Owned> owned)
    {
        Table = table;
        Schema = schema;
        Columns = columns;
        OwnedCollections = owned;
    }

    public string Table { get; }
    public string? Schema { get; }
    public IReadOnlyList<Column> Columns { get; }
    public IReadOnlyList<Owned> OwnedCollections { get; }

    /// <summary>A column: its name, how to read its value (from the owner and the row, which are the same for an entity), its mapping.</summary>
    public sealed record Column(string Name, Func<object, object, object?> Read, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the provider stores it (after the model's value converter), or null.</summary>
        public object? ProviderValue(object owner, object row)
        {
            var value = Read(owner, row);
            if (value is null) return null;
            return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    /// <summary>An owned collection of the entity: its own table, and how to find the items on an owner.</summary>
    public sealed record Owned(TableMap Map, Func<object, IEnumerable> Items);

    public static TableMap For(IEntityType entityType) => Build(entityType, ownership: null);

    private static TableMap Build(IEntityType entityType, IForeignKey? ownership)
    {
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no table.");
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var columns = new List<Column>();

        foreach (var property in entityType.GetProperties())
        {
            var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column in {table}.");
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var storeGenerated = property.IsPrimaryKey() && property.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                && (property.ClrType == typeof(int) || property.ClrType == typeof(long));
            if (storeGenerated) continue;

            if (ownership is not null && ownership.Properties.Contains(property))
            {
                // The owner's key, copied into the owned row's foreign key (a shadow property).
                var index = ownership.Properties.ToList().IndexOf(property);
                var principal = ownership.PrincipalKey.Properties[index].GetGetter();
                columns.Add(new Column(name, (owner, _) => principal.GetClrValue(owner), mapping));
                continue;
            }

            if (property.IsShadowProperty())
                throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} is a shadow property the writer cannot fill.");
            var getter = property.GetGetter();
            columns.Add(new Column(name, (_, row) => getter.GetClrValue(row), mapping));
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            var container = complex.PropertyInfo ?? throw new NotSupportedException($"{complex.Name} is not a CLR property.");
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var name = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column in {table}.");
                var inner = property.PropertyInfo ?? throw new NotSupportedException($"{property.Name} is not a CLR property.");
                columns.Add(new Column(name, (_, row) => inner.GetValue(container.GetValue(row)), (RelationalTypeMapping)property.GetTypeMapping()));
            }
        }

        var owned = new List<Owned>();
        foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.IsCollection))
        {
            var getter = navigation.GetGetter();
            owned.Add(new Owned(Build(navigation.TargetEntityType, navigation.ForeignKey),
                owner => (IEnumerable?)getter.GetClrValue(owner) ?? Array.Empty<object>()));
        }

        return new TableMap(table, schema, columns, owned);
    }
}
