using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.ShadowingReports;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>
/// Workforce development: the hours the authority's junior staff spent shadowing panel social workers, from the
/// sessions they attended (<see cref="ShadowedSession.Minutes"/>, dated by the session), by month and by the role
/// the shadower had when the session was marked, so a past period's figures do not change when someone's role does.
/// The same query as the shadowing hours page (<see cref="ShadowingHours.ByMonthAsync"/>), so the two cannot disagree.
/// </summary>
public static class ShadowingFigures
{
    public sealed record Cell(DateOnly Month, ShadowerRole Role, int Minutes);

    public sealed record Shadowing(IReadOnlyList<DateOnly> Months, IReadOnlyList<Cell> Cells)
    {
        public int TotalMinutes => Cells.Sum(c => c.Minutes);
        public decimal TotalHours => CapacityFigures.Hours(TotalMinutes);

        public IReadOnlyList<(DateOnly Month, int Minutes)> ByMonth => [.. Months.Select(m => (m, Cells.Where(c => c.Month == m).Sum(c => c.Minutes)))];

        public IReadOnlyList<(ShadowerRole Role, int Minutes)> ByRole =>
            [.. Enum.GetValues<ShadowerRole>().Select(r => (r, Cells.Where(c => c.Role == r).Sum(c => c.Minutes)))];
    }

    public static async Task<Shadowing> HoursAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var figures = await ShadowingHours.ByMonthAsync(db, authorityId, period.From, period.To, cancellationToken);
        return new Shadowing(period.Months, [.. figures.Months
            .SelectMany(m => m.ByRole.Select(r => new Cell(m.Month, r.Role, r.Minutes)))]);   // months in order, roles in order
    }
}
