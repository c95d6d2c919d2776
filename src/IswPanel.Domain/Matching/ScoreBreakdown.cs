namespace IswPanel.Domain.Matching;

/// <summary>The score's components; as flags, the ones that had no history and scored the neutral 0.5.</summary>
[Flags]
public enum ScoreComponents
{
    None = 0,
    Quality = 1 << 0,
    OnTime = 1 << 1,
    Load = 1 << 2,
    Distance = 1 << 3,
    Continuity = 1 << 4,
    AuthorityRating = 1 << 5,
}

/// <summary>
/// One candidate's score and its components, each in [0, 1] (higher is better):
/// <list type="bullet">
/// <item><b>Quality</b>: the mean of the first-pass approval rate and (mean QA score − 1) / 3, or whichever of the two is
/// known; missing when neither is.</item>
/// <item><b>OnTime</b>: on-time ÷ completed; missing when nothing is completed.</item>
/// <item><b>Load</b>: free slots ÷ capacity (0 when capacity is 0); never missing.</item>
/// <item><b>Distance</b>: 1 − min(distance ÷ travel radius, 1) (1 at home, 0 at the edge of the radius or beyond; with a
/// radius of 0, 1 at distance 0 and 0 otherwise); missing when the distance is unknown.</item>
/// <item><b>Continuity</b>: 1 when the ISW assessed this case before, else 0; never missing.</item>
/// <item><b>AuthorityRating</b>: (mean rating − 1) / 4; missing when this authority has not rated the ISW.</item>
/// </list>
/// A missing component is not guessed from anything else: it counts as the neutral 0.5 and is flagged in
/// <see cref="Missing"/> so the explanation says so. <see cref="Score"/> = 100 × Σ wᵢ·cᵢ ÷ Σ wᵢ, in [0, 100]; 0 when
/// every weight is 0.
/// </summary>
public readonly record struct ScoreBreakdown(float Quality, float OnTime, float Load, float Distance, float Continuity,
    float AuthorityRating, ScoreComponents Missing, float Score);
