using IswPanel.Data;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Pipeline;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

/// <summary>Section "Jobs": how the sweeps run their items.</summary>
public sealed class SweepOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Items handled in one scope and saved together (1 = each item alone, the old way). Each batch reads what its items
    /// need and looks up who to tell afresh, so larger batches cost less: over the generated backlog the overdue
    /// escalation's 1,331 items took about 2.3, 1.7 and 1.5 s in batches of 64, 256 and 512 (docs/performance.md, B4). A
    /// batch in which anything goes wrong, which is rare, is redone item by item (several seconds for 512).
    /// </summary>
    public int SweepBatchSize { get; set; } = 512;
}

/// <summary>
/// Runs a sweep the way docs/decisions/0008 describes: one scope to find what is due (set-based queries, a constant
/// number however many rows), then the items in batches (<see cref="SweepOptions.SweepBatchSize"/>): one scope and
/// DbContext per batch, each item sent through the mediator as its own command (its own handler and unit of work, whose
/// save is deferred: <see cref="DeferredSaves"/>), then one transaction for the whole batch (one SaveChanges, and its
/// notifications and emails inserted in bulk: decision 0015), so the batch's state changes, effect keys, notifications
/// and emails commit together. If any item is refused, conflicts
/// or throws, or the save fails (another run claimed one of the keys first), nothing of the batch is saved and every item
/// of it runs alone, the old way: its own scope and unit of work, where a Conflict from the unit of work means another
/// run produced the effect first (already done, not a failure). So correctness never depends on the batch, and the
/// counts are always the outcome of whichever run saved.
/// </summary>
public sealed partial class SweepRunner(IServiceScopeFactory scopes, IOptions<SweepOptions> options, ILogger<SweepRunner> log)
{
    public async Task<SweepReport> RunAsync<TItem>(string sweep, IQuery<IReadOnlyList<TItem>> find,
        Func<TItem, ICommand<Result<SweepOutcome>>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        IReadOnlyList<TItem> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(find, cancellationToken);

        var tally = new Tally();
        var size = Math.Max(1, options.Value.SweepBatchSize);
        foreach (var batch in due.Chunk(size))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var alone = batch.Length == 1 ? [0] : await RunBatchAsync(sweep, batch, handle, tally, cancellationToken);
            foreach (var index in alone) await RunAloneAsync(sweep, batch[index], handle, tally, cancellationToken);
        }

        var report = new SweepReport(sweep, due.Count, tally.Done, tally.NotDue, tally.AlreadyDone, tally.Failed);
        if (report.Found > 0) Finished(log, sweep, report.Found, report.Done, report.NotDue, report.AlreadyDone, report.Failed);
        if (report.Failed > 0) throw new SweepFailedException(report);
        return report;
    }

    /// <summary>
    /// Runs the batch's items in one scope with their saves deferred, then saves everything they changed in one
    /// SaveChanges (one transaction: every item's state change, effect key, notifications and emails together) and
    /// counts their outcomes. Returns the positions of the items to run alone: none when the batch saved; all of them
    /// when any item was refused, conflicted or threw, or the save failed (another run claimed a key first, say). Then
    /// nothing of the batch was saved or counted, and each item's own unit of work decides its outcome exactly.
    /// </summary>
    private async Task<IReadOnlyList<int>> RunBatchAsync<TItem>(string sweep, TItem[] items, Func<TItem, ICommand<Result<SweepOutcome>>> handle,
        Tally tally, CancellationToken cancellationToken)
    {
        var commands = items.Select(handle).ToArray();
        var results = new Result<SweepOutcome>[items.Length];
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var mediator = services.GetRequiredService<IMediator>();
        services.GetRequiredService<SweepBatch>().Start(commands);
        var deferredSaves = services.GetRequiredService<DeferredSaves>();
        deferredSaves.Active = true;
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = await mediator.Send(commands[i], cancellationToken);
                if (results[i].Status != ResultStatus.Ok)
                {
                    BatchAbandoned(log, sweep, items.Length, $"an item was refused or conflicted ({results[i].Status})");
                    return [.. Enumerable.Range(0, items.Length)];
                }
            }

            await deferredSaves.SaveAsync(db, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            BatchAbandoned(log, sweep, items.Length, exception.GetType().Name + ": " + exception.Message);
            return [.. Enumerable.Range(0, items.Length)];
        }

        for (var i = 0; i < items.Length; i++) Count(sweep, items[i], results[i], tally);
        return [];
    }

    /// <summary>One item in its own scope and unit of work (no transaction of ours: SaveChanges commits).</summary>
    private async Task RunAloneAsync<TItem>(string sweep, TItem item, Func<TItem, ICommand<Result<SweepOutcome>>> handle, Tally tally,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(handle(item), cancellationToken);
            Count(sweep, item, result, tally);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            tally.Failed++;
            ItemFailed(log, exception, sweep, item);
        }
    }

    private void Count<TItem>(string sweep, TItem item, Result<SweepOutcome> result, Tally tally)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok when result.Value == SweepOutcome.Done:
                tally.Done++;
                break;
            case ResultStatus.Ok when result.Value == SweepOutcome.AlreadyDone:
            case ResultStatus.Conflict:
                tally.AlreadyDone++;
                break;
            case ResultStatus.Ok:
                tally.NotDue++;
                break;
            default:
                tally.Failed++;
                ItemRefused(log, sweep, item, result.Status, string.Join(" ", result.Errors.Values.SelectMany(m => m)));
                break;
        }
    }

    private sealed class Tally
    {
        public int Done { get; set; }

        public int NotDue { get; set; }

        public int AlreadyDone { get; set; }

        public int Failed { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sweep {Sweep}: {Found} due, {Done} done, {NotDue} no longer due, {AlreadyDone} already done, {Failed} failed")]
    private static partial void Finished(ILogger logger, string sweep, int found, int done, int notDue, int alreadyDone, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Sweep}: item {Item} failed")]
    private static partial void ItemFailed(ILogger logger, Exception exception, string sweep, object? item);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep {Sweep}: item {Item} was refused ({Status}): {Errors}")]
    private static partial void ItemRefused(ILogger logger, string sweep, object? item, ResultStatus status, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Sweep}: a batch of {Count} items was not saved ({Why}); each runs again alone")]
    private static partial void BatchAbandoned(ILogger logger, string sweep, int count, string why);
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
