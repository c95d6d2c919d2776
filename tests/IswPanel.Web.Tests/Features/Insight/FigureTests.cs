using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Insight;
using IswPanel.Web.Features.Insight.Figures;
using IswPanel.Web.Features.Measures;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>One test per figure: each value worked out by hand from <see cref="InsightData"/> (and, for the whole panel, the demo's panel).</summary>
[Collection(InsightCollection.Name)]
public sealed class FigureTests(InsightApp fixture)
{
    private static readonly InsightPeriod P = InsightData.Period;
    private static readonly DateOnly Today = new(2026, 12, 1);
    private Guid Aston => fixture.World.AstonId;
    private Guid Brook => fixture.World.BrookId;

    private static void Near(double expected, double? actual) => Assert.Equal(expected, actual!.Value, 3);

    [Fact]
    public async Task Open_requests_by_state_count_the_authoritys_submitted_offered_and_in_progress_requests()
    {
        var states = await fixture.FigureAsync((db, _) => RequestFigures.OpenByStateAsync(db, Aston, default));
        Assert.Equal(
            [(AssessmentRequestStatus.Submitted, 1), (AssessmentRequestStatus.Offered, 1), (AssessmentRequestStatus.Assigned, 0),
                (AssessmentRequestStatus.InProgress, 2), (AssessmentRequestStatus.InQa, 0)],
            states.Select(s => (s.Status, s.Count)));
    }

    [Fact]
    public async Task Deadlines_in_the_next_20_working_days_run_to_31_December_past_the_Christmas_holidays()
    {
        var deadlines = await fixture.FigureAsync((db, calendar) => RequestFigures.DeadlinesAheadAsync(db, Aston, Today, 20, calendar, default));
        Assert.Equal(new DateOnly(2026, 12, 31), deadlines.Horizon);
        Assert.Equal(2, deadlines.Total);
        Assert.Equal([0, 0, 1, 1, 0], deadlines.Weeks.Select(w => w.Count));
        Assert.Equal(new DateOnly(2026, 12, 14), deadlines.Weeks[2].From);
    }

    [Fact]
    public async Task On_time_rate_by_month_counts_releases_with_no_working_day_late()
    {
        var onTime = await fixture.FigureAsync((db, _) => TimelinessFigures.OnTimeByMonthAsync(db, Aston, P, default));
        Assert.Equal([(0, 0), (1, 1), (0, 0), (1, 0), (1, 1), (1, 0)], onTime.Months.Select(m => (m.Released, m.OnTime)));
        Assert.Equal(4, onTime.Released);
        Near(0.5, onTime.Rate);
        var brook = await fixture.FigureAsync((db, _) => TimelinessFigures.OnTimeByMonthAsync(db, Brook, P, default));
        Assert.Equal((1, 0), (brook.Released, brook.OnTimeCount));
    }

    [Fact]
    public async Task Late_reports_are_counted_by_working_days_late()
    {
        var lateness = await fixture.FigureAsync((db, _) => TimelinessFigures.LatenessAsync(db, Aston, P, default));
        Assert.Equal([(2, 1), (7, 1)], lateness.ByDays.Select(d => (d.WorkingDaysLate, d.Count)));
        Assert.Equal([0, 1, 1, 0], lateness.Bands.Select(b => b.Count));
        Near(4.5, lateness.MeanDaysLate);
    }

    [Fact]
    public async Task Late_reasons_are_grouped_whatever_their_case()
    {
        var reasons = await fixture.FigureAsync((db, _) => TimelinessFigures.LateReasonsAsync(db, Aston, P, default));
        var reason = Assert.Single(reasons);
        Assert.Equal("family unavailable", reason.Reason, ignoreCase: true);
        Assert.Equal(2, reason.Count);
    }

    [Fact]
    public async Task Qa_scores_are_the_mean_per_criterion_over_the_reviews_decided_in_the_period()
    {
        var scores = await fixture.FigureAsync((db, _) => QualityFigures.ScoresByCriterionAsync(db, Aston, P, default));
        Assert.Equal(7, scores.Count);
        Assert.Equal("The child's lived experience", scores[0].Criterion);
        Assert.All(scores, s => Assert.Equal(6, s.Scores));
        Near(17 / 6.0, scores.Single(s => s.Criterion == "The child's lived experience").Mean);
        Near(3.0, scores.Single(s => s.Criterion == "Analysis and reasoning").Mean);
        Near(19 / 6.0, scores.Single(s => s.Criterion == "Timeliness").Mean);
        var brook = await fixture.FigureAsync((db, _) => QualityFigures.ScoresByCriterionAsync(db, Brook, P, default));
        Assert.All(brook, s => Assert.Equal(1.0, s.Mean));
    }

    [Fact]
    public async Task First_pass_rate_is_the_share_of_first_versions_approved_and_turnaround_the_mean_of_the_reviews()
    {
        var qa = await fixture.FigureAsync((db, _) => QualityFigures.FirstPassAsync(db, Aston, P, default));
        Assert.Equal((4, 2, 6), (qa.FirstVersionsDecided, qa.ApprovedFirstTime, qa.Reviews));
        Near(0.5, qa.Rate);
        Near(7 / 6.0, qa.MeanTurnaroundWorkingDays);
        Near(44.0, qa.MeanTurnaroundHours);
    }

    [Fact]
    public async Task Returned_reports_were_returned_most_often_for_analysis_and_the_childs_lived_experience()
    {
        var returns = await fixture.FigureAsync((db, _) => QualityFigures.ReturnedForAsync(db, Aston, P, default));
        Assert.Equal(2, returns.ReturnedReviews);
        Assert.Equal(["Analysis and reasoning", "The child's lived experience"], returns.Criteria.Take(2).Select(c => c.Criterion));
        Assert.All(returns.Criteria.Take(2), c => Assert.Equal((2, 1.5), (c.LowScores, c.Mean)));
        Assert.All(returns.Criteria.Skip(2), c => Assert.Equal((1, 2.5), (c.LowScores, c.Mean)));
    }

    [Fact]
    public async Task Authority_ratings_are_the_mean_of_the_feedback_given_in_the_period()
    {
        var ratings = await fixture.FigureAsync((db, _) => QualityFigures.RatingsAsync(db, Aston, P, default));
        Assert.Equal(2, ratings.Count);
        Near(3.5, ratings.Quality);
        Near(3.5, ratings.Timeliness);
        Near(4.0, ratings.Communication);
        Near(11 / 3.0, ratings.Overall);
    }

    [Fact]
    public async Task Assessments_and_counted_hours_delegated_by_month_leave_out_hours_approved_after_the_period()
    {
        var delegated = await fixture.FigureAsync((db, _) => CapacityFigures.DelegatedByMonthAsync(db, Aston, P, default));
        Assert.Equal([1, 1, 1, 1, 1, 1], delegated.Months.Select(m => m.Assessments));
        Assert.Equal([4.00m, 4.00m, 6.00m, 2.50m, 1.50m, 0.75m], delegated.Months.Select(m => m.Hours));
        Assert.Equal(18.75m, delegated.Hours);
        // Today's view of March, from 1 March, counts the 20 March hour approved in July.
        var march = new InsightPeriod(new DateOnly(2026, 3, 1), Today);
        var now = await fixture.FigureAsync((db, _) => CapacityFigures.DelegatedByMonthAsync(db, Aston, march, default));
        Assert.Equal(7.00m, now.Months[0].Hours);
    }

    [Fact]
    public async Task Spend_by_month_is_priced_as_the_invoices_price_it()
    {
        var spend = await fixture.FigureAsync((db, _) => CapacityFigures.SpendByMonthAsync(db, Aston, P, 0.45m, default));
        // April: 2.50 h × £55 = £137.50, plus 5.5 miles × 45p = £2.475, rounded to £2.48.
        Assert.Equal([204.50m, 200.00m, 360.00m, 139.98m, 75.00m, 37.50m], spend.Months.Select(m => m.Spend));
        Assert.Equal(1016.98m, spend.Total);
    }

    [Fact]
    public async Task Spend_against_budget_covers_the_budgeted_reports_released_in_the_period()
    {
        var budget = await fixture.FigureAsync((db, _) => CapacityFigures.SpendAgainstBudgetAsync(db, Aston, P, 0.45m, default));
        Assert.Equal(new CapacityFigures.Budget(3, 35, 15.50m, 1800.00m, 839.50m, 1), budget);
    }

    [Fact]
    public async Task Shadowing_hours_are_summed_by_month_and_by_the_shadowers_role()
    {
        var shadowing = await fixture.FigureAsync((db, _) => ShadowingFigures.HoursAsync(db, Aston, P, default));
        Assert.Equal([180, 240, 0, 120, 0, 0], shadowing.ByMonth.Select(m => m.Minutes));
        Assert.Equal([(ShadowerRole.Asye, 300), (ShadowerRole.Nqsw, 240), (ShadowerRole.Student, 0), (ShadowerRole.Other, 0)], shadowing.ByRole);
        Assert.Equal(9.00m, shadowing.TotalHours);
        var brook = await fixture.FigureAsync((db, _) => ShadowingFigures.HoursAsync(db, Brook, P, default));
        Assert.Equal([(ShadowerRole.Student, 600)], brook.ByRole.Where(r => r.Minutes > 0));
    }

    [Fact]
    public async Task Time_from_submission_to_assignment_is_counted_in_working_days()
    {
        var time = await fixture.FigureAsync((db, calendar) => PanelFigures.TimeToAssignmentAsync(db, Aston, P, calendar, default));
        Assert.Equal(5, time.Assignments);
        Near(2.6, time.MeanWorkingDays);
        Assert.Equal([2, 1, 2, 0, 0], time.Bands.Select(b => b.Count));
    }

    [Fact]
    public async Task Offers_are_counted_by_outcome_with_decline_reasons_grouped()
    {
        var offers = await fixture.FigureAsync((db, _) => PanelFigures.OffersAsync(db, Aston, P, default));
        Assert.Equal((5, 2, 1, 1), (offers.Accepted, offers.Declined, offers.Lapsed, offers.Withdrawn));
        var reason = Assert.Single(offers.DeclineReasons);
        Assert.Equal("too far to travel", reason.Reason, ignoreCase: true);
        Assert.Equal(2, reason.Count);
    }

    [Fact]
    public async Task Utilisation_is_the_active_panels_load_against_its_capacity_today()
    {
        // The demo's nine active members have 34 places and 8 assessments in hand; Aston adds R5 (Chloe) and R11 (Peter).
        var utilisation = await fixture.FigureAsync((db, _) => PanelFigures.UtilisationAsync(db, default));
        Assert.Equal((9, 34, 10), (utilisation.Members, utilisation.Capacity, utilisation.Active));
        var near = Assert.Single(utilisation.NearCapacity);
        Assert.Equal(("Peter Lindqvist", 2, 2), (near.Name, near.Active, near.Capacity));
        Assert.Equal([1, 0, 2, 6], utilisation.ByFreePlaces.Select(b => b.Count));
    }

    [Fact]
    public async Task Demand_is_set_against_the_active_members_covering_each_type_and_region()
    {
        var demand = await fixture.FigureAsync((db, _) => PanelFigures.DemandAsync(db, Aston, P, default));
        Assert.Equal(
            [("viability", EnglishRegion.SouthWest, 3, 1), ("fostering", EnglishRegion.SouthWest, 2, 1), ("parenting", EnglishRegion.SouthWest, 1, 0)],
            demand.Select(d => (d.TypeCode, d.Region, d.Requests, d.Covering)));
    }

    [Fact]
    public async Task Documents_expiring_in_the_next_30_days_are_listed_soonest_first()
    {
        var expiring = await fixture.FigureAsync((db, _) => PanelFigures.DocumentsExpiringAsync(db, Today, 30, default));
        var document = Assert.Single(expiring.Documents);
        Assert.Equal(("Ruth Mensah", ComplianceDocumentKind.EnhancedDbs, new DateOnly(2026, 12, 21)), (document.Isw, document.Kind, document.ExpiresOn));
    }

    [Fact]
    public async Task At_risk_requests_are_the_unassigned_ones_without_enough_working_days_left()
    {
        var atRisk = await fixture.FigureAsync((db, calendar) => RequestFigures.AtRiskAsync(db, Aston, Today, calendar, default));
        Assert.Equal(2, atRisk.Total);
        Assert.Equal([1, 1, 0, 0, 0], atRisk.ByState.Select(s => s.Count));
    }

    [Fact]
    public async Task An_isws_offers_waiting_are_the_open_ones_not_yet_lapsed()
    {
        var offers = await fixture.FigureAsync((db, _) => IswFigures.OffersWaitingAsync(db, fixture.World.ChloeId, new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), default));
        var offer = Assert.Single(offers);
        Assert.Equal((fixture.World.R9OfferId, InsightData.Aston), (offer.OfferId, offer.Authority));
        var later = await fixture.FigureAsync((db, _) => IswFigures.OffersWaitingAsync(db, fixture.World.ChloeId, new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), default));
        Assert.Empty(later);
    }

    [Fact]
    public async Task An_isws_milestones_in_the_next_10_working_days_leave_out_those_reached()
    {
        var milestones = await fixture.FigureAsync((db, calendar) => IswFigures.MilestonesAheadAsync(db, fixture.World.ChloeId, Today, 10, calendar, default));
        Assert.Equal(
            [(MilestoneNames.DraftToQaBy, new DateOnly(2026, 12, 4), 3), (MilestoneNames.QaCompleteBy, new DateOnly(2026, 12, 10), 7),
                (MilestoneNames.ReleaseBy, new DateOnly(2026, 12, 14), 9)],
            milestones.Select(m => (m.Milestone, m.Due, m.WorkingDaysLeft)));
    }

    [Fact]
    public async Task An_isws_measures_on_the_dashboard_are_the_ones_matching_uses()
    {
        var measures = await fixture.FigureAsync(async (db, _) =>
            (await IswMeasures.ForAsync(db, [fixture.World.ChloeId], null, default))[fixture.World.ChloeId]);
        // Released: R1 (v2, on time), R2 (v1, late), R4 (v2, late), B1 (v1, late). Scores 13 + 21 + 28 + 18 + 28 + 7 = 115 of 42.
        Assert.Equal((4, 1, 2), (measures.Completed, measures.OnTime, measures.FirstPass));
        Near(115 / 42.0, measures.MeanQaScore);
        Near(25 / 9.0, measures.MeanAuthorityRating);
    }

    [Fact]
    public async Task An_isws_hours_and_earnings_by_month_are_priced_at_each_assignments_rate()
    {
        var earnings = await fixture.FigureAsync((db, _) => IswFigures.EarningsByMonthAsync(db, fixture.World.ChloeId, P, 0.45m, default));
        // March: R2 6 h × £60 = £360 and B1 10 h × £40 = £400.
        Assert.Equal([4.00m, 4.00m, 16.00m, 0m, 1.50m, 0.75m], earnings.Months.Select(m => m.Hours));
        Assert.Equal([204.50m, 200.00m, 760.00m, 0m, 75.00m, 37.50m], earnings.Months.Select(m => m.Earnings));
        Assert.Equal(1277.00m, earnings.Total);
    }
}
