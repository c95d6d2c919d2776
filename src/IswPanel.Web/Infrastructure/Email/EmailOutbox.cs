using Hangfire;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Web.Features.Outbox;
using IswPanel.Web.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IswPanel.Web.Infrastructure.Email;

/// <summary>Section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Retries after a failed first try before an email is given up and shown on /admin/email (0 to
    /// <see cref="DeliverEmail.MaxRetries"/>; Hangfire waits 1, 5, 15 and 30 minutes, then an hour and more, between them).
    /// </summary>
    public int Retries { get; set; } = 5;

    /// <summary>The most emails one dispatcher run hands to delivery jobs; the rest wait for the next run.</summary>
    public int DispatchBatchSize { get; set; } = 500;

    /// <summary>Tries in all (the first and the retries), within what the delivery job's retry attribute allows.</summary>
    public int MaxAttempts => Math.Clamp(Retries, 0, DeliverEmail.MaxRetries) + 1;
}

/// <summary>
/// Writes emails to the outbox table in the caller's unit of work: saved with the change they report, or not at all.
/// Once the unit of work has saved them, the dispatcher is asked to run at once instead of at its next minute; if
/// that request fails, nothing is lost: the recurring dispatcher finds every unsent email anyway. Hangfire's client
/// is only resolved then, inside that guard, so a notification can never fail the change it reports.
/// </summary>
public sealed partial class EmailOutbox(AppDbContext db, IServiceProvider services, ILogger<EmailOutbox> logger, DeferredSaves deferredSaves)
{
    private readonly List<object> waitingForSave = [];
    private bool listening;

    public void Add(OutboxEmail email)
    {
        // In a sweep's batch: inserted in bulk with the batch, and the dispatcher started once it commits.
        if (deferredSaves.Active)
        {
            deferredSaves.Insert(email);
            deferredSaves.AfterCommit(StartDispatcher);
            return;
        }

        db.OutboxEmails.Add(email);
        DispatchWhenSaved(email);
    }

    /// <summary>Starts the dispatcher as soon as the change to <paramref name="entity"/> (added or modified in this unit of work) is saved.</summary>
    public void DispatchWhenSaved(object entity)
    {
        waitingForSave.Add(entity);
        if (listening) return;
        listening = true;
        db.SavedChanges += OnSaved;
    }

    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        // Saved entities are Unchanged now; ones discarded by a failed unit of work are Detached and never count.
        if (waitingForSave.RemoveAll(entity => db.Entry(entity).State == EntityState.Unchanged) == 0) return;
        StartDispatcher();
    }

    private void StartDispatcher()
    {
        try
        {
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<DispatchOutboxJob>(job => job.RunAsync(CancellationToken.None));
        }
#pragma warning disable CA1031 // The data is saved; a failed nudge must not turn the user's saved change into an error.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogNudgeFailed(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start the email dispatcher after a save; its recurring run will send the emails.")]
    private partial void LogNudgeFailed(Exception failure);
}
