using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Lets a command hold the row it is about to change from before it reads it until its unit of work commits
/// (<see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> commits or rolls back the transaction this opens). Commands
/// that many people race for take it first, so that the racers queue at the lock and each then reads what the one
/// before committed, instead of all doing the whole change and all but one losing at the save: 64 members accepting one
/// request at once (B5) each did the whole acceptance on two cores before 63 were refused.
/// On SQLite there is nothing to take: its single writer already turns racers away at once. Inside a sweep's batch
/// (<see cref="DeferredSaves"/>) nothing is taken either: the batch is saved in one transaction of its own.
/// </summary>
public sealed class RowLocks(AppDbContext db, DeferredSaves deferredSaves)
{
    /// <summary>Waits for, then holds, the request's row until the command's unit of work ends.</summary>
    public async Task HoldRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (deferredSaves.Active || db.Database.IsSqlite()) return;
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"AssessmentRequests\" WHERE \"Id\" = {requestId} FOR UPDATE", cancellationToken);
        else
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM [AssessmentRequests] WITH (UPDLOCK, ROWLOCK) WHERE [Id] = {requestId}", cancellationToken);
    }
}
