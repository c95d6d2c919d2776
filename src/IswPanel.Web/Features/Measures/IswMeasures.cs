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
/// Computed for any number of ISWs in one query (correlated aggregates, no query per ISW).
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

    public static async Task<Dictionary<Guid, IswMeasures>> ForAsync(AppDbContext db, IQueryable<IswProfile> profiles, Guid? ratingAuthorityId,
        CancellationToken cancellationToken)
    {
        var authorityId = ratingAuthorityId ?? Guid.Empty;
        var rows = await profiles.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                Completed = db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id && r.ReleasedAt != null),
                OnTime = db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id && r.ReleasedAt != null && r.WorkingDaysLate == 0),
                FirstPass = db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id && r.ReleasedAt != null
                    && db.ReportVersions.Any(v => v.Id == r.ReleasedReportVersionId && v.Number == 1)),
                ScoreSum = (from q in db.QaReviews
                            join v in db.ReportVersions on q.ReportVersionId equals v.Id
                            where v.IswProfileId == p.Id
                            from s in q.Scores
                            select (int?)s.Score).Sum(),
                ScoreCount = (from q in db.QaReviews
                              join v in db.ReportVersions on q.ReportVersionId equals v.Id
                              where v.IswProfileId == p.Id
                              from s in q.Scores
                              select s.Score).Count(),
                RatingSum = db.AssessmentFeedback.Where(f => f.IswProfileId == p.Id)
                    .Sum(f => (int?)(f.QualityRating + f.TimelinessRating + f.CommunicationRating)),
                Ratings = db.AssessmentFeedback.Count(f => f.IswProfileId == p.Id),
                AuthorityRatingSum = (from f in db.AssessmentFeedback
                                      join r in db.AssessmentRequests on f.AssessmentRequestId equals r.Id
                                      where f.IswProfileId == p.Id && r.AuthorityId == authorityId
                                      select (int?)(f.QualityRating + f.TimelinessRating + f.CommunicationRating)).Sum(),
                AuthorityRatings = (from f in db.AssessmentFeedback
                                    join r in db.AssessmentRequests on f.AssessmentRequestId equals r.Id
                                    where f.IswProfileId == p.Id && r.AuthorityId == authorityId
                                    select f.Id).Count(),
            })
            .ToListAsync(cancellationToken);

        return rows.ToDictionary(r => r.Id, r => new IswMeasures(r.Id, r.Completed, r.OnTime, r.FirstPass,
            r.ScoreCount, r.ScoreCount == 0 ? null : (double)(r.ScoreSum ?? 0) / r.ScoreCount,
            r.Ratings, r.Ratings == 0 ? null : (r.RatingSum ?? 0) / (3.0 * r.Ratings),
            r.AuthorityRatings, r.AuthorityRatings == 0 ? null : (r.AuthorityRatingSum ?? 0) / (3.0 * r.AuthorityRatings)));
    }
}
