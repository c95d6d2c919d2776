using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Lets a command hold the row it is about to change from before it reads it until its unit of work commits
/// (<see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> commits or rolls back the transaction this opens). Commands
/// that many people race for take it first, so that each reads what the one before committed, instead of all doing the
/// whole change and all but one losing at the save: 64 members accepting one request at once (B5) each did the whole
/// acceptance on two cores before 63 were refused.
/// On SQLite there is nothing to take: its single writer already turns racers away at once. Inside a sweep's batch
/// (<see cref="DeferredSaves"/>) nothing is taken either: the batch is saved in one transaction of its own.
/// </summary>
public sealed class RowLocks(AppDbContext db, DeferredSaves deferredSaves)
{
    // After this many rounds of "someone else held it and then did not assign it", queue like any other writer.
    private const int SideBySideRounds = 20;

    /// <summary>
    /// Holds the request's row until the command's unit of work ends, unless another command assigns the request first.
    /// Racers for one request do not queue for the row one after another (on PostgreSQL the 63 losers of B5 then waited
    /// about 5 ms each for the ones ahead): whoever finds it held waits beside the others, with a shared lock, for the
    /// holder to finish. If the holder assigned it, they all learn so at once; if not, they try again for the row.
    /// </summary>
    /// <returns>false when another command assigned the request while this one waited.</returns>
    public async Task<bool> HoldUnassignedRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (deferredSaves.Active || db.Database.IsSqlite()) return true;
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            await HoldRequestAsync(requestId, cancellationToken);
            return true;
        }

        for (var round = 0; round < SideBySideRounds; round++)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
            if (await ScalarAsync<int>($"SELECT 1 AS \"Value\" FROM \"AssessmentRequests\" WHERE \"Id\" = {requestId} FOR UPDATE SKIP LOCKED",
                    cancellationToken) == 1)
                return true;

            // Someone holds it (most likely a racing acceptance): wait with every other racer for them to finish.
            if (await ScalarAsync<bool>($"SELECT \"AssignedIswId\" IS NOT NULL AS \"Value\" FROM \"AssessmentRequests\" WHERE \"Id\" = {requestId} FOR SHARE",
                    cancellationToken))
                return false;

            // The holder let it go unassigned: give up the shared lock (nothing has been read or changed yet) and try again.
            await db.Database.RollbackTransactionAsync(cancellationToken);
        }

        await HoldRequestAsync(requestId, cancellationToken);
        return true;
    }

    /// <summary>Waits for, then holds, the request's row until the command's unit of work ends.</summary>
    private async Task HoldRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (deferredSaves.Active || db.Database.IsSqlite()) return;
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"AssessmentRequests\" WHERE \"Id\" = {requestId} FOR UPDATE", cancellationToken);
        else
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM [AssessmentRequests] WITH (UPDLOCK, ROWLOCK) WHERE [Id] = {requestId}", cancellationToken);
    }

    private async Task<T?> ScalarAsync<T>(FormattableString sql, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<T>(sql).ToListAsync(cancellationToken)).SingleOrDefault();
}
