namespace IswPanel.Domain.Matching;

/// <summary>
/// One eligible candidate in a ranking. Ordered best first by <see cref="Score"/> (higher first), then by fewer
/// <see cref="Missing"/> components (a known record beats no record at the same score), then by more
/// <see cref="FreeSlots"/>, then by lower <see cref="Index"/>.
/// </summary>
/// <param name="Index">The candidate's <see cref="CandidateFacts.Index"/>.</param>
public readonly record struct Ranked(int Index, float Score, int FreeSlots, ScoreComponents Missing)
{
    /// <summary>Whether this entry ranks before <paramref name="other"/>.</summary>
    public bool RanksBefore(in Ranked other)
    {
        if (Score != other.Score) return Score > other.Score;
        var missing = System.Numerics.BitOperations.PopCount((uint)Missing);
        var otherMissing = System.Numerics.BitOperations.PopCount((uint)other.Missing);
        if (missing != otherMissing) return missing < otherMissing;
        if (FreeSlots != other.FreeSlots) return FreeSlots > other.FreeSlots;
        return Index < other.Index;
    }
}

/// <summary>What <see cref="Matcher.Rank(in MatchRequest, ReadOnlySpan{CandidateFacts}, Span{Ranked})"/> found.</summary>
/// <param name="Eligible">How many candidates had no exclusion reason.</param>
/// <param name="Written">How many of the best were written: the smaller of <paramref name="Eligible"/> and the span's length.</param>
/// <param name="Excluded">How many candidates had at least one exclusion reason.</param>
public readonly record struct RankCounts(int Eligible, int Written, int Excluded);
