using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Calendar;

/// <summary>Section "Calendar".</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// How often each instance asks the database whether an administrator has uploaded a newer bank-holiday
    /// list (one indexed query for the newest upload's id). Zero or less turns the check off: an upload made
    /// on another instance is then picked up at the next start only.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// The one working-day calendar of this process, used by matching, milestone plans, offer windows and the sweeps:
/// the England and Wales bank holidays shipped with the domain (GOV.UK's list, 2018 to 2028), merged with the newest
/// list an administrator uploaded (<see cref="BankHolidayUploads"/>), if any. Nothing here needs the network.
/// <para>
/// Handlers keep asking for <see cref="WorkingDayCalendar"/>: it is registered per scope and resolved from
/// <see cref="Current"/>, so one request or job sees one calendar from start to end, and the next one sees an
/// upload made in between.
/// </para>
/// <para>
/// <b>When a new upload takes effect.</b> On the instance that received it, as soon as it is saved. Every instance
/// reads the newest upload at start, and <see cref="CalendarRefresher"/> checks the newest upload's id every
/// <see cref="CalendarOptions.RefreshInterval"/> (2 minutes by default), so other instances follow within that time.
/// </para>
/// </summary>
public sealed partial class CalendarSource(IServiceScopeFactory scopes, ILogger<CalendarSource> logger) : IDisposable
{
    private static readonly Snapshot Shipped = new(null, WorkingDayCalendar.EnglandAndWales());

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private volatile Snapshot current = Shipped;
    private Guid? unreadableUploadId;

    /// <summary>The calendar in force now.</summary>
    public WorkingDayCalendar Current => current.Calendar;

    /// <summary>The upload merged into <see cref="Current"/>, or null while the shipped list alone is in force.</summary>
    public Guid? UploadId => current.UploadId;

    /// <summary>
    /// The shipped list with an upload's England and Wales holidays merged in: what the calendar would be if
    /// <paramref name="uploadedJson"/> were the newest upload.
    /// </summary>
    /// <exception cref="DomainException">The file is not GOV.UK's format, lacks England and Wales, or would leave a gap.</exception>
    public static BankHolidayList Merge(string uploadedJson) =>
        Merge(BankHolidays.Parse(uploadedJson, BankHolidays.EnglandAndWalesDivision));

    /// <inheritdoc cref="Merge(string)"/>
    public static BankHolidayList Merge(BankHolidayList uploaded) => BankHolidays.Merge(BankHolidays.EnglandAndWales(), uploaded);

    /// <summary>
    /// Puts an upload in force in this process once it has been saved (the other instances read it from the
    /// database). Waits for a refresh under way, so that one cannot put an older upload back afterwards.
    /// </summary>
    public void Use(Guid uploadId, BankHolidayList merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var next = new Snapshot(uploadId, new WorkingDayCalendar(merged));
        refreshing.Wait();
        try
        {
            current = next;
        }
        finally
        {
            refreshing.Release();
        }

        LogInForce(logger, uploadId, merged.FirstYear, merged.LastYear);
    }

    /// <summary>
    /// Reads the newest upload's id and, when it is not the one in force, reads and merges that upload. Cheap when
    /// nothing changed. A stored upload that no longer reads (changed by hand) is logged once and skipped: the
    /// calendar in force stays.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newest = await db.BankHolidayUploads.AsNoTracking()
                .OrderByDescending(u => u.UploadedAt).ThenByDescending(u => u.Id)
                .Select(u => (Guid?)u.Id)
                .FirstOrDefaultAsync(cancellationToken);

            if (newest == current.UploadId || (newest is not null && newest == unreadableUploadId)) return;
            if (newest is not { } id)
            {
                // The uploads were removed by hand: back to the shipped list.
                current = Shipped;
                return;
            }

            var json = await db.BankHolidayUploads.AsNoTracking().Where(u => u.Id == id).Select(u => u.Json).SingleAsync(cancellationToken);
            BankHolidayList merged;
            try
            {
                merged = Merge(json);
            }
            catch (DomainException problem)
            {
                unreadableUploadId = id;
                LogUnreadable(logger, id, problem.Message);
                return;
            }

            current = new Snapshot(id, new WorkingDayCalendar(merged));
            LogInForce(logger, id, merged.FirstYear, merged.LastYear);
        }
        finally
        {
            refreshing.Release();
        }
    }

    public void Dispose() => refreshing.Dispose();

    private sealed record Snapshot(Guid? UploadId, WorkingDayCalendar Calendar);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank holidays: upload {UploadId} is in force; working days are known for {FirstYear} to {LastYear}.")]
    private static partial void LogInForce(ILogger logger, Guid uploadId, int firstYear, int lastYear);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bank holidays: upload {UploadId} cannot be read ({Problem}); the calendar in force is kept.")]
    private static partial void LogUnreadable(ILogger logger, Guid uploadId, string problem);
}

/// <summary>
/// Loads the newest bank-holiday upload when the app starts (before it serves requests; the table may be empty or,
/// when a DBA has not applied the scripts yet, missing), then checks for a newer one every
/// <see cref="CalendarOptions.RefreshInterval"/>, so an upload on another instance is in force here within minutes.
/// </summary>
public sealed partial class CalendarRefresher(CalendarSource source, IOptions<CalendarOptions> options,
    ILogger<CalendarRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryRefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        if (interval <= TimeSpan.Zero) return;
        // Wall-clock polling, deliberately not the app's TimeProvider: how often to look for an upload is not a
        // business date, and a test that moves the app's clock by a month must not fire thousands of refreshes.
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await TryRefreshAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await source.RefreshAsync(cancellationToken);
        }
        catch (Exception problem) when (problem is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database is unreachable or not migrated yet: working days carry on with the calendar in force.
            LogRefreshFailed(logger, problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bank holidays: could not check for a newer upload; the calendar in force is kept.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception problem);
}

/// <summary>The calendar's registrations, called from <c>ServiceRegistration</c>.</summary>
public static class CalendarServices
{
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddSingleton<CalendarSource>();
        services.AddHostedService<CalendarRefresher>();
        // Per scope: a request or job keeps the calendar it started with; the next one gets the newest.
        services.AddScoped(provider => provider.GetRequiredService<CalendarSource>().Current);
        return services;
    }
}
