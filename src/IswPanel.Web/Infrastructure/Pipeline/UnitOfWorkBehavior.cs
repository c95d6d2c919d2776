using IswPanel.Data;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Commands change state; this saves what their handler changed, once, only when it succeeded.
/// Handlers never call SaveChanges themselves. A lost optimistic-concurrency race becomes a Conflict, or the failure
/// the handler said losing would mean (<see cref="LostRace"/>).
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(AppDbContext db, LostRace? lostRace = null, DeferredSaves? deferredSaves = null,
    RowLocks? rowLocks = null)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        lostRace?.Forget();
        var outer = db.Database.CurrentTransaction;
        var saved = false;
        try
        {
            var response = await HandleAndSaveAsync(message, next, outer, cancellationToken);
            saved = response.IsSuccess;
            return response;
        }
        finally
        {
            // A transaction the handler opened (to hold a row first: RowLocks) and that did not commit with the save
            // is rolled back here, whatever happened; a committed one is no longer current.
            if (db.Database.CurrentTransaction is { } opened && !ReferenceEquals(opened, outer)) await opened.DisposeAsync();
            // Only now, with the row's lock gone too, may the next racer in this process look at the request.
            rowLocks?.EndTurn(assigned: saved && outer is null);
        }
    }

    private async ValueTask<TResponse> HandleAndSaveAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        IDbContextTransaction? outer, CancellationToken cancellationToken)
    {
        TResponse response;
        try
        {
            response = await next(message, cancellationToken);
        }
        catch
        {
            // A handler that throws (a broken domain rule, say) may have changed tracked entities halfway;
            // nothing saved later in this scope may carry those changes.
            Abandon();
            throw;
        }

        if (!response.IsSuccess)
        {
            Abandon();
            return response;
        }

        // Saved with the rest of its group by whoever deferred the saves (a sweep's batch).
        if (deferredSaves is { Active: true }) return response;
        var opened = db.Database.CurrentTransaction is { } current && !ReferenceEquals(current, outer) ? current : null;
        // In a transaction the command opened itself (RowLocks), the save is its last statement and a failed save rolls
        // the whole transaction back, so EF Core's savepoint around the save would only add two round trips while the
        // row is held. Inside someone else's transaction the savepoint stays: they may carry on after this one fails.
        var savepoints = db.Database.AutoSavepointsEnabled;
        if (opened is not null) db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (opened is not null) await opened.CommitAsync(cancellationToken);
            return response;
        }
        catch (Exception race) when (IsLostRace(race))
        {
            db.ChangeTracker.Clear();
            if (lostRace?.Meaning is { } meaning) return TResponse.Failure(meaning.Status, meaning.Errors);
            return TResponse.Failure(ResultStatus.Conflict, new Dictionary<string, string[]>
            {
                [""] = ["Someone else changed this at the same time, so your change was not saved. Reload the page and try again."],
            });
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }
    }

    /// <summary>Forgets what the failed command changed: its tracked changes and any rows waiting for a group's save.</summary>
    private void Abandon()
    {
        db.ChangeTracker.Clear();
        deferredSaves?.Discard();
    }

    /// <summary>
    /// A concurrent change won: a concurrency token no longer matched, a unique index refused a second row
    /// (e.g. a second active assignment), or SQLite's single writer was busy past its timeout.
    /// </summary>
    private static bool IsLostRace(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner) || IsBusy(inner),
        _ => IsBusy(exception),
    };

    private static bool IsUniqueViolation(Exception exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        Npgsql.PostgresException { SqlState: "23505" } => true,
        Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 } => true,
        _ => false,
    };

    // SQLITE_BUSY, SQLITE_LOCKED: SQLite has one writer; a racing writer that waited past its timeout lost.
    private static bool IsBusy(Exception exception) => exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };
}
