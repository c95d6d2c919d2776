using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Lets a command hold the row it is about to change from before it reads it until its unit of work commits
/// (<see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> commits or rolls back the transaction this opens). Commands
/// that many people race for take it first, so that each reads what the one before committed, instead of all doing the
/// whole change and all but one losing at the save: 64 members accepting one request at once (B5) each did the whole
/// acceptance on two cores before 63 were refused.
/// Racers in this process take turns in memory first (<see cref="RequestTurns"/>), so only one of them at a time uses the
/// database. On SQLite that is all there is (one process, one writer). Inside a sweep's batch (<see cref="DeferredSaves"/>)
/// nothing is taken: the batch is saved in one transaction of its own.
/// </summary>
public sealed class RowLocks(AppDbContext db, DeferredSaves deferredSaves, RequestTurns turns) : IDisposable
{
    private RequestTurns.Turn? turn;

    // After this many rounds of "someone else held it and then did not assign it", queue like any other writer.
    private const int SideBySideRounds = 20;

    private const int Held = 0, AssignedMeanwhile = 1, ReleasedUnassigned = 2;

    /// <summary>
    /// Holds the request's row until the command's unit of work ends, unless another command assigns the request first.
    /// Racers for one request do not queue for the row one after another (on PostgreSQL the 63 losers of B5 then waited
    /// about 5 ms each for the ones ahead): whoever finds it held waits beside the others, with a shared lock, for the
    /// holder to finish. If the holder assigned it, they all learn so at once; if not, they try again for the row.
    /// </summary>
    /// <returns>false when another command assigned the request while this one waited.</returns>
    public async Task<bool> HoldUnassignedRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (deferredSaves.Active) return true;
        // Racers in this process line up in memory first: only the one whose turn it is goes on to the database.
        turn ??= await turns.WaitAsync(requestId, cancellationToken);
        if (turn is null) return false;
        if (db.Database.IsSqlite()) return true;
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null)
        {
            await HoldRequestAsync(requestId, cancellationToken);
            return true;
        }

        for (var round = 0; round < SideBySideRounds; round++)
        {
            await db.Database.BeginTransactionAsync(cancellationToken);
            // One round trip: take the row if nobody holds it; else (and only else: PostgreSQL runs each sub-select when
            // the CASE first needs it) wait with every other racer, with a shared lock, for the holder to finish.
            var outcome = await ScalarAsync<int>($"""
                SELECT CASE
                    WHEN EXISTS (SELECT 1 FROM "AssessmentRequests" WHERE "Id" = {requestId} FOR UPDATE SKIP LOCKED) THEN {Held}
                    WHEN (SELECT "AssignedIswId" IS NOT NULL FROM "AssessmentRequests" WHERE "Id" = {requestId} FOR SHARE) THEN {AssignedMeanwhile}
                    ELSE {ReleasedUnassigned} END AS "Value"
                """, cancellationToken);
            if (outcome == Held) return true;
            if (outcome == AssignedMeanwhile)
            {
                // Another process assigned it: those in line here need not ask the database again.
                EndTurn(assigned: true);
                return false;
            }

            // The holder let it go unassigned: give up the shared lock (nothing has been read or changed yet) and try again.
            await db.Database.RollbackTransactionAsync(cancellationToken);
        }

        await HoldRequestAsync(requestId, cancellationToken);
        return true;
    }

    /// <summary>
    /// The unit of work calls this once its transaction has ended: <paramref name="assigned"/> when it committed, since a
    /// command that holds an unassigned request either assigns it and commits or gives up. Those in line are then told it
    /// is taken, or the next goes ahead.
    /// </summary>
    public void EndTurn(bool assigned)
    {
        turn?.End(assigned);
        turn = null;
    }

    /// <summary>A command that never reached its unit of work's end (it threw) must not keep the others waiting.</summary>
    public void Dispose() => EndTurn(assigned: false);

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
