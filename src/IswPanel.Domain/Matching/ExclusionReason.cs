namespace IswPanel.Domain.Matching;

/// <summary>
/// Why an ISW cannot be matched to a request. A candidate may have several; <see cref="Matcher.Evaluate"/>
/// reports all of them, and <see cref="Matcher.WhyNot"/> gives one sentence per flag.
/// </summary>
[Flags]
public enum ExclusionReason
{
    None = 0,

    /// <summary>The panel member's status is not Active (applicant, under review, suspended, removed, rejected).</summary>
    NotActive = 1 << 0,

    /// <summary>Whole years of post-qualifying experience on the request's today are below the type's minimum.</summary>
    PqeBelowMinimum = 1 << 1,

    /// <summary>The ISW does not offer the request's assessment type.</summary>
    LacksAssessmentType = 1 << 2,

    /// <summary>The ISW lacks one or more of the skills the request requires (e.g. PAMS-trained).</summary>
    LacksRequiredSkill = 1 << 3,

    /// <summary>A compliance document stops counting on or before the filing deadline.</summary>
    DocumentLapsesBeforeDeadline = 1 << 4,

    /// <summary>The ISW is conflicted with the requesting authority under non-solicitation.</summary>
    NonSolicitationConflict = 1 << 5,

    /// <summary>The ISW already has as many assessments in hand as their capacity.</summary>
    NoCapacity = 1 << 6,

    /// <summary>The ISW is unavailable at some point between today and the date the first visit is due.</summary>
    Unavailable = 1 << 7,

    /// <summary>The request is outside the ISW's travel radius or, when the distance is unknown, their regions.</summary>
    OutsideArea = 1 << 8,

    /// <summary>The ISW declined, or let lapse, an offer of this very request.</summary>
    DeclinedOrLapsedOffer = 1 << 9,
}

/// <summary>The reasons in order, their positions in a tally span, and short labels for counts on a page.</summary>
public static class ExclusionReasons
{
    /// <summary>How many single reasons there are: the length a tally span passed to <see cref="Matcher.Rank(in MatchRequest, ReadOnlySpan{CandidateFacts}, Span{Ranked}, Span{int})"/> needs.</summary>
    public const int Count = 10;

    /// <summary>Every single reason, in flag order (the order of <see cref="Matcher.WhyNot"/>'s sentences and of tally positions).</summary>
    public static IReadOnlyList<ExclusionReason> All { get; } =
    [
        ExclusionReason.NotActive,
        ExclusionReason.PqeBelowMinimum,
        ExclusionReason.LacksAssessmentType,
        ExclusionReason.LacksRequiredSkill,
        ExclusionReason.DocumentLapsesBeforeDeadline,
        ExclusionReason.NonSolicitationConflict,
        ExclusionReason.NoCapacity,
        ExclusionReason.Unavailable,
        ExclusionReason.OutsideArea,
        ExclusionReason.DeclinedOrLapsedOffer,
    ];

    /// <summary>The position of one single reason in a tally span (0 for <see cref="ExclusionReason.NotActive"/>, ...).</summary>
    public static int IndexOf(ExclusionReason reason)
    {
        var bits = (uint)reason;
        if (bits == 0 || (bits & (bits - 1)) != 0 || bits >= 1u << Count)
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Pass exactly one exclusion reason.");
        return System.Numerics.BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>
    /// A short label to follow a count, e.g. "120 outside the area": "not active", "below the PQE minimum",
    /// "not offering this assessment type", "missing a required skill", "with a document lapsing by the filing
    /// deadline", "conflicted with this authority (non-solicitation)", "with no capacity", "unavailable before the
    /// first visit", "outside the area", "who declined or let lapse an offer".
    /// </summary>
    public static string Label(ExclusionReason reason) => reason switch
    {
        ExclusionReason.NotActive => "not active",
        ExclusionReason.PqeBelowMinimum => "below the PQE minimum",
        ExclusionReason.LacksAssessmentType => "not offering this assessment type",
        ExclusionReason.LacksRequiredSkill => "missing a required skill",
        ExclusionReason.DocumentLapsesBeforeDeadline => "with a document lapsing by the filing deadline",
        ExclusionReason.NonSolicitationConflict => "conflicted with this authority (non-solicitation)",
        ExclusionReason.NoCapacity => "with no capacity",
        ExclusionReason.Unavailable => "unavailable before the first visit",
        ExclusionReason.OutsideArea => "outside the area",
        ExclusionReason.DeclinedOrLapsedOffer => "who declined or let lapse an offer",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Pass exactly one exclusion reason."),
    };

    /// <summary>
    /// "312 excluded: 120 outside the area, 80 with no capacity, ..." from the tally <see cref="Matcher.Rank(in MatchRequest, ReadOnlySpan{CandidateFacts}, Span{Ranked}, Span{int})"/>
    /// filled, largest first (ties in flag order), zero counts left out. A member excluded for several reasons
    /// is counted under each, so the parts may add up to more than <paramref name="excluded"/>.
    /// </summary>
    public static string Summarise(int excluded, ReadOnlySpan<int> tally)
    {
        if (tally.Length < Count) throw new ArgumentException($"The tally needs {Count} counts.", nameof(tally));
        var parts = new List<(int Count, int Position)>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (tally[i] > 0) parts.Add((tally[i], i));
        }
        parts.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Position.CompareTo(b.Position));
        var head = $"{excluded} excluded";
        return parts.Count == 0
            ? head
            : $"{head}: {string.Join(", ", parts.Select(p => $"{p.Count} {Label(All[p.Position])}"))}";
    }
}
