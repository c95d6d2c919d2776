namespace IswPanel.Domain.Common;

/// <summary>
/// The one source of "now". Deadlines are in England-and-Wales dates, so <see cref="Today"/> is the
/// date in UK local time, not UTC (they differ for an hour every summer night).
/// </summary>
public interface IClock
{
    DateTime UtcNow { get; }
    DateOnly Today { get; }
}
