using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Matching;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Matching;

/// <summary>
/// For a submitted request: every eligible ISW ranked with a score and the reasons in plain words, and every
/// ineligible ISW with why not. Panel administrators only.
/// </summary>
public static class Shortlist
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public sealed record Query(Guid RequestId, int? Limit = null) : IQuery<Result<Result>>;

    public sealed record Result(
        Guid RequestId,
        string CaseReference,
        string AssessmentTypeName,
        AssessmentRequestStatus Status,
        DateOnly FilingDeadline,
        IReadOnlyList<Candidate> Candidates,
        IReadOnlyList<Excluded> Excluded,
        int EligibleCount,
        int ExcludedCount,
        string ExcludedSummary);

    public sealed record Candidate(Guid IswId, string Name, float Score, IReadOnlyList<string> Reasons);

    public sealed record Excluded(Guid IswId, string Name, IReadOnlyList<string> Reasons);

    public sealed class Handler(AppDbContext db, Shortlister shortlister) : IQueryHandler<Query, Result<Result>>
    {
        public async ValueTask<Result<Result>> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = await db.AssessmentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RequestId, cancellationToken);
            if (request is null) return Failure.NotFound;
            if (request.Status is not (AssessmentRequestStatus.Submitted or AssessmentRequestStatus.Offered))
                return Failure.Conflict($"Only a submitted request is matched; this one is {request.Status.DisplayName().ToLowerInvariant()}.");

            var limit = Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit);
            var e = await shortlister.EvaluateAsync(request, only: null, cancellationToken);
            var best = new Ranked[Math.Min(limit, e.Candidates.Length)];
            var tally = new int[ExclusionReasons.Count];
            var counts = Matcher.Rank(e.Match, e.Candidates, best, tally);

            var candidates = best.Take(counts.Written)
                .Select(r => new Candidate(e.Ids[r.Index], e.Names[r.Index], r.Score, Matcher.Reasons(e.Match, e.Candidates[r.Index], e.Labels)))
                .ToList();
            var excluded = new List<Excluded>();
            foreach (ref readonly var facts in e.Candidates.AsSpan())
            {
                if (excluded.Count >= limit) break;
                var reasons = Matcher.Exclusions(e.Match, facts);
                if (reasons != ExclusionReason.None)
                    excluded.Add(new Excluded(e.Ids[facts.Index], e.Names[facts.Index], Matcher.WhyNot(reasons, e.Match, facts, e.Labels)));
            }

            return new Result(request.Id, request.CaseReference, e.Labels.AssessmentTypeName, request.Status, request.FilingDeadline, candidates,
                [.. excluded.OrderBy(x => x.Name)], counts.Eligible, counts.Excluded, ExclusionReasons.Summarise(counts.Excluded, tally));
        }
    }
}
