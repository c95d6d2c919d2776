using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IswPanel.Benchmarks.Deadlines;

/// <summary>
/// Counts the round trips a <see cref="Infrastructure.CommandLog"/> does not see, by DbContext: a transaction committed or
/// rolled back, a savepoint created or rolled back to (the sweep runner's batches send them beside the commands).
/// Not BEGIN: Npgsql sends it with the next command, not as a round trip of its own.
/// </summary>
public sealed class TransactionLog : DbTransactionInterceptor
{
    private readonly ConcurrentQueue<DbContextId> entries = new();

    public bool Recording { get; set; }

    public IReadOnlyList<DbContextId> Entries => [.. entries];

    public void Clear() => entries.Clear();

    private void Add(TransactionEventData data)
    {
        if (Recording) entries.Enqueue(data.Context?.ContextId ?? default);
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Add(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> TransactionRollingBackAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Add(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Add(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> RollingBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Add(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Add(eventData);
        return ValueTask.FromResult(result);
    }
}
