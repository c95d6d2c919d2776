using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IswPanel.Data;

internal static class Conventions
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc = new(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    /// <summary>
    /// Domain entities make their own ids (<see cref="Domain.Common.Entity"/>), so EF must never treat a set id as
    /// "already saved": a new referee added to a loaded profile's collection is then inserted, not updated.
    /// </summary>
    public static void ApplyClientGeneratedKeys(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(Domain.Common.Entity).IsAssignableFrom(t.ClrType)))
            entity.FindProperty(nameof(Domain.Common.Entity.Id))!.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
    }

    /// <summary>
    /// Every instant is UTC. SQLite and SQL Server do not keep the kind, so it is restored on read;
    /// PostgreSQL's timestamptz needs UTC on write.
    /// </summary>
    public static void ApplyUtcDateTimes(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime)) property.SetValueConverter(Utc);
            else if (property.ClrType == typeof(DateTime?)) property.SetValueConverter(NullableUtc);
        }
    }
}
