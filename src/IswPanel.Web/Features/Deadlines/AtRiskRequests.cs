using System.Text;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// Requests at risk of missing their deadline (the rule is <see cref="MilestoneSchedule.RiskOn"/>): the page
/// /deadlines/at-risk shows the current list, and on each working day the administrators get one message listing
/// them (effect key at-risk:{date}). No message when nothing is at risk, and none on weekends and bank holidays.
/// </summary>
public static class AtRiskRequests
{
    public const string PagePath = "/deadlines/at-risk";

    public sealed record Query : IQuery<Listing>;

    public sealed record Listing(DateOnly Today, IReadOnlyList<Row> Rows);

    public sealed record Row(Guid RequestId, string CaseReference, string AssessmentTypeName, string Authority, AssessmentRequestStatus Status,
        DateOnly Deadline, int RemainingWorkingDays, int WorkLeftWorkingDays, int ShortfallWorkingDays, string Why)
    {
        public string Name => RequestWording.Name(AssessmentTypeName, CaseReference);
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser me, IClock clock, WorkingDayCalendar calendar) : IQueryHandler<Query, Listing>
    {
        public async ValueTask<Listing> Handle(Query query, CancellationToken cancellationToken) =>
            new(clock.Today, await ListAsync(db, db.AssessmentRequests.VisibleTo(me), clock.Today, calendar, cancellationToken));
    }

    /// <summary>One query for every open request with its type, authority and plan; the rule runs in memory.</summary>
    internal static async Task<IReadOnlyList<Row>> ListAsync(AppDbContext db, IQueryable<AssessmentRequest> requests, DateOnly today,
        WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var open = await (
            from r in requests.AsNoTracking()
            where MilestoneSchedule.Open.Contains(r.Status)
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            join a in db.Authorities on r.AuthorityId equals a.Id
            select new { r.Id, r.CaseReference, r.Status, r.FilingDeadline, Type = t.Name, t.TypicalWeeks, Authority = a.Name, r.Milestones })
            .ToListAsync(cancellationToken);

        if (!calendar.Covers(today)) return [];
        var rows = new List<Row>();
        foreach (var r in open.Where(r => calendar.Covers(r.FilingDeadline)))
        {
            var risk = MilestoneSchedule.RiskOn(today, r.Status, r.FilingDeadline, r.TypicalWeeks, r.Milestones, calendar);
            if (risk.AtRisk)
            {
                rows.Add(new Row(r.Id, r.CaseReference, r.Type, r.Authority, r.Status, r.FilingDeadline, risk.RemainingWorkingDays,
                    risk.WorkLeftWorkingDays, risk.ShortfallWorkingDays, risk.Explain(r.Type)));
            }
        }

        return [.. rows.OrderBy(r => r.Deadline).ThenByDescending(r => r.ShortfallWorkingDays).ThenBy(r => r.CaseReference, StringComparer.Ordinal)];
    }

    /// <summary>The day the digest is for: today, UK time.</summary>
    public sealed record Due : IQuery<IReadOnlyList<DateOnly>>;

    /// <summary>Tells every administrator, once for <paramref name="On"/>, which requests are at risk.</summary>
    public sealed record Digest(DateOnly On) : ICommand<Result<SweepOutcome>>;

    public static string Key(DateOnly on) => $"at-risk:{on:yyyy-MM-dd}";

    public sealed class DueHandler(IClock clock) : IQueryHandler<Due, IReadOnlyList<DateOnly>>
    {
        public ValueTask<IReadOnlyList<DateOnly>> Handle(Due query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<DateOnly>>([clock.Today]);
    }

    public sealed class DigestHandler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, Notifier notifier)
        : ICommandHandler<Digest, Result<SweepOutcome>>
    {
        /// <summary>Room for the list within a notification's 500 characters.</summary>
        private const int MaxText = 500;

        public async ValueTask<Result<SweepOutcome>> Handle(Digest command, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            if (command.On != today || !calendar.Covers(today) || !calendar.IsWorkingDay(today)) return SweepOutcome.NotDue;
            var rows = await ListAsync(db, db.AssessmentRequests, today, calendar, cancellationToken);
            if (rows.Count == 0) return SweepOutcome.NotDue;

            var key = Key(today);
            if (await db.EffectDoneAsync(key, cancellationToken)) return SweepOutcome.AlreadyDone;
            db.ClaimEffect(key, clock.UtcNow);
            await notifier.TellAdministratorsAsync(NotificationCategories.Deadlines, Text(rows), PagePath, cancellationToken);
            return SweepOutcome.Done;
        }

        /// <summary>"3 requests are at risk of missing their deadlines: Viability NS-1, …, and 2 more. See the at-risk list."</summary>
        internal static string Text(IReadOnlyList<Row> rows)
        {
            var start = rows.Count == 1
                ? "1 request is at risk of missing its deadline: "
                : $"{rows.Count} requests are at risk of missing their deadlines: ";
            const string end = ". See the at-risk list.";
            var text = new StringBuilder(start);
            for (var i = 0; i < rows.Count; i++)
            {
                var more = rows.Count - i - 1;
                var separator = i == 0 ? "" : ", ";
                var tail = more == 0 ? "" : $", and {more} more";
                // Name this one only if the rest can still be summed up within the limit.
                if (text.Length + separator.Length + rows[i].Name.Length + tail.Length + end.Length > MaxText)
                {
                    text.Append($"{separator}and {rows.Count - i} more");
                    break;
                }

                text.Append(separator).Append(rows[i].Name);
            }

            return text.Append(end).ToString();
        }
    }

    /// <summary>Hangfire: daily, 07:45 UK time by default (Jobs:AtRiskDigestCron); sends on working days only.</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "deadlines.at-risk-digest";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), on => new Digest(on), cancellationToken);
    }
}
