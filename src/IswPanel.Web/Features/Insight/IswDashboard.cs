using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Insight.Figures;
using IswPanel.Web.Features.Invoices;
using IswPanel.Web.Features.Measures;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// An ISW's dashboard: offers waiting for their answer, milestones in the next <see cref="MilestoneWorkingDays"/>
/// working days, their measures (the ones matching uses, <see cref="IswMeasures"/>), and hours and earnings by month.
/// </summary>
public static class IswDashboard
{
    public const int MilestoneWorkingDays = 10;

    public sealed record Query(string? From, string? To) : IQuery<Result<Page>>;

    public sealed record Page(
        InsightPeriod Period,
        IReadOnlyList<IswFigures.WaitingOffer> Offers,
        IReadOnlyList<IswFigures.MilestoneDue> Milestones,
        IswMeasures Measures,
        IswFigures.Earnings Earnings);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, WorkingDayCalendar calendar, IOptions<InvoicingOptions> invoicing)
        : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (me.IswProfileId is not { } iswId) return Failure.NotFound;
            var today = clock.Today;
            var parsed = InsightPeriod.Parse(query.From, query.To, today);
            if (!parsed.IsSuccess) return Result<Page>.Failure(parsed.Status, parsed.Errors);
            var period = parsed.Value!;
            var mine = (await IswMeasures.ForAsync(db, [iswId], null, cancellationToken))[iswId];
            return new Page(period,
                await IswFigures.OffersWaitingAsync(db, iswId, clock.UtcNow, cancellationToken),
                await IswFigures.MilestonesAheadAsync(db, iswId, today, MilestoneWorkingDays, calendar, cancellationToken),
                mine,
                await IswFigures.EarningsByMonthAsync(db, iswId, period, invoicing.Value.MileageRate, cancellationToken));
        }
    }
}
