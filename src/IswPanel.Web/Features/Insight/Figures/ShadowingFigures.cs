using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>
/// Workforce development: the hours the authority's junior staff spent shadowing panel social workers, from the
/// sessions they attended (<see cref="ShadowedSession.Minutes"/>, dated by the session), by month and by the
/// shadower's role. One grouped query. The role is the shadower's role now: a shadower's role is not kept per
/// session, so when an ASYE social worker is later recorded as newly qualified, their past hours move with them.
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
        var start = period.From;
        var to = period.To;
        var sessions = db.ShadowedSessions.AsNoTracking().Where(s => s.SessionDate >= start && s.SessionDate <= to);
        if (authorityId is { } id) sessions = sessions.Where(s => s.AuthorityId == id);
        var rows = await (
            from s in sessions
            join p in db.Shadowers on s.ShadowerId equals p.Id
            group s by new { s.SessionDate.Year, s.SessionDate.Month, p.Role } into g
            select new { g.Key.Year, g.Key.Month, g.Key.Role, Minutes = g.Sum(s => s.Minutes) })
            .ToListAsync(cancellationToken);
        return new Shadowing(period.Months, [.. rows.Select(r => new Cell(new DateOnly(r.Year, r.Month, 1), r.Role, r.Minutes))
            .OrderBy(c => c.Month).ThenBy(c => c.Role)]);
    }
}
