using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// Milestone reminders to the assigned ISW at 5 and 2 working days before each milestone not yet reached, and on
/// the day (Deadlines:ReminderWorkingDays), for requests that are Assigned, In progress or In QA.
/// <para>
/// <b>Catching up.</b> The sweep runs daily. Each run sends, per milestone, only the latest reminder whose day has
/// come (<see cref="MilestoneSchedule.ReminderDue"/>), and only if that one was not sent before. If a run is missed,
/// the next one sends the reminder that matters now — with the real number of working days left — and skips the
/// earlier ones for good: one message, never a flood. Once the due date has passed the overdue escalation takes
/// over. Effect key: reminder:{requestId}:{milestone}:{workingDaysBefore}.
/// </para>
/// </summary>
public static class RemindMilestones
{
    public sealed record Item(Guid RequestId, string Milestone, int WorkingDaysBefore);

    /// <summary>The reminders due today and not yet sent: two queries however many requests there are.</summary>
    public sealed record Due : IQuery<IReadOnlyList<Item>>;

    public sealed record Command(Guid RequestId, string Milestone, int WorkingDaysBefore) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid requestId, string milestone, int workingDaysBefore) =>
        $"reminder:{requestId}:{milestone}:{workingDaysBefore}";

    public sealed class DueHandler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, IOptions<DeadlineOptions> options)
        : IQueryHandler<Due, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var points = options.Value.ReminderPoints();
            var horizon = MilestoneSchedule.ReminderHorizon(today, points, calendar);
            var rows = await (
                from r in db.AssessmentRequests.AsNoTracking()
                where MilestoneSchedule.Assigned.Contains(r.Status) && r.AssignedIswId != null
                from m in r.Milestones
                where m.Due >= today && m.Due <= horizon
                select new { r.Id, r.Status, m.Name, m.Due })
                .ToListAsync(cancellationToken);

            var due = new List<Item>();
            foreach (var row in rows.Where(row => !MilestoneSchedule.IsReached(row.Name, row.Status)))
            {
                if (MilestoneSchedule.ReminderDue(row.Due, today, points, calendar) is { } point)
                    due.Add(new Item(row.Id, row.Name, point));
            }

            return await Sent.WithoutDoneAsync(db, due, item => Key(item.RequestId, item.Milestone, item.WorkingDaysBefore), cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, IOptions<DeadlineOptions> options, Notifier notifier,
        SweepBatch batch)
        : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var found = await batch.LoadAsync("request", command, c => c.RequestId, LoadAsync, cancellationToken);
            if (found is not { Request: { AssignedIswId: { } isw } request } || !MilestoneSchedule.Assigned.Contains(request.Status)) return SweepOutcome.NotDue;
            var milestone = request.Milestones.FirstOrDefault(m => m.Name == command.Milestone);
            if (milestone is null || MilestoneSchedule.IsReached(milestone.Name, request.Status)
                || MilestoneSchedule.ReminderDue(milestone.Due, today, options.Value.ReminderPoints(), calendar) != command.WorkingDaysBefore)
                return SweepOutcome.NotDue;

            var key = Key(request.Id, milestone.Name, command.WorkingDaysBefore);
            if (await batch.EffectDoneAsync(db, command, c => Key(c.RequestId, c.Milestone, c.WorkingDaysBefore), cancellationToken))
                return SweepOutcome.AlreadyDone;
            db.ClaimEffect(key, clock.UtcNow);

            var name = RequestWording.Name(found.TypeName, request.CaseReference);
            var left = calendar.WorkingDaysBetween(today, milestone.Due);
            var text = milestone.Due == today
                ? $"Reminder for {name}: {milestone.Name} today, {RequestWording.Date(milestone.Due)}."
                : $"Reminder for {name}: {milestone.Name} {RequestWording.Date(milestone.Due)} ({RequestWording.WorkingDays(left)} left).";
            await notifier.TellIswAsync(isw, NotificationCategories.Deadlines, text, $"/requests/{request.Id}", cancellationToken);
            return SweepOutcome.Done;
        }

        /// <summary>The batch's requests with their type's name, and the assigned ISWs' users: four queries for the batch.</summary>
        private async Task<Dictionary<Guid, RequestToRemind>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        {
            var found = await (
                from r in db.AssessmentRequests.AsNoTracking()
                where ids.Contains(r.Id)
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new RequestToRemind(r, t.Name))
                .ToDictionaryAsync(row => row.Request.Id, cancellationToken);
            await notifier.RememberIswsAsync(found.Values.Select(row => row.Request.AssignedIswId).OfType<Guid>(), cancellationToken);
            return found;
        }
    }

    public sealed record RequestToRemind(AssessmentRequest Request, string TypeName);

    /// <summary>Hangfire: daily, 07:30 UK time by default (Jobs:MilestoneRemindersCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "deadlines.milestone-reminders";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), item => new Command(item.RequestId, item.Milestone, item.WorkingDaysBefore), cancellationToken);
    }
}
