using System.Globalization;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Insight.Figures;

namespace IswPanel.Web.Features.Insight.Charts;

/// <summary>
/// The figures as charts, each bar linked to the rows behind it: the requests list filtered by state, deadline,
/// month or review (<c>/requests?...</c>), or the month's invoice (<c>/invoices?month=</c>). <paramref name="authority"/>
/// narrows an administrator's links to one authority.
/// </summary>
public static class InsightCharts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Requests(Guid? authority, params (string Key, string Value)[] filter)
    {
        var parts = filter.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}").ToList();
        if (authority is { } id) parts.Add($"authority={id}");
        return "/requests?" + string.Join("&", parts);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", Invariant);
    public static string MonthShort(DateOnly month) => month.ToString("MMM yy", Invariant);
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", Invariant) + "%" : "No data";
    public static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", Invariant) : "No data";
    public static string Hours(decimal hours) => hours.ToString("#,##0.00", Invariant);
    public static string Money(decimal amount) => "£" + amount.ToString("#,##0.00", Invariant);
    public static DateOnly MonthEnd(DateOnly month) => month.AddMonths(1).AddDays(-1);

    private static (string, string)[] MonthRange(string prefix, DateOnly month, InsightPeriod period)
    {
        var from = month < period.From ? period.From : month;
        var to = MonthEnd(month) > period.To ? period.To : MonthEnd(month);
        return [(prefix + "From", Date(from)), (prefix + "To", Date(to))];
    }

    private static (string, string)[] PeriodRange(string prefix, InsightPeriod period) =>
        [(prefix + "From", period.FromText), (prefix + "To", period.ToText)];

    public static Chart OpenByState(IReadOnlyList<RequestFigures.StateCount> states, Guid? authority) =>
        new("open-by-state", "Open requests by state", ChartKind.Bars, "State", "Requests",
            [.. states.Select(s => new ChartItem(s.Status.DisplayName(), s.Count, s.Count.ToString(Invariant), Requests(authority, ("status", s.Status.ToString()))))]);

    public static Chart Deadlines(RequestFigures.DeadlinesAhead deadlines, Guid? authority) =>
        new("deadlines-ahead", $"Filing deadlines in the next {deadlines.WorkingDays} working days, by week", ChartKind.Columns, "Week", "Requests",
            [.. deadlines.Weeks.Select(w => new ChartItem($"{w.From.ToString("d MMM", Invariant)} to {w.To.ToString("d MMM yyyy", Invariant)}", w.Count,
                w.Count.ToString(Invariant), Requests(authority, ("open", "true"), ("deadlineFrom", Date(w.From)), ("deadlineTo", Date(w.To))),
                w.From.ToString("d MMM", Invariant)))]);

    public static Chart OnTime(TimelinessFigures.OnTime onTime, InsightPeriod period, Guid? authority, bool open = false) =>
        new("on-time", "Reports released on time against filing deadlines, by month", ChartKind.Columns, "Month", "On time",
            [.. onTime.Months.Select(m => new ChartItem(MonthName(m.Month), (m.Rate ?? 0) * 100, m.Released == 0 ? "–" : Percent(m.Rate),
                Requests(authority, MonthRange("released", m.Month, period)), MonthShort(m.Month)))])
        {
            TableOpen = open,
            Summary = $"Column chart of the on-time rate by month. Over the period {onTime.OnTimeCount} of {onTime.Released} reports were released on time ({Percent(onTime.Rate)}). The table gives each month.",
            ExtraColumns =
            [
                ("Released", [.. onTime.Months.Select(m => m.Released.ToString(Invariant))]),
                ("On time", [.. onTime.Months.Select(m => m.OnTime.ToString(Invariant))]),
            ],
        };

    public static Chart Lateness(TimelinessFigures.Lateness lateness, InsightPeriod period, Guid? authority, bool open = false) =>
        new("lateness", "Late reports by working days after the deadline", ChartKind.Bars, "Working days late", "Reports",
            [.. lateness.Bands.Select(b => new ChartItem(b.Label, b.Count, b.Count.ToString(Invariant),
                Requests(authority, [("late", "true"), .. PeriodRange("released", period)])))])
        { TableOpen = open };

    public static Chart LateReasons(IReadOnlyList<TimelinessFigures.ReasonCount> reasons, InsightPeriod period, Guid? authority, bool open = false) =>
        new("late-reasons", "Why reports were late", ChartKind.Bars, "Reason", "Reports",
            [.. reasons.Select(r => new ChartItem(r.Reason, r.Count, r.Count.ToString(Invariant), Requests(authority, [("late", "true"), .. PeriodRange("released", period)])))])
        { TableOpen = open };

    public static Chart Scores(IReadOnlyList<QualityFigures.CriterionScore> scores, InsightPeriod period, Guid? authority, bool open = false) =>
        new("qa-scores", "Mean QA score by criterion (1 to 4)", ChartKind.Bars, "Criterion", "Mean score",
            [.. scores.Select(s => new ChartItem(s.Criterion, s.Mean, Mean(s.Mean), Requests(authority, PeriodRange("reviewed", period))))])
        {
            TableOpen = open,
            ExtraColumns = [("Scores", [.. scores.Select(s => s.Scores.ToString(Invariant))])],
        };

    public static Chart ReturnedFor(QualityFigures.Returns returns, InsightPeriod period, Guid? authority, bool open = false) =>
        new("returned-for", $"What returned reports scored {QualityFigures.LowScore} or lower on", ChartKind.Bars, "Criterion", "Returned reports",
            [.. returns.Criteria.Where(c => c.LowScores > 0).Select(c => new ChartItem(c.Criterion, c.LowScores, c.LowScores.ToString(Invariant),
                Requests(authority, PeriodRange("reviewed", period))))])
        {
            TableOpen = open,
            ExtraColumns = [("Mean score when returned", [.. returns.Criteria.Where(c => c.LowScores > 0).Select(c => Mean(c.Mean))])],
        };

    public static Chart Ratings(QualityFigures.Ratings ratings, InsightPeriod period, Guid? authority, bool open = false)
    {
        var href = Requests(authority, PeriodRange("rated", period));
        return new("ratings", "Your ratings of the panel's work (1 to 5)", ChartKind.Bars, "Rating", "Mean",
            ratings.Count == 0 ? [] :
            [
                new ChartItem("Quality", ratings.Quality ?? 0, Mean(ratings.Quality), href),
                new ChartItem("Timeliness", ratings.Timeliness ?? 0, Mean(ratings.Timeliness), href),
                new ChartItem("Communication", ratings.Communication ?? 0, Mean(ratings.Communication), href),
            ])
        { TableOpen = open };
    }

    public static Chart AssessmentsDelegated(CapacityFigures.Delegated delegated, InsightPeriod period, Guid? authority, bool open = false) =>
        new("assessments-delegated", "Assessments delegated to the panel, by month", ChartKind.Columns, "Month", "Assessments",
            [.. delegated.Months.Select(m => new ChartItem(MonthName(m.Month), m.Assessments, m.Assessments.ToString(Invariant),
                Requests(authority, MonthRange("submitted", m.Month, period)), MonthShort(m.Month)))])
        { TableOpen = open };

    public static Chart HoursDelegated(CapacityFigures.Delegated delegated, Guid? authority, bool open = false) =>
        new("hours-delegated", "Hours the panel worked for you, by month", ChartKind.Columns, "Month", "Hours",
            [.. delegated.Months.Select(m => new ChartItem(MonthName(m.Month), (double)m.Hours, Hours(m.Hours), Invoice(m.Month, authority), MonthShort(m.Month)))])
        { TableOpen = open };

    public static Chart Spend(CapacityFigures.Spend spend, Guid? authority) =>
        new("spend", "Spend by month (as invoiced)", ChartKind.Columns, "Month", "Spend",
            [.. spend.Months.Select(m => new ChartItem(MonthName(m.Month), (double)m.Spend, Money(m.Spend), Invoice(m.Month, authority), MonthShort(m.Month)))]);

    public static Chart ShadowingByMonth(ShadowingFigures.Shadowing shadowing, bool open = false) =>
        new("shadowing-by-month", "Shadowing hours of your junior staff, by month", ChartKind.Columns, "Month", "Hours",
            [.. shadowing.ByMonth.Select(m => new ChartItem(MonthName(m.Month), (double)CapacityFigures.Hours(m.Minutes),
                Hours(CapacityFigures.Hours(m.Minutes)), null, MonthShort(m.Month)))])
        { TableOpen = open };

    public static Chart ShadowingByRole(ShadowingFigures.Shadowing shadowing, bool open = false) =>
        new("shadowing-by-role", "Shadowing hours by role", ChartKind.Bars, "Role", "Hours",
            [.. shadowing.ByRole.Select(r => new ChartItem(r.Role.DisplayName(), (double)CapacityFigures.Hours(r.Minutes), Hours(CapacityFigures.Hours(r.Minutes))))])
        { TableOpen = open };

    public static Chart TimeToAssignment(PanelFigures.TimeToAssignment time, InsightPeriod period, Guid? authority) =>
        new("time-to-assignment", "Time from submission to assignment", ChartKind.Bars, "Time", "Assignments",
            [.. time.Bands.Select(b => new ChartItem(b.Label, b.Count, b.Count.ToString(Invariant), Requests(authority, PeriodRange("assigned", period))))]);

    public static Chart Offers(PanelFigures.Offers offers) =>
        new("offers", "Offers answered or lapsed", ChartKind.Bars, "Outcome", "Offers",
            [
                new ChartItem("Accepted", offers.Accepted, offers.Accepted.ToString(Invariant)),
                new ChartItem("Declined", offers.Declined, offers.Declined.ToString(Invariant)),
                new ChartItem("Lapsed", offers.Lapsed, offers.Lapsed.ToString(Invariant)),
                new ChartItem("Withdrawn", offers.Withdrawn, offers.Withdrawn.ToString(Invariant)),
            ]);

    public static Chart DeclineReasons(PanelFigures.Offers offers) =>
        new("decline-reasons", "Why offers were declined", ChartKind.Bars, "Reason", "Offers",
            [.. offers.DeclineReasons.Take(10).Select(r => new ChartItem(r.Reason, r.Count, r.Count.ToString(Invariant)))]);

    public static Chart FreePlaces(PanelFigures.Utilisation utilisation) =>
        new("free-places", "Active panel members by free places", ChartKind.Bars, "Free places", "Members",
            [.. utilisation.ByFreePlaces.Select(b => new ChartItem(b.Label, b.Count, b.Count.ToString(Invariant), "/admin/panel"))]);

    public static Chart Demand(IReadOnlyList<PanelFigures.DemandCell> demand, InsightPeriod period, Guid? authority) =>
        new("demand", "Demand against coverage, most pressed first", ChartKind.Bars, "Assessment type and region", "Requests",
            [.. demand.Take(15).Select(d => new ChartItem($"{d.TypeName}, {d.Region.DisplayName()}", d.Requests, d.Requests.ToString(Invariant),
                Requests(authority, [("type", d.TypeCode), ("region", d.Region.ToString()), .. PeriodRange("submitted", period)])))])
        {
            ExtraColumns = [("Active members covering it", [.. demand.Take(15).Select(d => d.Covering.ToString(Invariant))])],
        };

    public static Chart Expiring(PanelFigures.Expiring expiring) =>
        new("expiring", $"Documents expiring by {expiring.Until.ToString("d MMMM yyyy", Invariant)}", ChartKind.Bars, "Document", "Documents",
            [.. expiring.ByKind.Select(k => new ChartItem(k.Kind.DisplayName(), k.Count, k.Count.ToString(Invariant), "#expiring-documents"))]);

    public static Chart Earnings(IswFigures.Earnings earnings) =>
        new("earnings", "Earnings by month", ChartKind.Columns, "Month", "Earnings",
            [.. earnings.Months.Select(m => new ChartItem(MonthName(m.Month), (double)m.Earnings, Money(m.Earnings), "/my-work", MonthShort(m.Month)))])
        {
            ExtraColumns = [("Hours", [.. earnings.Months.Select(m => Hours(m.Hours))])],
        };

    private static string Invoice(DateOnly month, Guid? authority) =>
        $"/invoices?month={month.ToString("yyyy-MM", Invariant)}{(authority is { } id ? $"&authority={id}" : "")}";
}
