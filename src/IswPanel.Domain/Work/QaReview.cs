using IswPanel.Domain.Common;

namespace IswPanel.Domain.Work;

public enum QaDecision
{
    Approve,
    Return,
}

/// <summary>One criterion's score in a review, with the criterion's wording as it was when scored.</summary>
public sealed record RubricScore(Guid CriterionId, string CriterionName, int Score, string? Comment)
{
    public const int Lowest = 1;
    public const int Highest = 4;
}

/// <summary>
/// A QA reviewer's decision on one report version: the rubric scores (1–4, a comment each) and approve or
/// return with what must change. Turnaround (submitted → decided) is recorded with every review.
/// </summary>
public sealed class QaReview : Entity
{
    private QaReview() { }

    public Guid ReportVersionId { get; private set; }
    public Guid AssessmentRequestId { get; private set; }
    public Guid ReviewerUserId { get; private set; }
    public QaDecision Decision { get; private set; }

    /// <summary>What must change (required when returning), or the reviewer's summary.</summary>
    public string? Summary { get; private set; }
    public List<RubricScore> Scores { get; private set; } = [];
    public DateTime VersionSubmittedAt { get; private set; }
    public DateTime DecidedAt { get; private set; }
    public int TurnaroundMinutes { get; private set; }
    public int TurnaroundWorkingDays { get; private set; }

    public double MeanScore => Scores.Count == 0 ? 0 : Scores.Average(s => s.Score);

    /// <param name="reviewerIsAuthor">True when the reviewer wrote the report: reviewers cannot review their own work.</param>
    public static QaReview Record(ReportVersion version, Guid reviewerUserId, bool reviewerIsAuthor, QaDecision decision,
        string? summary, IReadOnlyCollection<RubricScore> scores, DateTime now, int turnaroundWorkingDays)
    {
        if (reviewerIsAuthor) throw new DomainException("You cannot review your own report.");
        if (version.Status != ReportVersionStatus.InQa) throw new DomainException("This version is no longer waiting for review.");
        if (scores.Count == 0) throw new DomainException("Score every criterion of the rubric.", nameof(Scores));
        foreach (var score in scores)
        {
            if (score.Score is < RubricScore.Lowest or > RubricScore.Highest)
                throw new DomainException($"Score “{score.CriterionName}” from 1 to 4.", nameof(Scores));
        }
        if (decision == QaDecision.Return && string.IsNullOrWhiteSpace(summary))
            throw new DomainException("Say what must change before the report can be approved.", nameof(Summary));
        return new QaReview
        {
            ReportVersionId = version.Id,
            AssessmentRequestId = version.AssessmentRequestId,
            ReviewerUserId = reviewerUserId,
            Decision = decision,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
            Scores = [.. scores],
            VersionSubmittedAt = version.SubmittedAt,
            DecidedAt = now,
            TurnaroundMinutes = (int)Math.Max(0, (now - version.SubmittedAt).TotalMinutes),
            TurnaroundWorkingDays = Math.Max(0, turnaroundWorkingDays),
        };
    }
}
