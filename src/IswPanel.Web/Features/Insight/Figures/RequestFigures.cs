using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>
/// Figures about requests as they stand today (the dashboards' "now" figures, never in the evidence pack): open
/// requests by state, filing deadlines ahead, requests at risk. Counts only: no case reference, initials or party.
/// </summary>
public static class RequestFigures
{
    /// <summary>One authority's requests, or every authority's when <paramref name="authorityId"/> is null.</summary>
    public static IQueryable<AssessmentRequest> Of(AppDbContext db, Guid? authorityId)
    {
        var requests = db.AssessmentRequests.AsNoTracking();
        return authorityId is { } id ? requests.Where(r => r.AuthorityId == id) : requests;
    }

    public sealed record StateCount(AssessmentRequestStatus Status, int Count);

    /// <summary>Open requests (submitted, not yet delivered or cancelled) by state, every open state listed (zeros too).</summary>
    public static async Task<IReadOnlyList<StateCount>> OpenByStateAsync(AppDbContext db, Guid? authorityId, CancellationToken cancellationToken)
    {
        var open = MilestoneSchedule.Open;
        var counts = await Of(db, authorityId).Where(r => open.Contains(r.Status))
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. open.Select(s => new StateCount(s, counts.SingleOrDefault(c => c.Status == s)?.Count ?? 0))];
    }

    public sealed record WeekCount(DateOnly From, DateOnly To, int Count);

    /// <summary>Open requests whose filing deadline falls from today to <see cref="Horizon"/>, by week (Monday to Sunday).</summary>
    public sealed record DeadlinesAhead(DateOnly Today, DateOnly Horizon, int WorkingDays, IReadOnlyList<WeekCount> Weeks)
    {
        public int Total => Weeks.Sum(w => w.Count);
    }

    /// <summary>Open requests with a filing deadline from today up to and including the <paramref name="workingDays"/>-th working day after it.</summary>
    public static async Task<DeadlinesAhead> DeadlinesAheadAsync(AppDbContext db, Guid? authorityId, DateOnly today, int workingDays,
        WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var horizon = calendar.Covers(today) && calendar.Covers(today.AddDays(workingDays * 2 + 14))
            ? calendar.AddWorkingDays(today, workingDays)
            : today.AddDays(workingDays * 7 / 5);
        var open = MilestoneSchedule.Open;
        var byDay = await Of(db, authorityId)
            .Where(r => open.Contains(r.Status) && r.FilingDeadline >= today && r.FilingDeadline <= horizon)
            .GroupBy(r => r.FilingDeadline)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var weeks = new List<WeekCount>();
        for (var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)); monday <= horizon; monday = monday.AddDays(7))
        {
            var from = monday < today ? today : monday;
            var to = monday.AddDays(6) > horizon ? horizon : monday.AddDays(6);
            weeks.Add(new WeekCount(from, to, byDay.Where(d => d.Day >= from && d.Day <= to).Sum(d => d.Count)));
        }

        return new DeadlinesAhead(today, horizon, workingDays, weeks);
    }

    public sealed record AtRisk(int Total, IReadOnlyList<StateCount> ByState);

    /// <summary>Requests at risk of missing their deadline today (the at-risk list's rule, <see cref="MilestoneSchedule.RiskOn"/>).</summary>
    public static async Task<AtRisk> AtRiskAsync(AppDbContext db, Guid? authorityId, DateOnly today, WorkingDayCalendar calendar,
        CancellationToken cancellationToken)
    {
        var rows = await AtRiskRequests.ListAsync(db, Of(db, authorityId), today, calendar, cancellationToken);
        return new AtRisk(rows.Count, [.. MilestoneSchedule.Open.Select(s => new StateCount(s, rows.Count(r => r.Status == s)))]);
    }
}
