using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>
/// Timeliness against the filing deadline (or target date), over the reports released in a period. A report is on
/// time when it was released with <c>WorkingDaysLate == 0</c>, a figure stored at release (so a later change to the
/// bank-holiday list never changes a past period).
/// </summary>
public static class TimelinessFigures
{
    public sealed record MonthOnTime(DateOnly Month, int Released, int OnTime)
    {
        public double? Rate => Released == 0 ? null : (double)OnTime / Released;
    }

    public sealed record OnTime(IReadOnlyList<MonthOnTime> Months)
    {
        public int Released => Months.Sum(m => m.Released);
        public int OnTimeCount => Months.Sum(m => m.OnTime);
        public double? Rate => Released == 0 ? null : (double)OnTimeCount / Released;
    }

    /// <summary>Reports released in the period, and how many on time, by month of release (every month of the period listed).</summary>
    public static async Task<OnTime> OnTimeByMonthAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var rows = await Released(db, authorityId, period)
            .GroupBy(r => new { r.ReleasedAt!.Value.Year, r.ReleasedAt!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Released = g.Count(), OnTime = g.Count(r => r.WorkingDaysLate == 0) })
            .ToListAsync(cancellationToken);
        return new OnTime([.. period.Months.Select(m =>
        {
            var row = rows.SingleOrDefault(r => r.Year == m.Year && r.Month == m.Month);
            return new MonthOnTime(m, row?.Released ?? 0, row?.OnTime ?? 0);
        })]);
    }

    public sealed record DaysCount(int WorkingDaysLate, int Count);

    public sealed record Band(string Label, int Min, int? Max, int Count);

    public sealed record Lateness(int Released, IReadOnlyList<DaysCount> ByDays)
    {
        public int Late => ByDays.Sum(d => d.Count);

        /// <summary>The mean working days late of the late reports.</summary>
        public double? MeanDaysLate => Late == 0 ? null : (double)ByDays.Sum(d => d.WorkingDaysLate * d.Count) / Late;

        public IReadOnlyList<Band> Bands =>
        [
            .. BandLimits.Select(b => new Band(b.Label, b.Min, b.Max,
                ByDays.Where(d => d.WorkingDaysLate >= b.Min && (b.Max is null || d.WorkingDaysLate <= b.Max)).Sum(d => d.Count))),
        ];

        private static readonly (string Label, int Min, int? Max)[] BandLimits =
            [("1 working day", 1, 1), ("2 to 5 working days", 2, 5), ("6 to 10 working days", 6, 10), ("More than 10 working days", 11, null)];
    }

    /// <summary>Reports released late in the period, by how many working days after the deadline.</summary>
    public static async Task<Lateness> LatenessAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var rows = await Released(db, authorityId, period)
            .GroupBy(r => r.WorkingDaysLate ?? 0)
            .Select(g => new { Days = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new Lateness(rows.Sum(r => r.Count),
            [.. rows.Where(r => r.Days > 0).OrderBy(r => r.Days).Select(r => new DaysCount(r.Days, r.Count))]);
    }

    public sealed record ReasonCount(string Reason, int Count);

    public const string NoReasonGiven = "No reason given";

    /// <summary>
    /// Why reports released late in the period were late, in the social workers' words, identical reasons counted
    /// together (case ignored), the most frequent first; reports without a reason are counted as "No reason given".
    /// </summary>
    public static async Task<IReadOnlyList<ReasonCount>> LateReasonsAsync(AppDbContext db, Guid? authorityId, InsightPeriod period,
        CancellationToken cancellationToken)
    {
        var rows = await Released(db, authorityId, period)
            .Where(r => r.WorkingDaysLate > 0)
            .GroupBy(r => r.LateReason == null ? null : r.LateReason.ToLower())
            .Select(g => new { Key = g.Key, Reason = g.Max(r => r.LateReason), Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReasonCount(r.Reason ?? NoReasonGiven, r.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason == NoReasonGiven).ThenBy(r => r.Reason, StringComparer.Ordinal)];
    }

    private static IQueryable<Domain.Assessments.AssessmentRequest> Released(AppDbContext db, Guid? authorityId, InsightPeriod period)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        return RequestFigures.Of(db, authorityId).Where(r => r.ReleasedAt >= start && r.ReleasedAt < end);
    }
}
