using System.Globalization;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Retention;

/// <summary>
/// The monthly retention sweep: when requests have passed their retention date and are not purged yet, the panel
/// administrators get one task a month saying how many, linking to <see cref="PurgeRequests.PagePath"/> where a person
/// confirms the purge. Nothing is purged automatically. Effect key: retention-due:{yyyy-MM}.
/// </summary>
public static class RetentionDue
{
    /// <summary>This month ("2026-12") when anything is due, else nothing.</summary>
    public sealed record Due : IQuery<IReadOnlyList<string>>;

    public sealed record CreateTask(string Month) : ICommand<Result<SweepOutcome>>;

    public static string Key(string month) => $"retention-due:{month}";

    private static string MonthOf(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public sealed class DueHandler(AppDbContext db, IClock clock) : IQueryHandler<Due, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            return await PurgeRequests.PastRetention(db, today).AnyAsync(cancellationToken) ? [MonthOf(today)] : [];
        }
    }

    public sealed class TaskHandler(AppDbContext db, IClock clock, Notifier notifier) : ICommandHandler<CreateTask, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(CreateTask command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            if (MonthOf(today) != command.Month) return SweepOutcome.NotDue;
            var key = Key(command.Month);
            if (await db.EffectDoneAsync(key, cancellationToken)) return SweepOutcome.AlreadyDone;
            var count = await PurgeRequests.PastRetention(db, today).CountAsync(cancellationToken);
            if (count == 0) return SweepOutcome.NotDue;

            db.ClaimEffect(key, clock.UtcNow);
            await notifier.TellAdministratorsAsync(NotificationCategories.Requests, Text(count), PurgeRequests.PagePath, cancellationToken);
            return SweepOutcome.Done;
        }

        internal static string Text(int count) => count == 1
            ? "1 request has passed its retention date. Check it and confirm the purge of its child details and documents."
            : $"{count} requests have passed their retention date. Check them and confirm the purge of their child details and documents.";
    }

    /// <summary>Hangfire: monthly, on the 1st at 06:00 UK time by default (Jobs:RetentionSweepCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "requests.retention-due";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), month => new CreateTask(month), cancellationToken);
    }
}
