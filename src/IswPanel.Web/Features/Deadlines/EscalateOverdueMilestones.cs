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

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// Overdue escalation: from the working day after a milestone's due date, a milestone not reached (see
/// <see cref="MilestoneSchedule"/>) is escalated once to the panel administrators, the authority's commissioners and
/// the assigned ISW (if any), category Deadlines, and recorded in the request's history. A sweep that missed days
/// escalates on its next run. Effect key: overdue:{requestId}:{milestone}.
/// </summary>
public static class EscalateOverdueMilestones
{
    public sealed record Item(Guid RequestId, string Milestone);

    /// <summary>Missed milestones not yet escalated: two queries however many requests there are.</summary>
    public sealed record Due : IQuery<IReadOnlyList<Item>>;

    public sealed record Command(Guid RequestId, string Milestone) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid requestId, string milestone) => $"overdue:{requestId}:{milestone}";

    public sealed class DueHandler(AppDbContext db, IClock clock, WorkingDayCalendar calendar) : IQueryHandler<Due, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Due query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var rows = await (
                from r in db.AssessmentRequests.AsNoTracking()
                where MilestoneSchedule.Open.Contains(r.Status)
                from m in r.Milestones
                where m.Due < today
                select new { r.Id, r.Status, m.Name, m.Due })
                .ToListAsync(cancellationToken);

            var due = rows
                .Where(row => !MilestoneSchedule.IsReached(row.Name, row.Status) && MilestoneSchedule.IsOverdue(row.Due, today, calendar))
                .Select(row => new Item(row.Id, row.Name))
                .ToList();
            return await Sent.WithoutDoneAsync(db, due, item => Key(item.RequestId, item.Milestone), cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, Notifier notifier, SweepBatch batch)
        : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var found = await batch.LoadAsync("request", command, c => c.RequestId, LoadAsync, cancellationToken);
            if (found is not { Request: var request } || !MilestoneSchedule.Open.Contains(request.Status)) return SweepOutcome.NotDue;
            var milestone = request.Milestones.FirstOrDefault(m => m.Name == command.Milestone);
            if (milestone is null || MilestoneSchedule.IsReached(milestone.Name, request.Status) || !MilestoneSchedule.IsOverdue(milestone.Due, today, calendar))
                return SweepOutcome.NotDue;

            var key = Key(request.Id, milestone.Name);
            if (await batch.EffectDoneAsync(db, command, c => Key(c.RequestId, c.Milestone), cancellationToken)) return SweepOutcome.AlreadyDone;
            var now = clock.UtcNow;
            db.ClaimEffect(key, now);

            var text = $"Overdue: {RequestWording.Name(found.TypeName, request.CaseReference)} has missed {milestone.Name} {RequestWording.Date(milestone.Due)}.";
            var link = $"/requests/{request.Id}";
            await notifier.TellAdministratorsAsync(NotificationCategories.Deadlines, text, link, cancellationToken);
            await notifier.TellAuthorityAsync(request.AuthorityId, NotificationCategories.Deadlines, text, link, cancellationToken);
            if (request.AssignedIswId is { } isw)
                await notifier.TellIswAsync(isw, NotificationCategories.Deadlines, text, link, cancellationToken);

            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, null,
                $"Overdue: {milestone.Name} {RequestWording.Date(milestone.Due)} was missed. The panel administrators, the authority's commissioners"
                + (request.AssignedIswId is null ? " were told." : " and the assigned social worker were told.")));
            return SweepOutcome.Done;
        }

        /// <summary>The batch's requests with their type's name, and everyone to tell: six queries for the batch.</summary>
        private async Task<Dictionary<Guid, RequestToEscalate>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
        {
            var found = await (
                from r in db.AssessmentRequests.AsNoTracking()
                where ids.Contains(r.Id)
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new RequestToEscalate(r, t.Name))
                .ToDictionaryAsync(row => row.Request.Id, cancellationToken);
            await notifier.RememberAuthoritiesAsync(found.Values.Select(row => row.Request.AuthorityId), cancellationToken);
            await notifier.RememberIswsAsync(found.Values.Select(row => row.Request.AssignedIswId).OfType<Guid>(), cancellationToken);
            return found;
        }
    }

    public sealed record RequestToEscalate(AssessmentRequest Request, string TypeName);

    /// <summary>Hangfire: daily, 07:35 UK time by default (Jobs:OverdueMilestonesCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "deadlines.overdue-milestones";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), item => new Command(item.RequestId, item.Milestone), cancellationToken);
    }
}
