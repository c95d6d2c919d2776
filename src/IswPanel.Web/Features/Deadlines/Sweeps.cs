using IswPanel.Data;
using IswPanel.Web.Infrastructure.Email;
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
    /// Items handled in one scope and one database transaction (1 = each item alone, the old way). The default, 64, is the
    /// number of subtransactions PostgreSQL caches per session: each item runs under a savepoint, and more than 64 of them
    /// that write in one open transaction make other sessions' snapshots slower until it commits.
    /// </summary>
    public int SweepBatchSize { get; set; } = 64;
}

/// <summary>
/// Runs a sweep the way docs/decisions/0008 describes: one scope to find what is due (set-based queries, a constant
/// number however many rows), then the items in batches (<see cref="SweepOptions.SweepBatchSize"/>): one scope, one
/// DbContext and one database transaction per batch, each item sent through the mediator as its own command (its own
/// handler and unit of work) under a savepoint of its own, the change tracker cleared after it, and one commit for
/// the batch. An item that conflicts or is refused is rolled back to its savepoint, so it never undoes the others; a
/// Conflict from the unit of work means another run claimed the item's effect key first: already done, not a failure.
/// An item that throws is rolled back to its savepoint too and, once the batch has committed, run again alone (its own
/// scope and unit of work, the old way): only that run's outcome counts. If the batch cannot commit, every item of it
/// runs alone, so correctness never depends on the batch.
/// </summary>
public sealed partial class SweepRunner(IServiceScopeFactory scopes, IOptions<SweepOptions> options, ILogger<SweepRunner> log)
{
    private const string ItemSavepoint = "sweep_item";

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
    /// Runs the batch in one transaction and counts its outcomes once it has committed. Returns the positions of the
    /// items to run alone: those that threw, or all of them when the batch could not commit (nothing of it was counted).
    /// </summary>
    private async Task<IReadOnlyList<int>> RunBatchAsync<TItem>(string sweep, TItem[] items, Func<TItem, ICommand<Result<SweepOutcome>>> handle,
        Tally tally, CancellationToken cancellationToken)
    {
        var commands = items.Select(handle).ToArray();
        var results = new Result<SweepOutcome>?[items.Length];
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var mediator = services.GetRequiredService<IMediator>();
        services.GetRequiredService<SweepBatch>().Start(commands);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The runner's savepoint covers the whole item, its reads included; one more per SaveChanges would only cost.
            db.Database.AutoSavepointsEnabled = false;
            for (var i = 0; i < items.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await transaction.CreateSavepointAsync(ItemSavepoint, cancellationToken);
                try
                {
                    results[i] = await mediator.Send(commands[i], cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Run again alone after the batch (a lock timeout or a deadlock with another server may pass); that run logs.
                    ItemDeferred(log, exception, sweep, items[i]);
                }

                // Refused, conflicting or failed: undo what the item wrote (on PostgreSQL a failed statement also
                // poisons the transaction until this rollback). Nothing the item tracked may reach the next one.
                if (results[i] is not { Status: ResultStatus.Ok }) await transaction.RollbackToSavepointAsync(ItemSavepoint, cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            BatchAbandoned(log, exception, sweep, items.Length);
            return [.. Enumerable.Range(0, items.Length)];
        }

        services.GetRequiredService<EmailOutbox>().Committed();
        var alone = new List<int>();
        for (var i = 0; i < items.Length; i++)
        {
            if (results[i] is { } result) Count(sweep, items[i], result, tally);
            else alone.Add(i);
        }

        return alone;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Sweep}: item {Item} failed in its batch; it will run again alone")]
    private static partial void ItemDeferred(ILogger logger, Exception exception, string sweep, object? item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {Sweep}: a batch of {Count} items could not commit; each runs again alone")]
    private static partial void BatchAbandoned(ILogger logger, Exception exception, string sweep, int count);
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
