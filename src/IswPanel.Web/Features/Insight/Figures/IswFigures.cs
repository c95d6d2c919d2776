using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Offers;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Invoices;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>An ISW's own figures: offers waiting for an answer, milestones coming up, hours and earnings by month.</summary>
public static class IswFigures
{
    public sealed record WaitingOffer(Guid OfferId, string AssessmentType, string Authority, DateTime ExpiresAt);

    /// <summary>Open offers the ISW can still answer, the soonest to lapse first (no child details: those come with acceptance).</summary>
    public static async Task<IReadOnlyList<WaitingOffer>> OffersWaitingAsync(AppDbContext db, Guid iswId, DateTime now, CancellationToken cancellationToken) =>
        await (
            from o in db.Offers.AsNoTracking()
            where o.IswProfileId == iswId && o.Status == OfferStatus.Open && o.ExpiresAt > now
            join r in db.AssessmentRequests on o.AssessmentRequestId equals r.Id
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            join a in db.Authorities on r.AuthorityId equals a.Id
            orderby o.ExpiresAt
            select new WaitingOffer(o.Id, t.Name, a.Name, o.ExpiresAt))
            .ToListAsync(cancellationToken);

    public sealed record MilestoneDue(Guid RequestId, string AssessmentType, string Authority, string Milestone, DateOnly Due, int WorkingDaysLeft);

    /// <summary>
    /// Milestones of the ISW's current assessments (assigned, in progress, in QA) not yet reached and due from today up to
    /// the <paramref name="workingDays"/>-th working day ahead, soonest first.
    /// </summary>
    public static async Task<IReadOnlyList<MilestoneDue>> MilestonesAheadAsync(AppDbContext db, Guid iswId, DateOnly today, int workingDays,
        WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var horizon = calendar.Covers(today) && calendar.Covers(today.AddDays(workingDays * 2 + 14))
            ? calendar.AddWorkingDays(today, workingDays)
            : today.AddDays(workingDays * 7 / 5);
        var working = MilestoneSchedule.Assigned;
        var rows = await (
            from r in db.AssessmentRequests.AsNoTracking()
            where r.AssignedIswId == iswId && working.Contains(r.Status)
            from m in r.Milestones
            where m.Due >= today && m.Due <= horizon
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            join a in db.Authorities on r.AuthorityId equals a.Id
            select new { r.Id, r.Status, Type = t.Name, Authority = a.Name, m.Name, m.Due })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => !MilestoneSchedule.IsReached(r.Name, r.Status))
            .Select(r => new MilestoneDue(r.Id, r.Type, r.Authority, r.Name, r.Due,
                calendar.Covers(today) && calendar.Covers(r.Due) ? calendar.WorkingDaysBetween(today, r.Due) : r.Due.DayNumber - today.DayNumber))
            .OrderBy(r => r.Due).ThenBy(r => r.AssessmentType, StringComparer.Ordinal)];
    }

    public sealed record MonthEarnings(DateOnly Month, decimal Hours, decimal Earnings);

    public sealed record Earnings(IReadOnlyList<MonthEarnings> Months)
    {
        public decimal Hours => Months.Sum(m => m.Hours);
        public decimal Total => Months.Sum(m => m.Earnings);
    }

    /// <summary>
    /// The ISW's counting hours by month and what they earn for them: the authorities' invoice lines for the ISW's
    /// assignments (<see cref="Invoice.Price"/>: hours at the assignment's rate plus mileage), summed by month.
    /// </summary>
    public static async Task<Earnings> EarningsByMonthAsync(AppDbContext db, Guid iswId, InsightPeriod period, decimal mileageRate,
        CancellationToken cancellationToken)
    {
        var entries = CapacityFigures.CountingEntries(db, period).Where(e => e.IswProfileId == iswId);
        var months = await CapacityFigures.PricedByMonthAsync(db, entries, period, mileageRate, cancellationToken);
        return new Earnings([.. months.Select(m => new MonthEarnings(m.Month, m.Hours, m.Total))]);
    }
}
