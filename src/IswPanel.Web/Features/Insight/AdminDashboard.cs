using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Web.Features.Insight.Figures;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// The panel administrators' dashboard, for every authority or one: time from submission to assignment, offers
/// accepted, declined (reasons grouped) and lapsed, panel utilisation and who is near capacity, demand by type and
/// region against coverage, documents expiring in the next <see cref="ExpiringDays"/> days, QA first-pass rate and
/// turnaround, and requests at risk today. Utilisation and expiring documents are the whole panel's.
/// </summary>
public static class AdminDashboard
{
    public const int ExpiringDays = 30;

    /// <summary>
    /// Rows the page lists in each of its tables; the rest are counted. A national panel has thousands of members near
    /// capacity or with a document expiring, and listing them all made a 1 MB page (the panel list pages through them).
    /// </summary>
    public const int ListedRows = 20;

    public sealed record Query(string? From, string? To, Guid? AuthorityId) : IQuery<Result<Page>>;

    public sealed record AuthorityChoice(Guid Id, string Name);

    public sealed record Page(
        InsightPeriod Period,
        DateTime ComputedAt,
        Guid? AuthorityId,
        IReadOnlyList<AuthorityChoice> Authorities,
        PanelFigures.TimeToAssignment TimeToAssignment,
        PanelFigures.Offers Offers,
        PanelFigures.Utilisation Utilisation,
        IReadOnlyList<PanelFigures.DemandCell> Demand,
        PanelFigures.Expiring Expiring,
        QualityFigures.FirstPass Qa,
        RequestFigures.AtRisk AtRisk)
    {
        public string? AuthorityName => Authorities.SingleOrDefault(a => a.Id == AuthorityId)?.Name;

        /// <summary>The members with fewest places free, at most <see cref="ListedRows"/>.</summary>
        public IReadOnlyList<PanelFigures.MemberLoad> NearCapacityListed => [.. Utilisation.NearCapacity.Take(ListedRows)];

        /// <summary>The documents expiring soonest, at most <see cref="ListedRows"/>.</summary>
        public IReadOnlyList<PanelFigures.ExpiringDocument> ExpiringListed => [.. Expiring.Documents.Take(ListedRows)];
    }

    public sealed class Handler(AppDbContext db, IClock clock, WorkingDayCalendar calendar, InsightCache insight) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var today = clock.Today;
            var parsed = InsightPeriod.Parse(query.From, query.To, today);
            if (!parsed.IsSuccess) return Result<Page>.Failure(parsed.Status, parsed.Errors);
            var period = parsed.Value!;
            var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.Name).Select(a => new AuthorityChoice(a.Id, a.Name))
                .ToListAsync(cancellationToken);
            if (query.AuthorityId is { } chosen && authorities.All(a => a.Id != chosen)) return Failure.NotFound;
            var id = query.AuthorityId;
            return await insight.GetOrComputeAsync($"admin:{id}:{period.Key}", async ct => new Page(period, clock.UtcNow, id, authorities,
                await PanelFigures.TimeToAssignmentAsync(db, id, period, calendar, ct),
                await PanelFigures.OffersAsync(db, id, period, ct),
                await PanelFigures.UtilisationAsync(db, ct),
                await PanelFigures.DemandAsync(db, id, period, ct),
                await PanelFigures.DocumentsExpiringAsync(db, today, ExpiringDays, ct),
                await QualityFigures.FirstPassAsync(db, id, period, ct),
                await RequestFigures.AtRiskAsync(db, id, today, calendar, ct)));
        }
    }
}
