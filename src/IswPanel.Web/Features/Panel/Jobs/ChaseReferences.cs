using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Panel.Jobs;

/// <summary>
/// Unanswered references: a reference not received 5 working days (Deadlines:ChaseAfterWorkingDays) after the
/// applicant named the referee is chased once — the applicant and the administrators are told (category Vetting).
/// Only applicants in vetting (Applicant, Under review) are chased. Effect key: reference-reminder:{refereeId}. An
/// applicant linked to a shadower under non-solicitation (an authority's permanent staff) is not chased while it
/// applies: the skip and its reason are audited once.
/// </summary>
public static class ChaseReferences
{
    private static readonly PanelMemberStatus[] InVetting = [PanelMemberStatus.Applicant, PanelMemberStatus.UnderReview];

    public sealed record Due : IQuery<IReadOnlyList<Guid>>;

    public sealed record Command(Guid RefereeId) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid refereeId) => $"reference-reminder:{refereeId}";

    /// <summary>Whether a reference asked for at <paramref name="namedAt"/> (UTC) is overdue on <paramref name="today"/>.</summary>
    internal static bool IsDue(DateTime namedAt, DateOnly today, int workingDays, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(DateOnly.FromDateTime(namedAt.ToUkTime()), workingDays) <= today;

    public sealed class DueHandler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, IOptions<DeadlineOptions> options)
        : IQueryHandler<Due, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var workingDays = options.Value.ChaseAfterWorkingDays;
            // n working days are at least n calendar days; a day's margin covers UK time against UTC.
            var namedBefore = clock.UtcNow.AddDays(-(workingDays - 1));
            var waiting = await (
                from r in db.Referees.AsNoTracking()
                join p in db.IswProfiles on r.IswProfileId equals p.Id
                where r.ReceivedOn == null && InVetting.Contains(p.Status) && r.NamedAt <= namedBefore
                select new { r.Id, r.NamedAt })
                .ToListAsync(cancellationToken);
            var due = waiting.Where(r => IsDue(r.NamedAt, today, workingDays, calendar)).Select(r => r.Id).ToList();
            return await Sent.WithoutDoneAsync(db, due, Key, cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, IOptions<DeadlineOptions> options, Notifier notifier,
        IAuditLog audit, SweepBatch batch)
        : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var workingDays = options.Value.ChaseAfterWorkingDays;
            var found = await batch.LoadAsync("referee", command, c => c.RefereeId, LoadAsync, cancellationToken);
            // Received, or the applicant is no longer in vetting, since the sweep looked.
            if (found is null || found.ReceivedOn is not null || !InVetting.Contains(found.Status)
                || !IsDue(found.NamedAt, clock.Today, workingDays, calendar))
                return SweepOutcome.NotDue;

            var key = Key(command.RefereeId);
            if (await batch.EffectDoneAsync(db, command, c => Key(c.RefereeId), cancellationToken)) return SweepOutcome.AlreadyDone;

            // An authority's shadower (its permanent staff) under non-solicitation is never chased about joining.
            var waivers = found.Profile.Waivers.Select(w => w.ToRule()).ToList();
            var restrictions = await db.RestrictingAmongAsync(found.Shadowers, found.ProfileId, found.Profile.SweNumber, found.Profile.Email,
                waivers, clock.Today, cancellationToken);
            if (restrictions.Count > 0)
                return await SkippedChase.RecordAsync(db, audit, clock, key, "Referee", command.RefereeId, restrictions[0], cancellationToken);

            db.ClaimEffect(key, clock.UtcNow);

            var referee = $"{found.Name} ({found.Organisation})";
            var after = $"{RequestWording.WorkingDays(workingDays)} after";
            notifier.Tell(found.UserId, NotificationCategories.Vetting,
                $"Your reference from {referee} has not arrived {after} you named them. Ask them to send it, or name another referee.",
                "/my-evidence/referees");
            await notifier.TellAdministratorsAsync(NotificationCategories.Vetting,
                $"The reference from {referee} for {found.FullName} has not arrived {after} it was asked for.",
                $"/admin/panel/{found.ProfileId}", cancellationToken);
            return SweepOutcome.Done;
        }

        /// <summary>The batch's referees with their applicants (waivers included), the shadower records
        /// linked to any of them, and the applicants' users: five queries for the batch.</summary>
        private async Task<Dictionary<Guid, RefereeToChase>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        {
            var referees = await db.Referees.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Name, r.Organisation, r.NamedAt, r.ReceivedOn, r.IswProfileId })
                .ToListAsync(cancellationToken);
            var profileIds = referees.Select(r => r.IswProfileId).Distinct().ToList();
            var profiles = await db.IswProfiles.AsNoTracking().Include(p => p.Waivers).Where(p => profileIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            var shadowers = await db.LinkedToAnyAsync([.. profiles.Values.Select(p => (p.Id, p.SweNumber, p.Email))], cancellationToken);
            var found = referees.Where(r => profiles.ContainsKey(r.IswProfileId))
                .ToDictionary(r => r.Id, r => new RefereeToChase(r.Id, r.Name, r.Organisation, r.NamedAt, r.ReceivedOn, profiles[r.IswProfileId], shadowers));
            await notifier.RememberUsersAsync(found.Values.Select(r => r.Profile.UserId), cancellationToken);
            return found;
        }
    }

    public sealed record RefereeToChase(Guid Id, string Name, string Organisation, DateTime NamedAt, DateOnly? ReceivedOn, IswProfile Profile,
        IReadOnlyList<Shadower> Shadowers)
    {
        public Guid ProfileId => Profile.Id;

        public Guid UserId => Profile.UserId;

        public string FullName => Profile.FullName;

        public PanelMemberStatus Status => Profile.Status;
    }

    /// <summary>Hangfire: daily, 09:00 UK time by default (Jobs:ReferenceRemindersCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "panel.reference-reminders";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), refereeId => new Command(refereeId), cancellationToken);
    }
}
