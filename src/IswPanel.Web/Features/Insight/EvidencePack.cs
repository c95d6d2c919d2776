using System.Globalization;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Insight.Figures;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight;

/// <summary>
/// An authority's Ofsted-ready evidence for a period: the figures under the three self-evaluation questions —
/// quality, timeliness, capacity and workforce development — and the plan the commissioner wrote for that period.
/// The same pack feeds the printable page, the CSV, the PDF and the API, so they can never disagree. Commissioners
/// see their own authority's (another's is not found); panel administrators any authority's. No figure carries a
/// child's details. Every figure depends only on records dated in the period (see each figure's notes for the one
/// exception: an authority's region is its region now).
/// </summary>
public static class EvidencePack
{
    public const string QuestionKnow = "What do you know about the quality and impact of social work practice?";
    public const string QuestionHow = "How do you know it?";
    public const string QuestionPlans = "What are your plans?";

    public sealed record Query(Guid AuthorityId, string? From, string? To) : IQuery<Result<Pack>>;

    public sealed record Plan(string Text, DateTime SavedAt, string SavedBy);

    public sealed record Pack(
        Guid AuthorityId,
        string Authority,
        InsightPeriod Period,
        DateTime GeneratedAt,
        IReadOnlyList<QualityFigures.CriterionScore> Scores,
        QualityFigures.FirstPass FirstPass,
        QualityFigures.Returns Returns,
        QualityFigures.Ratings Ratings,
        TimelinessFigures.OnTime OnTime,
        TimelinessFigures.Lateness Lateness,
        IReadOnlyList<TimelinessFigures.ReasonCount> LateReasons,
        CapacityFigures.Delegated Delegated,
        ShadowingFigures.Shadowing Shadowing,
        Plan? SavedPlan,
        bool CanWritePlan)
    {
        /// <summary>Every figure as one row (section, figure, period, value): the CSV's rows and the API's <c>figures</c>.</summary>
        public IReadOnlyList<FigureRow> Rows => EvidenceRows.Of(this);
    }

    public sealed record FigureRow(string Section, string Figure, string Period, string Value);

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, InsightCache insight) : IQueryHandler<Query, Result<Pack>>
    {
        public async ValueTask<Result<Pack>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!MayRead(me, query.AuthorityId)) return Failure.NotFound;
            var authority = await db.Authorities.AsNoTracking().Where(a => a.Id == query.AuthorityId).Select(a => a.Name)
                .SingleOrDefaultAsync(cancellationToken);
            if (authority is null) return Failure.NotFound;
            var parsed = InsightPeriod.Parse(query.From, query.To, clock.Today);
            if (!parsed.IsSuccess) return Result<Pack>.Failure(parsed.Status, parsed.Errors);
            var period = parsed.Value!;
            var id = (Guid?)query.AuthorityId;

            var plan = await (
                from p in db.EvidencePlans.AsNoTracking()
                where p.AuthorityId == query.AuthorityId && p.PeriodFrom == period.From && p.PeriodTo == period.To
                join u in db.Users on p.SavedByUserId equals u.Id
                select new Plan(p.Text, p.SavedAt, u.DisplayName))
                .SingleOrDefaultAsync(cancellationToken);

            // The figures are shared (cached); the plan and whether this viewer may write it are not.
            var figures = await insight.GetOrComputeAsync($"evidence:{query.AuthorityId}:{period.Key}", async ct => new Pack(
                query.AuthorityId, authority, period, clock.UtcNow,
                await QualityFigures.ScoresByCriterionAsync(db, id, period, ct),
                await QualityFigures.FirstPassAsync(db, id, period, ct),
                await QualityFigures.ReturnedForAsync(db, id, period, ct),
                await QualityFigures.RatingsAsync(db, id, period, ct),
                await TimelinessFigures.OnTimeByMonthAsync(db, id, period, ct),
                await TimelinessFigures.LatenessAsync(db, id, period, ct),
                await TimelinessFigures.LateReasonsAsync(db, id, period, ct),
                await CapacityFigures.DelegatedByMonthAsync(db, id, period, ct),
                await ShadowingFigures.HoursAsync(db, id, period, ct),
                SavedPlan: null,
                CanWritePlan: false));
            return figures with { SavedPlan = plan, CanWritePlan = MayWritePlan(me, query.AuthorityId) };
        }
    }

    /// <summary>Panel administrators read any authority's figures; a commissioner only their own.</summary>
    public static bool MayRead(ICurrentUser user, Guid authorityId) =>
        user.IsInRole(Roles.PanelAdmin) || (user.IsInRole(Roles.Commissioner) && user.AuthorityId == authorityId);

    /// <summary>Only the authority's commissioners write its plans.</summary>
    public static bool MayWritePlan(ICurrentUser user, Guid authorityId) =>
        user.IsInRole(Roles.Commissioner) && user.AuthorityId == authorityId;
}

/// <summary>The pack flattened to one row per figure, with invariant numbers: counts, hours to 2 places, means to 2, rates as percentages to 1.</summary>
public static class EvidenceRows
{
    public const string Quality = "Quality";
    public const string Timeliness = "Timeliness";
    public const string Capacity = "Capacity";
    public const string Workforce = "Workforce development";

    public static IReadOnlyList<EvidencePack.FigureRow> Of(EvidencePack.Pack pack)
    {
        var rows = new List<EvidencePack.FigureRow>();
        var all = pack.Period.Key;
        void Add(string section, string figure, string value, string? period = null) =>
            rows.Add(new EvidencePack.FigureRow(section, figure, period ?? all, value));

        Add(Quality, "QA reviews decided", Count(pack.FirstPass.Reviews));
        Add(Quality, "First versions decided", Count(pack.FirstPass.FirstVersionsDecided));
        Add(Quality, "First versions approved first time (%)", Percent(pack.FirstPass.Rate));
        foreach (var c in pack.Scores) Add(Quality, $"Mean QA score (1 to 4): {c.Criterion}", Mean(c.Mean));
        Add(Quality, "Reports returned by QA", Count(pack.Returns.ReturnedReviews));
        foreach (var c in pack.Returns.Criteria.Where(c => c.LowScores > 0))
            Add(Quality, $"Returned reports scoring {QualityFigures.LowScore} or lower: {c.Criterion}", Count(c.LowScores));
        Add(Quality, "Authority ratings given", Count(pack.Ratings.Count));
        Add(Quality, "Mean authority rating (1 to 5): quality", Mean(pack.Ratings.Quality));
        Add(Quality, "Mean authority rating (1 to 5): timeliness", Mean(pack.Ratings.Timeliness));
        Add(Quality, "Mean authority rating (1 to 5): communication", Mean(pack.Ratings.Communication));
        Add(Quality, "Mean authority rating (1 to 5): overall", Mean(pack.Ratings.Overall));

        Add(Timeliness, "Reports released", Count(pack.OnTime.Released));
        Add(Timeliness, "Reports released on time", Count(pack.OnTime.OnTimeCount));
        Add(Timeliness, "On-time rate against filing deadlines (%)", Percent(pack.OnTime.Rate));
        foreach (var m in pack.OnTime.Months)
        {
            Add(Timeliness, "Reports released", Count(m.Released), Month(m.Month));
            Add(Timeliness, "Reports released on time", Count(m.OnTime), Month(m.Month));
        }

        Add(Timeliness, "Reports released late", Count(pack.Lateness.Late));
        Add(Timeliness, "Mean working days late (late reports)", Mean(pack.Lateness.MeanDaysLate));
        foreach (var b in pack.Lateness.Bands) Add(Timeliness, $"Reports released late by {b.Label.ToLowerInvariant()}", Count(b.Count));
        foreach (var r in pack.LateReasons) Add(Timeliness, $"Late reason: {r.Reason}", Count(r.Count));

        Add(Capacity, "Assessments delegated to the panel", Count(pack.Delegated.Assessments));
        Add(Capacity, "Hours delegated to the panel", Hours(pack.Delegated.Hours));
        foreach (var m in pack.Delegated.Months)
        {
            Add(Capacity, "Assessments delegated to the panel", Count(m.Assessments), Month(m.Month));
            Add(Capacity, "Hours delegated to the panel", Hours(m.Hours), Month(m.Month));
        }

        Add(Workforce, "Shadowing hours", Hours(pack.Shadowing.TotalHours));
        foreach (var (role, minutes) in pack.Shadowing.ByRole) Add(Workforce, $"Shadowing hours: {role.DisplayName()}", Hours(CapacityFigures.Hours(minutes)));
        foreach (var (month, minutes) in pack.Shadowing.ByMonth) Add(Workforce, "Shadowing hours", Hours(CapacityFigures.Hours(minutes)), Month(month));
        return rows;
    }

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Hours(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    public static string Mean(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
