using IswPanel.Data;
using IswPanel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>
/// Quality: the QA rubric's scores (1–4) over the reviews decided in a period, what returned reports scored low on,
/// first-pass approval and QA turnaround, and the authority's own ratings (1–5). Criteria are grouped by the rubric
/// criterion scored and named as the rubric names them now (a review keeps the wording it scored; a retired
/// criterion keeps its last name).
/// </summary>
public static class QualityFigures
{
    /// <summary>A score of this or lower counts as "low" when finding what returned reports fell short on.</summary>
    public const int LowScore = 2;

    public sealed record CriterionScore(Guid CriterionId, string Criterion, int Scores, double Mean, int LowScores);

    /// <summary>The mean score per criterion over every review (approved or returned) decided in the period, in rubric order.</summary>
    public static Task<IReadOnlyList<CriterionScore>> ScoresByCriterionAsync(AppDbContext db, Guid? authorityId, InsightPeriod period,
        CancellationToken cancellationToken) => CriteriaAsync(db, Reviews(db, authorityId, period), cancellationToken);

    public sealed record Returns(int ReturnedReviews, IReadOnlyList<CriterionScore> Criteria);

    /// <summary>
    /// What reviewers most often returned reports for: over the returned reviews decided in the period, per criterion,
    /// how many times it scored <see cref="LowScore"/> or lower, and its mean; the most often low first, then the lowest mean.
    /// </summary>
    public static async Task<Returns> ReturnedForAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var returned = Reviews(db, authorityId, period).Where(q => q.Decision == QaDecision.Return);
        var count = await returned.CountAsync(cancellationToken);
        var criteria = await CriteriaAsync(db, returned, cancellationToken);
        return new Returns(count, [.. criteria.OrderByDescending(c => c.LowScores).ThenBy(c => c.Mean).ThenBy(c => c.Criterion, StringComparer.Ordinal)]);
    }

    public sealed record FirstPass(int FirstVersionsDecided, int ApprovedFirstTime, int Reviews, double? MeanTurnaroundWorkingDays,
        double? MeanTurnaroundHours)
    {
        public double? Rate => FirstVersionsDecided == 0 ? null : (double)ApprovedFirstTime / FirstVersionsDecided;
    }

    /// <summary>
    /// First-pass rate: of the first versions of reports decided in the period (approved, or returned), the share approved.
    /// Turnaround: the mean over reviews decided in the period of the time from the version's submission to the decision,
    /// in working days and in hours (both recorded with each review).
    /// </summary>
    public static async Task<FirstPass> FirstPassAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var requests = RequestFigures.Of(db, authorityId);
        var first = await (
            from v in db.ReportVersions.AsNoTracking()
            where v.Number == 1 && v.DecidedAt >= start && v.DecidedAt < end
            join r in requests on v.AssessmentRequestId equals r.Id
            group v by 1 into g
            select new { Decided = g.Count(), Approved = g.Count(v => v.Status == ReportVersionStatus.Approved) })
            .SingleOrDefaultAsync(cancellationToken);
        var turnaround = await Reviews(db, authorityId, period)
            .GroupBy(q => 1)
            .Select(g => new { Count = g.Count(), Days = g.Sum(q => q.TurnaroundWorkingDays), Minutes = g.Sum(q => (long)q.TurnaroundMinutes) })
            .SingleOrDefaultAsync(cancellationToken);
        var reviews = turnaround?.Count ?? 0;
        return new FirstPass(first?.Decided ?? 0, first?.Approved ?? 0, reviews,
            reviews == 0 ? null : (double)turnaround!.Days / reviews,
            reviews == 0 ? null : turnaround!.Minutes / 60.0 / reviews);
    }

    public sealed record Ratings(int Count, double? Quality, double? Timeliness, double? Communication)
    {
        /// <summary>The mean of all three ratings together.</summary>
        public double? Overall => Count == 0 ? null : (Quality!.Value + Timeliness!.Value + Communication!.Value) / 3;
    }

    /// <summary>The authority's ratings (1–5) of the assessments rated in the period.</summary>
    public static async Task<Ratings> RatingsAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var row = await (
            from f in db.AssessmentFeedback.AsNoTracking()
            where f.GivenAt >= start && f.GivenAt < end
            join r in RequestFigures.Of(db, authorityId) on f.AssessmentRequestId equals r.Id
            group f by 1 into g
            select new
            {
                Count = g.Count(),
                Quality = g.Sum(f => f.QualityRating),
                Timeliness = g.Sum(f => f.TimelinessRating),
                Communication = g.Sum(f => f.CommunicationRating),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.Count == 0) return new Ratings(0, null, null, null);
        return new Ratings(row.Count, (double)row.Quality / row.Count, (double)row.Timeliness / row.Count, (double)row.Communication / row.Count);
    }

    /// <summary>Reviews decided in the period on the authority's requests.</summary>
    private static IQueryable<QaReview> Reviews(AppDbContext db, Guid? authorityId, InsightPeriod period)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var reviews = db.QaReviews.AsNoTracking().Where(q => q.DecidedAt >= start && q.DecidedAt < end);
        if (authorityId is { } id)
            reviews = reviews.Where(q => db.AssessmentRequests.Any(r => r.Id == q.AssessmentRequestId && r.AuthorityId == id));
        return reviews;
    }

    /// <summary>One grouped query over the reviews' scores, then named and ordered by the rubric.</summary>
    private static async Task<IReadOnlyList<CriterionScore>> CriteriaAsync(AppDbContext db, IQueryable<QaReview> reviews,
        CancellationToken cancellationToken)
    {
        var rows = await (
            from q in reviews
            from s in q.Scores
            group s by new { s.CriterionId, s.CriterionName } into g
            select new
            {
                g.Key.CriterionId,
                g.Key.CriterionName,
                Count = g.Count(),
                Sum = g.Sum(s => s.Score),
                Low = g.Count(s => s.Score <= LowScore),
            })
            .ToListAsync(cancellationToken);
        var rubric = await db.RubricCriteria.AsNoTracking().Select(c => new { c.Id, c.Name, c.DisplayOrder }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.CriterionId)
            .Select(g =>
            {
                var current = rubric.SingleOrDefault(c => c.Id == g.Key);
                var count = g.Sum(r => r.Count);
                var score = new CriterionScore(g.Key, current?.Name ?? g.First().CriterionName, count, (double)g.Sum(r => r.Sum) / count, g.Sum(r => r.Low));
                return (Order: current?.DisplayOrder ?? int.MaxValue, Score: score);
            })
            .OrderBy(x => x.Order).ThenBy(x => x.Score.Criterion, StringComparer.Ordinal)
            .Select(x => x.Score)];
    }
}
