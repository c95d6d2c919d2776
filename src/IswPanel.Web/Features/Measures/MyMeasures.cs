using IswPanel.Data;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Measures;

/// <summary>An ISW's own measures (the ones matching uses) and every QA review of their work, with scores and comments.</summary>
public static class MyMeasures
{
    public sealed record Query : IQuery<Result<Page>>;

    public sealed record Page(IswMeasures Measures, IReadOnlyList<Review> Reviews);

    public sealed record Review(string CaseReference, string AssessmentType, int VersionNumber, QaDecision Decision, string? Summary,
        DateTime DecidedAt, double MeanScore, IReadOnlyList<RubricScore> Scores);

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (me.IswProfileId is not { } iswId) return Failure.NotFound;
            var mine = (await IswMeasures.ForAsync(db, [iswId], null, cancellationToken))[iswId];

            var reviews = await (
                from q in db.QaReviews.AsNoTracking()
                join v in db.ReportVersions on q.ReportVersionId equals v.Id
                where v.IswProfileId == iswId
                join r in db.AssessmentRequests on v.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                orderby q.DecidedAt descending
                select new { Review = q, r.CaseReference, Type = t.Name, v.Number })
                .ToListAsync(cancellationToken);
            return new Page(mine, [.. reviews.Select(x => new Review(x.CaseReference, x.Type, x.Number, x.Review.Decision, x.Review.Summary,
                x.Review.DecidedAt, x.Review.MeanScore, [.. x.Review.Scores]))]);
        }
    }
}
