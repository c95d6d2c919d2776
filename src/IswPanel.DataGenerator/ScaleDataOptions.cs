using IswPanel.Data;

namespace IswPanel.DataGenerator;

/// <summary>
/// What to generate and where. The same <see cref="Seed"/>, sizes and <see cref="Today"/> always give the same rows
/// (ids, dates and text), on any machine and any provider.
/// </summary>
public sealed record ScaleDataOptions
{
    public const int DefaultIsws = 10_000;
    public const int DefaultAuthorities = 150;
    public const int DefaultRequests = 100_000;

    /// <summary>The tests' fake clock: 1 December 2026, 09:30 UTC.</summary>
    public static readonly DateOnly DefaultToday = new(2026, 12, 1);

    public static readonly TimeOnly DefaultTimeOfDay = new(9, 30);

    /// <summary>The password of every generated account (one hash, computed once, shared by all).</summary>
    public const string DefaultPassword = "Scale-Data-Password-2026!";

    public required DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    public long Seed { get; init; } = 42;
    public int Isws { get; init; } = DefaultIsws;
    public int Authorities { get; init; } = DefaultAuthorities;
    public int Requests { get; init; } = DefaultRequests;

    /// <summary>The application's "today" the data is generated up to; history runs back about three years from it.</summary>
    public DateOnly Today { get; init; } = DefaultToday;

    /// <summary>The time of day (UTC) of "now" on <see cref="Today"/>: nothing happens after it.</summary>
    public TimeOnly TimeOfDay { get; init; } = DefaultTimeOfDay;

    /// <summary>Empty a database that already holds data (drop and re-create it); without it such a database is refused.</summary>
    public bool Reset { get; init; }

    /// <summary>Requests (with everything that hangs off them) written per transaction.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>
    /// Write through the provider's bulk path (prepared INSERTs on SQLite, binary COPY on PostgreSQL), laid out from the
    /// EF Core model; false writes everything through EF Core's SaveChanges (always the case on SQL Server).
    /// </summary>
    public bool FastWriter { get; init; } = true;

    public string Password { get; init; } = DefaultPassword;

    /// <summary>Generate without writing anything (no database is touched): measures generation alone.</summary>
    public bool DryRun { get; init; }

    public DateTime Now => Today.ToDateTime(TimeOfDay, DateTimeKind.Utc);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) throw new ArgumentException("A connection string is needed.");
        if (Isws < 1) throw new ArgumentException("At least one ISW is needed.");
        if (Authorities < 1) throw new ArgumentException("At least one authority is needed.");
        if (Requests < 0) throw new ArgumentException("The number of requests cannot be negative.");
        if (BatchSize < 1) throw new ArgumentException("The batch size must be at least 1.");
        // History reaches six years back (long-standing panel members) and deadlines about a year ahead; the shipped
        // bank holidays cover 2018 to 2028.
        var calendar = Domain.Calendar.WorkingDayCalendar.EnglandAndWales();
        if (!calendar.Covers(Today.AddYears(-6).AddDays(-200)) || !calendar.Covers(Today.AddYears(1)))
            throw new ArgumentException(
                $"--today must leave six years of history and one year ahead inside the bank-holiday list ({calendar.FirstYear} to {calendar.LastYear}).");
    }
}
