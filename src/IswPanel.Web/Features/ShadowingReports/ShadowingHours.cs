using IswPanel.Web.Features.Shared;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.ShadowingReports;

/// <summary>
/// An authority's shadowing hours by month: per month the sessions its junior staff shadowed, how many of them
/// shadowed, and the time (each session's minutes summed), with the same figures per shadower role. For the
/// authority's evidence of protected development time; <see cref="ByMonthAsync"/> is the reusable query (the
/// dashboards use it too). Commissioners see their own authority (another authority's id is not found); panel
/// administrators choose one. The period defaults to the last 12 months, this one included.
/// </summary>
public static class ShadowingHours
{
    public sealed record Figures(DateOnly From, DateOnly To, IReadOnlyList<MonthFigures> Months, IReadOnlyList<RoleFigures> ByRole,
        int Sessions, int Shadowers, int Minutes);

    /// <param name="Month">The first day of the month.</param>
    public sealed record MonthFigures(DateOnly Month, int Sessions, int Shadowers, int Minutes, IReadOnlyList<RoleFigures> ByRole);

    public sealed record RoleFigures(ShadowerRole Role, int Sessions, int Shadowers, int Minutes);

    /// <summary>
    /// The figures for sessions held from <paramref name="from"/> to <paramref name="to"/> (both included) for one
    /// authority, or every authority when <paramref name="authorityId"/> is null: every month of the period appears,
    /// with zeros where nothing was shadowed; roles appear where they have sessions. A session counts under the role
    /// its shadower had when it was marked. Shadowers are counted once per month (and once over the period), however
    /// many sessions they attended. One query; the grouping is done in memory (shadowed sessions are a few per
    /// assessment, so an authority's year is a few hundred rows).
    /// </summary>
    public static async Task<Figures> ByMonthAsync(AppDbContext db, Guid? authorityId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (first, last) = (from, to);
        var sessions = db.ShadowedSessions.AsNoTracking().Where(s => s.SessionDate >= first && s.SessionDate <= last);
        if (authorityId is { } id) sessions = sessions.Where(s => s.AuthorityId == id);
        var rows = await sessions.Select(s => new Row(s.SessionDate, s.Minutes, s.ShadowerId, s.Role)).ToListAsync(cancellationToken);
        return Summarise(rows, from, to);
    }

    internal sealed record Row(DateOnly Date, int Minutes, Guid ShadowerId, ShadowerRole Role);

    internal static Figures Summarise(IReadOnlyList<Row> rows, DateOnly from, DateOnly to)
    {
        var months = new List<MonthFigures>();
        for (var month = ShadowingTime.MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var inMonth = rows.Where(r => r.Date >= month && r.Date < next).ToList();
            months.Add(new MonthFigures(month, inMonth.Count, inMonth.Select(r => r.ShadowerId).Distinct().Count(), inMonth.Sum(r => r.Minutes),
                ByRoleOf(inMonth)));
        }

        return new Figures(from, to, months, ByRoleOf(rows), rows.Count, rows.Select(r => r.ShadowerId).Distinct().Count(), rows.Sum(r => r.Minutes));
    }

    private static IReadOnlyList<RoleFigures> ByRoleOf(IEnumerable<Row> rows) =>
        [.. rows.GroupBy(r => r.Role).OrderBy(g => g.Key)
            .Select(g => new RoleFigures(g.Key, g.Count(), g.Select(r => r.ShadowerId).Distinct().Count(), g.Sum(r => r.Minutes)))];

    /// <summary>The default period: the first day of the month 11 months ago to today (12 months, this one included).</summary>
    public static (DateOnly From, DateOnly To) LastTwelveMonths(DateOnly today) => (ShadowingTime.MonthOf(today).AddMonths(-11), today);

    /// <summary>The longest period the page shows, month by month.</summary>
    public const int MaxYears = 10;

    public sealed record Query(Guid? AuthorityId, string? From, string? To) : IQuery<Result<Page>>;


    /// <param name="From">The period's start as typed (kept when the page comes back with errors).</param>
    public sealed record Page(Guid AuthorityId, string Authority, IReadOnlyList<AuthorityChoice> Authorities, Figures Figures, string? From, string? To);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (await AuthorityScope.ResolveAsync(db, me, query.AuthorityId, cancellationToken) is not { } scope) return Failure.NotFound;
            var (authority, authorities) = (scope.Authority, scope.Choices);
            var authorityId = authority.Id;

            var period = ReportPeriod.Parse(query.From, query.To);
            if (!period.IsSuccess) return new Failure(period.Status, period.Errors);
            var (defaultFrom, defaultTo) = LastTwelveMonths(clock.Today);
            var from = period.Value.From ?? (period.Value.To is { } end && end < defaultFrom ? ShadowingTime.MonthOf(end).AddMonths(-11) : defaultFrom);
            var to = period.Value.To ?? (from > defaultTo ? from : defaultTo);
            if (to > from.AddYears(MaxYears))
                return Failure.Invalid(ReportPeriod.FromField, $"Choose a period of {MaxYears} years or less.");

            var figures = await ByMonthAsync(db, authorityId, from, to, cancellationToken);
            return new Page(authorityId, authority.Name, authorities, figures, query.From, query.To);
        }
    }
}
