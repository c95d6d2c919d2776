using IswPanel.Data;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Measures;

/// <summary>
/// An ISW's delivery record, the same figures for the ISW's own page and for matching:
/// <list type="bullet">
/// <item>completed: requests assigned to the ISW whose report was released;</item>
/// <item>first-pass approval rate: the share of those released as version 1 (approved without a return);</item>
/// <item>on-time rate: the share released with <c>WorkingDaysLate == 0</c> against the filing deadline;</item>
/// <item>mean rubric score: over every score of every QA review of the ISW's versions;</item>
/// <item>mean authority rating: the mean of the feedback's three ratings, over all authorities, and for one authority
/// (the requesting one, for matching).</item>
/// </list>
/// Computed for any number of ISWs in three grouped queries (no query per ISW).
/// </summary>
public sealed record IswMeasures(
    Guid IswId,
    int Completed,
    int OnTime,
    int FirstPass,
    int Scores,
    double? MeanQaScore,
    int Ratings,
    double? MeanAuthorityRating,
    int RatingsByAuthority,
    double? MeanRatingByAuthority)
{
    public double? FirstPassRate => Completed == 0 ? null : (double)FirstPass / Completed;
    public double? OnTimeRate => Completed == 0 ? null : (double)OnTime / Completed;

    /// <summary>The measures of each ISW in <paramref name="iswIds"/>: every id has an entry, zeros for one with no history.</summary>
    public static async Task<Dictionary<Guid, IswMeasures>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid> iswIds, Guid? ratingAuthorityId,
        CancellationToken cancellationToken)
    {
        // Three grouped queries, each one pass over the ISWs' own rows through an index that covers it (migration
        // CoveringMeasureIndexes), rather than nine correlated aggregates per ISW: over a national panel's history
        // the per-ISW form read the same rows three and four times.
        var ids = iswIds as ICollection<Guid> ?? [.. iswIds];
        var authorityId = ratingAuthorityId ?? Guid.Empty;

        var delivery = await (
                from r in db.AssessmentRequests.AsNoTracking()
                where r.AssignedIswId != null && ids.Contains(r.AssignedIswId.Value) && r.ReleasedAt != null
                join v in db.ReportVersions on r.ReleasedReportVersionId equals v.Id into released
                from v in released.DefaultIfEmpty()
                group new { r.WorkingDaysLate, Number = (int?)v.Number } by r.AssignedIswId!.Value into g
                select new
                {
                    IswId = g.Key,
                    Completed = g.Count(),
                    OnTime = g.Count(x => x.WorkingDaysLate == 0),
                    FirstPass = g.Count(x => x.Number == 1),
                })
            .ToDictionaryAsync(x => x.IswId, cancellationToken);

        var scores = await (
                from v in db.ReportVersions.AsNoTracking()
                where ids.Contains(v.IswProfileId)
                join q in db.QaReviews on v.Id equals q.ReportVersionId
                from s in q.Scores
                group s.Score by v.IswProfileId into g
                select new { IswId = g.Key, Sum = g.Sum(), Count = g.Count() })
            .ToDictionaryAsync(x => x.IswId, cancellationToken);

        var ratings = await (
                from f in db.AssessmentFeedback.AsNoTracking()
                where ids.Contains(f.IswProfileId)
                join r in db.AssessmentRequests on f.AssessmentRequestId equals r.Id
                group new { Total = f.QualityRating + f.TimelinessRating + f.CommunicationRating, Ours = r.AuthorityId == authorityId }
                    by f.IswProfileId into g
                select new
                {
                    IswId = g.Key,
                    Sum = g.Sum(x => x.Total),
                    Count = g.Count(),
                    OursSum = g.Sum(x => x.Ours ? x.Total : 0),
                    OursCount = g.Count(x => x.Ours),
                })
            .ToDictionaryAsync(x => x.IswId, cancellationToken);

        var measures = new Dictionary<Guid, IswMeasures>(ids.Count);
        foreach (var id in ids)
        {
            var work = delivery.GetValueOrDefault(id);
            var score = scores.GetValueOrDefault(id);
            var rating = ratings.GetValueOrDefault(id);
            int scoreCount = score?.Count ?? 0, ratingCount = rating?.Count ?? 0, oursCount = rating?.OursCount ?? 0;
            measures[id] = new IswMeasures(id, work?.Completed ?? 0, work?.OnTime ?? 0, work?.FirstPass ?? 0,
                scoreCount, scoreCount == 0 ? null : (double)score!.Sum / scoreCount,
                ratingCount, ratingCount == 0 ? null : rating!.Sum / (3.0 * ratingCount),
                oursCount, oursCount == 0 ? null : rating!.OursSum / (3.0 * oursCount));
        }

        return measures;
    }
}
