using IswPanel.Data;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>What one item's handler did: produced its effect, found it no longer due, or found it already produced.</summary>
public enum SweepOutcome
{
    /// <summary>The effect was produced now (its key claimed in the same unit of work).</summary>
    Done,

    /// <summary>The state the sweep found has changed since (answered, renewed, reached): nothing to do.</summary>
    NotDue,

    /// <summary>Another run (or another server) has produced the effect already.</summary>
    AlreadyDone,
}

/// <summary>
/// A sweep's run: how many items it found due and what became of them. Hangfire keeps it as the job's result,
/// so the dashboard shows what each run did.
/// </summary>
public sealed record SweepReport(string Sweep, int Found, int Done, int NotDue, int AlreadyDone, int Failed);

/// <summary>A sweep finished with failed items; the others were kept. Hangfire retries the (idempotent) sweep.</summary>
public sealed class SweepFailedException(SweepReport report)
    : Exception($"{report.Sweep}: {report.Failed} of {report.Found} items failed; {report.Done} done. See the log for each failure.")
{
    public SweepReport Report { get; } = report;
}

/// <summary>
/// Runs a sweep the way docs/decisions/0008 describes: one scope to find what is due (set-based queries, a
/// constant number however many rows), then one scope, one unit of work and one mediator request per item,
/// so one conflict or failure never undoes the others. A Conflict from the unit of work means another run
/// claimed the item's effect key first: counted as already done, not as a failure.
/// </summary>
public sealed partial class SweepRunner(IServiceScopeFactory scopes, ILogger<SweepRunner> log)
{
    public async Task<SweepReport> RunAsync<TItem>(string sweep, IQuery<IReadOnlyList<TItem>> find,
        Func<TItem, ICommand<Result<SweepOutcome>>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        IReadOnlyList<TItem> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(find, cancellationToken);

        int done = 0, notDue = 0, alreadyDone = 0, failed = 0;
        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(handle(item), cancellationToken);
                switch (result.Status)
                {
                    case ResultStatus.Ok when result.Value == SweepOutcome.Done:
                        done++;
                        break;
                    case ResultStatus.Ok when result.Value == SweepOutcome.AlreadyDone:
                    case ResultStatus.Conflict:
                        alreadyDone++;
                        break;
                    case ResultStatus.Ok:
                        notDue++;
                        break;
                    default:
                        failed++;
                        ItemRefused(log, sweep, item, result.Status, string.Join(" ", result.Errors.Values.SelectMany(m => m)));
                        break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                ItemFailed(log, exception, sweep, item);
            }
        }

        var report = new SweepReport(sweep, due.Count, done, notDue, alreadyDone, failed);
        if (report.Found > 0) Finished(log, sweep, report.Found, done, notDue, alreadyDone, failed);
        if (failed > 0) throw new SweepFailedException(report);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sweep {Sweep}: {Found} due, {Done} done, {NotDue} no longer due, {AlreadyDone} already done, {Failed} failed")]
    private static partial void Finished(ILogger logger, string sweep, int found, int done, int notDue, int alreadyDone, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Sweep}: item {Item} failed")]
    private static partial void ItemFailed(ILogger logger, Exception exception, string sweep, object? item);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Sweep}: item {Item} was refused ({Status}): {Errors}")]
    private static partial void ItemRefused(ILogger logger, string sweep, object? item, ResultStatus status, string errors);
}

/// <summary>Filters found items down to those whose effect has not been produced yet.</summary>
internal static class Sent
{
    /// <summary>
    /// One query: EF Core sends the keys as a single array/JSON parameter, so a long list costs no more queries.
    /// A cheap filter that saves work, not the guarantee (that is the key claimed with each effect).
    /// </summary>
    public static async Task<IReadOnlyList<T>> WithoutDoneAsync<T>(AppDbContext db, IReadOnlyList<T> items, Func<T, string> key,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0) return items;
        var keys = items.Select(key).Distinct().ToList();
        var done = (await db.JobEffects.AsNoTracking().Where(e => keys.Contains(e.Key)).Select(e => e.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return [.. items.Where(item => !done.Contains(key(item)))];
    }
}
