using IswPanel.Domain.Common;

namespace IswPanel.Web.Infrastructure.Configuration;

/// <summary>An <see cref="IClock"/> over <see cref="TimeProvider"/>, so tests substitute a fake time provider.</summary>
public sealed class UkClock(TimeProvider time) : IClock
{
    public static readonly TimeZoneInfo UkTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, UkTimeZone));
}
