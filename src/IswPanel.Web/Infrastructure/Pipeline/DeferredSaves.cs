using IswPanel.Data;
using IswPanel.Data.Jobs;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Pipeline;

/// <summary>
/// Scoped. While <see cref="Active"/>, <see cref="UnitOfWorkBehavior{TMessage, TResponse}"/> leaves a successful
/// command's changes tracked instead of saving them, so that whoever set it (a sweep's batch: many commands in one
/// scope) saves them all together in one SaveChanges. A failed command still clears the change tracker, which throws
/// away the commands before it too: the caller must then abandon the whole group and run each command on its own.
/// <para>
/// Notifications and emails, which a batch writes by the thousand and never changes, are not tracked at all while
/// active: they wait here and are inserted in bulk by <see cref="SaveAsync"/>, in the same transaction as the rest of the
/// batch, with the effect keys and request history the items added (decision 0015).
/// </para>
/// </summary>
public sealed class DeferredSaves
{
    private readonly List<Notification> notifications = [];
    private readonly List<OutboxEmail> emails = [];
    private readonly List<Action> afterCommit = [];

    public bool Active { get; set; }

    public void Insert(Notification notification) => notifications.Add(notification);

    public void Insert(OutboxEmail email) => emails.Add(email);

    /// <summary>Runs once the group's changes have committed (never if they do not).</summary>
    public void AfterCommit(Action action)
    {
        if (!afterCommit.Contains(action)) afterCommit.Add(action);
    }

    /// <summary>Drops the rows waiting here, with the change tracker's: the group is abandoned.</summary>
    public void Discard()
    {
        notifications.Clear();
        emails.Clear();
        afterCommit.Clear();
    }

    /// <summary>
    /// Saves the group: the tracked changes and the rows waiting here, in one transaction, then runs what waits for
    /// the commit. Throws, with nothing saved, if any of it fails.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // The effect keys and request history each item added: append-only too, so inserted in bulk rather than by
        // SaveChanges (a key claimed already still fails the insert, and the batch is redone item by item).
        var (effects, history) = TakeAddedKeysAndHistory(db);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await db.InsertRowsAsync(effects, cancellationToken);
            await db.InsertRowsAsync(history, cancellationToken);
            await db.InsertRowsAsync(notifications, cancellationToken);
            await db.InsertRowsAsync(emails, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        notifications.Clear();
        emails.Clear();
        foreach (var action in afterCommit) action();
        afterCommit.Clear();
    }

    /// <summary>
    /// The effect keys and request history added in the scope, no longer tracked (so SaveChanges leaves them alone):
    /// one pass over the tracked entities, as each look at them scans every one for changes.
    /// </summary>
    private static (List<JobEffect> Effects, List<RequestEvent> History) TakeAddedKeysAndHistory(AppDbContext db)
    {
        var added = db.ChangeTracker.Entries().Where(entry => entry.State == EntityState.Added && entry.Entity is JobEffect or RequestEvent).ToList();
        foreach (var entry in added) entry.State = EntityState.Detached;
        return ([.. added.Select(entry => entry.Entity).OfType<JobEffect>()], [.. added.Select(entry => entry.Entity).OfType<RequestEvent>()]);
    }
}
