using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Panel;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Panel.Jobs;

/// <summary>
/// Compliance warnings to the member and the administrators at 30, 14 and 7 days (Deadlines:ComplianceWarningDays)
/// before a document lapses — a DBS certificate or its annual Update Service status check, insurance, registration,
/// or any other document with an expiry date — for active and suspended members. "Days before it lapses" counts to
/// the first day it no longer counts (the day after <see cref="ComplianceDocument.ExpiresOn"/>), as
/// <see cref="DocumentLapse.DaysUntilLapse"/> does.
/// <para>
/// <b>Catching up.</b> Each run sends, per document, only the nearest warning point that has been reached (10 days
/// before: the 14-day warning), once; points passed without a run are skipped, never sent in a burst. Effect key:
/// compliance-warning:{documentId}:{expiresOn}:{days} — with the expiry date, so a renewed document warns again.
/// </para>
/// </summary>
public static class WarnLapsingDocuments
{
    public sealed record Item(Guid DocumentId, DateOnly ExpiresOn, int Days);

    /// <summary>Warnings due today and not yet sent: two queries.</summary>
    public sealed record Due : IQuery<IReadOnlyList<Item>>;

    public sealed record Command(Guid DocumentId, DateOnly ExpiresOn, int Days) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid documentId, DateOnly expiresOn, int days) => $"compliance-warning:{documentId}:{expiresOn:yyyy-MM-dd}:{days}";

    private static readonly PanelMemberStatus[] Warned = [PanelMemberStatus.Active, PanelMemberStatus.Suspended];

    /// <summary>The warning point reached <paramref name="daysUntilLapse"/> days before the lapse: the nearest one at or above it.</summary>
    public static int? PointReached(int daysUntilLapse, IReadOnlyList<int> points) =>
        daysUntilLapse < 1 ? null : points.Where(p => p >= daysUntilLapse).Cast<int?>().Min();

    public sealed class DueHandler(AppDbContext db, IClock clock, IOptions<DeadlineOptions> options) : IQueryHandler<Due, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var points = options.Value.WarningPoints();
            // Lapses within the furthest point: the last valid day is today or later, and before today + furthest.
            var lastValidBy = today.AddDays(points.Max() - 1);
            var lapsing = await (
                from d in db.ComplianceDocuments.AsNoTracking()
                join p in db.IswProfiles on d.IswProfileId equals p.Id
                where Warned.Contains(p.Status) && d.ExpiresOn != null && d.ExpiresOn >= today && d.ExpiresOn <= lastValidBy
                select new { d.Id, ExpiresOn = d.ExpiresOn!.Value })
                .ToListAsync(cancellationToken);

            var due = new List<Item>();
            foreach (var document in lapsing)
            {
                if (PointReached(DaysUntilLapse(document.ExpiresOn, today), points) is { } point)
                    due.Add(new Item(document.Id, document.ExpiresOn, point));
            }

            return await Sent.WithoutDoneAsync(db, due, item => Key(item.DocumentId, item.ExpiresOn, item.Days), cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, IOptions<DeadlineOptions> options, Notifier notifier, SweepBatch batch)
        : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var found = await batch.LoadAsync("document", command, c => c.DocumentId, LoadAsync, cancellationToken);
            // Renewed (a new expiry date), lapsed, or the member left the panel since the sweep looked.
            if (found is null || found.ExpiresOn != command.ExpiresOn || !Warned.Contains(found.Status)) return SweepOutcome.NotDue;
            var days = DaysUntilLapse(command.ExpiresOn, today);
            if (PointReached(days, options.Value.WarningPoints()) != command.Days) return SweepOutcome.NotDue;

            var key = Key(command.DocumentId, command.ExpiresOn, command.Days);
            if (await batch.EffectDoneAsync(db, command, c => Key(c.DocumentId, c.ExpiresOn, c.Days), cancellationToken)) return SweepOutcome.AlreadyDone;
            db.ClaimEffect(key, clock.UtcNow);

            var what = DocumentWording.Phrase(found.Kind);
            var when = $"lapses in {(days == 1 ? "1 day" : $"{days} days")}: it is valid until {RequestWording.Date(command.ExpiresOn)}";
            var action = found.Kind == ComplianceDocumentKind.EnhancedDbs && found.OnUpdateService
                ? "Ask us to do its annual Update Service status check, or send us a new certificate,"
                : "Renew it and send us the new details";
            await notifier.TellIswAsync(found.ProfileId, NotificationCategories.Compliance,
                $"Your {what} {when}. {action} so that you stay available for work.",
                DocumentWording.EvidencePath(found.Kind), cancellationToken);
            await notifier.TellAdministratorsAsync(NotificationCategories.Compliance,
                $"{found.FullName}'s {what} {when}.", $"/admin/panel/{found.ProfileId}", cancellationToken);
            return SweepOutcome.Done;
        }

        /// <summary>The batch's documents with their members, and the members' users: four queries for the batch.</summary>
        private async Task<Dictionary<Guid, DocumentToWarn>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        {
            var found = await (
                from d in db.ComplianceDocuments.AsNoTracking()
                join p in db.IswProfiles on d.IswProfileId equals p.Id
                where ids.Contains(d.Id)
                select new DocumentToWarn(d.Id, d.Kind, d.ExpiresOn, d.OnUpdateService, p.Id, p.FullName, p.Status))
                .ToDictionaryAsync(d => d.Id, cancellationToken);
            await notifier.RememberIswsAsync(found.Values.Select(d => d.ProfileId), cancellationToken);
            return found;
        }
    }

    public sealed record DocumentToWarn(Guid Id, ComplianceDocumentKind Kind, DateOnly? ExpiresOn, bool OnUpdateService, Guid ProfileId,
        string FullName, PanelMemberStatus Status);

    private static int DaysUntilLapse(DateOnly expiresOn, DateOnly today) => expiresOn.AddDays(1).DayNumber - today.DayNumber;

    /// <summary>Hangfire: daily, 07:00 UK time by default (Jobs:ComplianceWarningsCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "panel.compliance-warnings";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), item => new Command(item.DocumentId, item.ExpiresOn, item.Days), cancellationToken);
    }
}
