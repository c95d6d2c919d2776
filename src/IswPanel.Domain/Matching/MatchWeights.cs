using IswPanel.Domain.Common;

namespace IswPanel.Domain.Matching;

/// <summary>
/// How much each score component counts. Only the ratios matter: the score is
/// 100 × Σ wᵢ·cᵢ / Σ wᵢ, so (3, 3, 1, 1, 2, 2) ranks exactly as (6, 6, 2, 2, 4, 4). Every weight must be
/// zero or more and finite; a zero weight leaves its component out. When every weight is zero every score is 0.
/// </summary>
public readonly record struct MatchWeights
{
    /// <param name="quality">Quality record: first-pass QA approval and mean QA score.</param>
    /// <param name="onTime">On-time record against filing deadlines.</param>
    /// <param name="load">Current load: the share of the ISW's capacity that is free.</param>
    /// <param name="distance">Distance from home relative to the ISW's travel radius.</param>
    /// <param name="continuity">Continuity: the ISW assessed this case reference before.</param>
    /// <param name="authorityRating">The requesting authority's own past ratings of the ISW.</param>
    public MatchWeights(float quality, float onTime, float load, float distance, float continuity, float authorityRating)
    {
        Quality = Valid(quality, nameof(Quality));
        OnTime = Valid(onTime, nameof(OnTime));
        Load = Valid(load, nameof(Load));
        Distance = Valid(distance, nameof(Distance));
        Continuity = Valid(continuity, nameof(Continuity));
        AuthorityRating = Valid(authorityRating, nameof(AuthorityRating));
    }

    /// <summary>
    /// The defaults: Quality 3, OnTime 3, AuthorityRating 2, Continuity 2, Load 1, Distance 1 (sum 12).
    /// <list type="bullet">
    /// <item>Quality and OnTime weigh most: a report the court can rely on, filed by the court's date, is what the
    /// authority is buying (the Public Law Outline's 26 weeks leave no slack), and both are measured on every
    /// completed assessment, so they are the best-evidenced signals.</item>
    /// <item>AuthorityRating 2: the requesting authority's own experience of the ISW matters, but it is sparse
    /// (many pairs have no rating yet, which scores neutral) and partly repeats the quality record.</item>
    /// <item>Continuity 2: the same ISW for the same family saves re-building trust and re-reading the history,
    /// and courts value it; it is a yes/no signal, so a larger weight would let it swamp a poor record.</item>
    /// <item>Load 1 and Distance 1: every eligible ISW already has a free slot and is within reach (both are
    /// exclusion rules), so these only separate otherwise similar candidates: spread the work, prefer shorter travel.</item>
    /// </list>
    /// </summary>
    public static MatchWeights Default { get; } = new(quality: 3, onTime: 3, load: 1, distance: 1, continuity: 2, authorityRating: 2);

    public float Quality { get; }
    public float OnTime { get; }
    public float Load { get; }
    public float Distance { get; }
    public float Continuity { get; }
    public float AuthorityRating { get; }

    /// <summary>Σ wᵢ, summed in the same order the score sums wᵢ·cᵢ, so a candidate with every component 1 scores exactly 100.</summary>
    public double Total => (double)Quality + OnTime + Load + Distance + Continuity + AuthorityRating;

    private static float Valid(float weight, string field) => float.IsFinite(weight) && weight >= 0
        ? weight
        : throw new DomainException("Each matching weight must be a number of zero or more.", field);
}
