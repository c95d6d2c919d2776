using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Insight;
using IswPanel.Web.Features.Insight.Figures;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>Every figure's SQL on PostgreSQL: the same data set, the same hand-computed values as on SQLite.</summary>
public sealed class PostgresFigureTests
{
    [Fact]
    public async Task Every_figure_translates_and_gives_the_same_values_on_PostgreSQL()
    {
        TestEnvironment.RequirePostgres();
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.PostgreSql);
        var world = await InsightData.SeedAsync(app);
        var p = InsightData.Period;
        var today = new DateOnly(2026, 12, 1);
        var aston = (Guid?)world.AstonId;

        var (open, deadlines, atRisk) = await InsightApp.FigureAsync(app, async (db, calendar) => (
            await RequestFigures.OpenByStateAsync(db, aston, default),
            await RequestFigures.DeadlinesAheadAsync(db, aston, today, 20, calendar, default),
            await RequestFigures.AtRiskAsync(db, aston, today, calendar, default)));
        Assert.Equal([1, 1, 0, 2, 0], open.Select(s => s.Count));
        Assert.Equal(2, deadlines.Total);
        Assert.Equal(2, atRisk.Total);

        var (onTime, lateness, reasons) = await InsightApp.FigureAsync(app, async (db, _) => (
            await TimelinessFigures.OnTimeByMonthAsync(db, aston, p, default),
            await TimelinessFigures.LatenessAsync(db, aston, p, default),
            await TimelinessFigures.LateReasonsAsync(db, aston, p, default)));
        Assert.Equal([(0, 0), (1, 1), (0, 0), (1, 0), (1, 1), (1, 0)], onTime.Months.Select(m => (m.Released, m.OnTime)));
        Assert.Equal([(2, 1), (7, 1)], lateness.ByDays.Select(d => (d.WorkingDaysLate, d.Count)));
        Assert.Equal(2, Assert.Single(reasons).Count);

        var (scores, firstPass, returns, ratings) = await InsightApp.FigureAsync(app, async (db, _) => (
            await QualityFigures.ScoresByCriterionAsync(db, aston, p, default),
            await QualityFigures.FirstPassAsync(db, aston, p, default),
            await QualityFigures.ReturnedForAsync(db, aston, p, default),
            await QualityFigures.RatingsAsync(db, aston, p, default)));
        Assert.Equal(17 / 6.0, scores.Single(s => s.Criterion == "The child's lived experience").Mean, 3);
        Assert.Equal((4, 2, 6), (firstPass.FirstVersionsDecided, firstPass.ApprovedFirstTime, firstPass.Reviews));
        Assert.Equal(44.0, firstPass.MeanTurnaroundHours!.Value, 3);
        Assert.Equal(["Analysis and reasoning", "The child's lived experience"], returns.Criteria.Take(2).Select(c => c.Criterion));
        Assert.Equal(11 / 3.0, ratings.Overall!.Value, 3);

        var (delegated, spend, budget, shadowing) = await InsightApp.FigureAsync(app, async (db, _) => (
            await CapacityFigures.DelegatedByMonthAsync(db, aston, p, default),
            await CapacityFigures.SpendByMonthAsync(db, aston, p, 0.45m, default),
            await CapacityFigures.SpendAgainstBudgetAsync(db, aston, p, 0.45m, default),
            await ShadowingFigures.HoursAsync(db, aston, p, default)));
        Assert.Equal(18.75m, delegated.Hours);
        Assert.Equal(1016.98m, spend.Total);
        Assert.Equal(new CapacityFigures.Budget(3, 35, 15.50m, 1800.00m, 839.50m, 1), budget);
        Assert.Equal([180, 240, 0, 120, 0, 0], shadowing.ByMonth.Select(m => m.Minutes));

        var (time, offers, utilisation, demand, expiring) = await InsightApp.FigureAsync(app, async (db, calendar) => (
            await PanelFigures.TimeToAssignmentAsync(db, aston, p, calendar, default),
            await PanelFigures.OffersAsync(db, aston, p, default),
            await PanelFigures.UtilisationAsync(db, default),
            await PanelFigures.DemandAsync(db, aston, p, default),
            await PanelFigures.DocumentsExpiringAsync(db, today, 30, default)));
        Assert.Equal(2.6, time.MeanWorkingDays!.Value, 3);
        Assert.Equal((5, 2, 1, 1), (offers.Accepted, offers.Declined, offers.Lapsed, offers.Withdrawn));
        Assert.Equal(2, Assert.Single(offers.DeclineReasons).Count);
        Assert.Equal((9, 34, 10), (utilisation.Members, utilisation.Capacity, utilisation.Active));
        Assert.Equal([3, 2, 1], demand.Select(d => d.Requests));
        Assert.Single(expiring.Documents);

        var (waiting, milestones, earnings) = await InsightApp.FigureAsync(app, async (db, calendar) => (
            await IswFigures.OffersWaitingAsync(db, world.ChloeId, new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), default),
            await IswFigures.MilestonesAheadAsync(db, world.ChloeId, today, 10, calendar, default),
            await IswFigures.EarningsByMonthAsync(db, world.ChloeId, p, 0.45m, default)));
        Assert.Single(waiting);
        Assert.Equal(3, milestones.Count);
        Assert.Equal(1277.00m, earnings.Total);
    }
}
