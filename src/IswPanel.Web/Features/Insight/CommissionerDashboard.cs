using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Insight.Figures;
using IswPanel.Web.Features.Invoices;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// A commissioner's dashboard for their own authority: open requests by state, filing deadlines in the next
/// <see cref="DeadlineWorkingDays"/> working days, on-time rate by month, QA scores by criterion, hours delegated to
/// the panel by month, spend against budget and by month, and their junior staff's shadowing hours.
/// </summary>
public static class CommissionerDashboard
{
    public const int DeadlineWorkingDays = 20;

    public sealed record Query(string? From, string? To) : IQuery<Result<Page>>;

    public sealed record Page(
        Guid AuthorityId,
        string Authority,
        InsightPeriod Period,
        DateTime ComputedAt,
        IReadOnlyList<RequestFigures.StateCount> OpenByState,
        RequestFigures.DeadlinesAhead Deadlines,
        TimelinessFigures.OnTime OnTime,
        IReadOnlyList<QualityFigures.CriterionScore> Scores,
        CapacityFigures.Delegated Delegated,
        CapacityFigures.Spend Spend,
        CapacityFigures.Budget Budget,
        ShadowingFigures.Shadowing Shadowing);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, WorkingDayCalendar calendar, IOptions<InvoicingOptions> invoicing, InsightCache insight)
        : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (me.AuthorityId is not { } authorityId) return Failure.NotFound;
            var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
            if (authority is null) return Failure.NotFound;
            var today = clock.Today;
            var parsed = InsightPeriod.Parse(query.From, query.To, today);
            if (!parsed.IsSuccess) return Result<Page>.Failure(parsed.Status, parsed.Errors);
            var period = parsed.Value!;
            var id = (Guid?)authorityId;
            var rate = invoicing.Value.MileageRate;
            return await insight.GetOrComputeAsync($"commissioner:{authorityId}:{period.Key}", async ct => new Page(authorityId, authority, period, clock.UtcNow,
                await RequestFigures.OpenByStateAsync(db, id, ct),
                await RequestFigures.DeadlinesAheadAsync(db, id, today, DeadlineWorkingDays, calendar, ct),
                await TimelinessFigures.OnTimeByMonthAsync(db, id, period, ct),
                await QualityFigures.ScoresByCriterionAsync(db, id, period, ct),
                await CapacityFigures.DelegatedByMonthAsync(db, id, period, ct),
                await CapacityFigures.SpendByMonthAsync(db, id, period, rate, ct),
                await CapacityFigures.SpendAgainstBudgetAsync(db, id, period, rate, ct),
                await ShadowingFigures.HoursAsync(db, id, period, ct)));
        }
    }
}
