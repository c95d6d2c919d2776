using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Web.Features.Invoices;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>
/// Capacity: assessments delegated to the panel and the hours the panel worked on them (the caseload relief the
/// authority's own teams got), and what it cost, priced exactly as the invoices price it (<see cref="Invoice.Price"/>).
/// <para>
/// Hours are work-log entries dated in the period that count: within budget, or beyond it and approved by the
/// commissioner <em>before the period ended</em> — so a past period's hours do not change when an old entry is
/// approved later (the invoice for that month, made today, would include it).
/// </para>
/// </summary>
public static class CapacityFigures
{
    public sealed record MonthDelegated(DateOnly Month, int Assessments, int Minutes)
    {
        public decimal Hours => Hours(Minutes);
    }

    public sealed record Delegated(IReadOnlyList<MonthDelegated> Months)
    {
        public int Assessments => Months.Sum(m => m.Assessments);
        public int Minutes => Months.Sum(m => m.Minutes);
        public decimal Hours => Hours(Minutes);
    }

    public static decimal Hours(int minutes) => ShadowingTime.Hours(minutes);

    /// <summary>
    /// By month: assessments delegated (requests submitted to the panel in the month) and hours delegated (counting
    /// work and travel minutes logged for dates in the month).
    /// </summary>
    public static async Task<Delegated> DelegatedByMonthAsync(AppDbContext db, Guid? authorityId, InsightPeriod period,
        CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var submitted = await RequestFigures.Of(db, authorityId)
            .Where(r => r.SubmittedAt >= start && r.SubmittedAt < end)
            .GroupBy(r => new { r.SubmittedAt!.Value.Year, r.SubmittedAt!.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var minutes = await (
            from e in CountingEntries(db, period)
            join r in RequestFigures.Of(db, authorityId) on e.AssessmentRequestId equals r.Id
            group e by new { e.Date.Year, e.Date.Month } into g
            select new { g.Key.Year, g.Key.Month, Minutes = g.Sum(e => e.DurationMinutes + e.TravelMinutes) })
            .ToListAsync(cancellationToken);
        return new Delegated([.. period.Months.Select(m => new MonthDelegated(m,
            submitted.SingleOrDefault(s => s.Year == m.Year && s.Month == m.Month)?.Count ?? 0,
            minutes.SingleOrDefault(s => s.Year == m.Year && s.Month == m.Month)?.Minutes ?? 0))]);
    }

    public sealed record MonthSpend(DateOnly Month, decimal Hours, decimal Spend);

    public sealed record Spend(IReadOnlyList<MonthSpend> Months)
    {
        public decimal Total => Months.Sum(m => m.Spend);
    }

    /// <summary>
    /// What the authority was invoiced, by month: one invoice line per assignment and month (counting hours and miles),
    /// priced by <see cref="Invoice.Price"/>, the lines summed.
    /// </summary>
    public static async Task<Spend> SpendByMonthAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, decimal mileageRate,
        CancellationToken cancellationToken)
    {
        var entries =
            from e in CountingEntries(db, period)
            join r in RequestFigures.Of(db, authorityId) on e.AssessmentRequestId equals r.Id
            select e;
        var months = await PricedByMonthAsync(db, entries, period, mileageRate, cancellationToken);
        return new Spend([.. months.Select(m => new MonthSpend(m.Month, m.Hours, m.Total))]);
    }

    public sealed record Budget(int Requests, int BudgetHours, decimal HoursUsed, decimal BudgetValue, decimal Spent, int OverBudget);

    /// <summary>
    /// Spend against budget, over the requests with a budget whose report was released in the period: the budget's
    /// value (budget hours × the hourly rate of the assignment that delivered the report) against what was invoiced for
    /// their counting hours up to the end of the period (priced as the invoices price it), and how many went over
    /// their budget hours.
    /// </summary>
    public static async Task<Budget> SpendAgainstBudgetAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, decimal mileageRate,
        CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var released =
            from r in RequestFigures.Of(db, authorityId)
            where r.ReleasedAt >= start && r.ReleasedAt < end && r.BudgetHours != null
            select r;
        var budgets = await (
            from r in released
            join v in db.ReportVersions on r.ReleasedReportVersionId equals v.Id
            join a in db.Assignments on v.AssignmentId equals a.Id
            select new { r.Id, Hours = r.BudgetHours!.Value, a.HourlyRate })
            .ToListAsync(cancellationToken);
        var lines = await (
            from e in CountingEntries(db, new InsightPeriod(DateOnly.MinValue, period.To))
            join r in released on e.AssessmentRequestId equals r.Id
            join a in db.Assignments on e.AssignmentId equals a.Id
            group e by new { e.AssessmentRequestId, e.AssignmentId, a.HourlyRate, e.Date.Year, e.Date.Month } into g
            select new { g.Key.AssessmentRequestId, g.Key.HourlyRate, Minutes = g.Sum(e => e.DurationMinutes + e.TravelMinutes), Miles = g.Sum(e => e.MileageMiles) })
            .ToListAsync(cancellationToken);

        var spent = lines.Sum(l => Invoice.Price(l.Minutes, l.HourlyRate, l.Miles, mileageRate).Total);
        var minutesByRequest = lines.GroupBy(l => l.AssessmentRequestId).ToDictionary(g => g.Key, g => g.Sum(l => l.Minutes));
        var over = budgets.Count(b => minutesByRequest.GetValueOrDefault(b.Id) > b.Hours * 60);
        return new Budget(budgets.Count, budgets.Sum(b => b.Hours), Hours(minutesByRequest.Values.Sum()),
            budgets.Sum(b => b.Hours * b.HourlyRate), spent, over);
    }

    /// <summary>
    /// Log entries dated in the period whose hours count: within budget, or approved beyond it before the period ended.
    /// </summary>
    /// <summary>
    /// Work-log entries priced as invoices price them: one line per assignment and month (its counting hours and miles,
    /// <see cref="Invoice.Price"/>), the lines summed per month of the period. One grouped query.
    /// </summary>
    internal static async Task<IReadOnlyList<(DateOnly Month, decimal Hours, decimal Total)>> PricedByMonthAsync(AppDbContext db,
        IQueryable<WorkLogEntry> entries, InsightPeriod period, decimal mileageRate, CancellationToken cancellationToken)
    {
        var lines = await (
            from e in entries
            join a in db.Assignments on e.AssignmentId equals a.Id
            group e by new { e.AssignmentId, a.HourlyRate, e.Date.Year, e.Date.Month } into g
            select new { g.Key.HourlyRate, g.Key.Year, g.Key.Month, Minutes = g.Sum(e => e.DurationMinutes + e.TravelMinutes), Miles = g.Sum(e => e.MileageMiles) })
            .ToListAsync(cancellationToken);
        return [.. period.Months.Select(m =>
        {
            var priced = lines.Where(l => l.Year == m.Year && l.Month == m.Month)
                .Select(l => Invoice.Price(l.Minutes, l.HourlyRate, l.Miles, mileageRate)).ToList();
            return (m, priced.Sum(p => p.Hours), priced.Sum(p => p.Total));
        })];
    }

    internal static IQueryable<WorkLogEntry> CountingEntries(AppDbContext db, InsightPeriod period)
    {
        var start = period.From;
        var to = period.To;
        var decidedBefore = period.ToExclusiveUtc;
        return db.WorkLogEntries.AsNoTracking().Where(e => e.Date >= start && e.Date <= to
            && (e.Approval == HoursApproval.WithinBudget || (e.Approval == HoursApproval.Approved && e.ApprovalDecidedAt < decidedBefore)));
    }
}
