using Hangfire;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Outbox;

/// <summary>
/// Hands each waiting email to exactly one delivery job. The claim "email-queued:{id}" is saved before the job is
/// enqueued, so two dispatchers (the minute's run and one started after a save, or runs on two servers) never
/// enqueue the same email twice: the second claim fails on the key's uniqueness.
/// </summary>
public static class DispatchOutbox
{
    public static string QueuedKey(Guid emailId) => $"email-queued:{emailId}";

    /// <summary>Unsent, not given up, and not yet claimed by a dispatcher: oldest first.</summary>
    public sealed record Waiting(int Limit) : IQuery<IReadOnlyList<Guid>>;

    public sealed class WaitingHandler(AppDbContext db) : IQueryHandler<Waiting, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Waiting query, CancellationToken cancellationToken)
        {
            var unsent = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.SentAt == null && e.GaveUpAt == null)
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .Select(e => e.Id).ToListAsync(cancellationToken);
            var unclaimed = new List<Guid>();
            foreach (var chunk in unsent.Chunk(500))
            {
                var keys = chunk.Select(QueuedKey).ToList();
                var claimed = (await db.JobEffects.AsNoTracking().Where(e => keys.Contains(e.Key)).Select(e => e.Key)
                    .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
                unclaimed.AddRange(chunk.Where(id => !claimed.Contains(QueuedKey(id))));
                if (unclaimed.Count >= query.Limit) break;
            }

            return [.. unclaimed.Take(query.Limit)];
        }
    }

    /// <summary>Claims one email for delivery. A Conflict means another dispatcher has it.</summary>
    public sealed record Claim(Guid EmailId) : ICommand<Result<Guid>>;

    public sealed class ClaimHandler(AppDbContext db, IClock clock) : ICommandHandler<Claim, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Claim command, CancellationToken cancellationToken)
        {
            var waiting = await db.OutboxEmails.AnyAsync(e => e.Id == command.EmailId && e.SentAt == null && e.GaveUpAt == null, cancellationToken);
            if (!waiting) return Failure.NotFound;
            db.ClaimEffect(QueuedKey(command.EmailId), clock.UtcNow);
            return command.EmailId;
        }
    }

    /// <summary>Gives a claim back (the job could not be enqueued, or an administrator tries a given-up email again).</summary>
    public sealed record Release(Guid EmailId) : ICommand<Result<Done>>;

    public sealed class ReleaseHandler(AppDbContext db) : ICommandHandler<Release, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Release command, CancellationToken cancellationToken)
        {
            var key = QueuedKey(command.EmailId);
            var claim = await db.JobEffects.SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
            if (claim is null) return Failure.NotFound;
            db.JobEffects.Remove(claim);
            return Done.Value;
        }
    }
}

/// <summary>
/// The recurring dispatcher (Jobs:OutboxCron, every minute by default), also started right after a unit of work that
/// wrote emails. Each claim is its own unit of work, so one email another server took never holds up the rest.
/// </summary>
public sealed partial class DispatchOutboxJob(IMediator mediator, IServiceScopeFactory scopes, IBackgroundJobClient jobs,
    IOptions<OutboxOptions> options, ILogger<DispatchOutboxJob> logger)
{
    public const string Id = "outbox.dispatch";

    /// <summary>Returns how many delivery jobs this run enqueued.</summary>
    [JobDisplayName("Dispatch waiting emails")]
    [AutomaticRetry(Attempts = 0)] // the next minute's run is the retry
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var waiting = await mediator.Send(new DispatchOutbox.Waiting(Math.Max(1, options.Value.DispatchBatchSize)), cancellationToken);
        var enqueued = 0;
        foreach (var emailId in waiting)
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<IMediator>();
            var claim = await sender.Send(new DispatchOutbox.Claim(emailId), cancellationToken);
            if (!claim.IsSuccess) continue; // sent meanwhile, or another dispatcher claimed it first

            try
            {
                jobs.Enqueue<DeliverEmailJob>(job => job.RunAsync(emailId, CancellationToken.None));
                enqueued++;
            }
#pragma warning disable CA1031 // Any failure to enqueue gives the claim back, so the next run tries again.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogEnqueueFailed(failure, emailId);
                await using var release = scopes.CreateAsyncScope();
                await release.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutbox.Release(emailId), CancellationToken.None);
            }
        }

        return enqueued;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not enqueue the delivery of email {EmailId}; its claim was released for the next run.")]
    private partial void LogEnqueueFailed(Exception failure, Guid emailId);
}
