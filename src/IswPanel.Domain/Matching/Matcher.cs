using System.Numerics;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Matching;

/// <summary>
/// Explainable matching of ISWs to one assessment request: who is excluded and why, and how the eligible rank.
/// <see cref="Evaluate"/>, <see cref="Exclusions"/>, <see cref="Breakdown"/> and the <c>Rank</c> overloads are
/// pure and allocate nothing, so ranking a panel of 10,000 costs one pass over an array of
/// <see cref="CandidateFacts"/>. <see cref="Reasons"/> and <see cref="WhyNot"/> build text for the few candidates a
/// page shows, and do allocate.
/// </summary>
public static partial class Matcher
{
    /// <summary>The value a component with no history scores: neither rewarded nor punished.</summary>
    public const float Neutral = 0.5f;

    /// <summary>Every exclusion reason of one candidate, and the score it would have (see <see cref="Breakdown"/>).</summary>
    public static (ExclusionReason Reasons, float Score) Evaluate(in MatchRequest request, in CandidateFacts candidate) =>
        (Exclusions(in request, in candidate), Breakdown(in request, in candidate).Score);

    /// <summary>
    /// Every reason the candidate cannot be matched (<see cref="ExclusionReason.None"/> when eligible):
    /// <list type="bullet">
    /// <item><see cref="ExclusionReason.NotActive"/>: status is not Active.</item>
    /// <item><see cref="ExclusionReason.PqeBelowMinimum"/>: <see cref="PostQualifyingExperience.WholeYears"/> on the request's
    /// today is below its minimum (checked as a qualification date after <see cref="MatchRequest.QualifiedOnOrBefore"/>);
    /// a qualification date after today counts as below any minimum.</item>
    /// <item><see cref="ExclusionReason.LacksAssessmentType"/>: the type's bit is not in the ISW's mask.</item>
    /// <item><see cref="ExclusionReason.LacksRequiredSkill"/>: any required skill bit is missing.</item>
    /// <item><see cref="ExclusionReason.DocumentLapsesBeforeDeadline"/>: <see cref="CandidateFacts.EarliestLapse"/> is on or
    /// before the filing deadline (the ISW would be working on lapsed evidence by the deadline day).</item>
    /// <item><see cref="ExclusionReason.NonSolicitationConflict"/>: <see cref="CandidateFacts.ConflictedWithAuthority"/>.</item>
    /// <item><see cref="ExclusionReason.NoCapacity"/>: active assignments ≥ capacity.</item>
    /// <item><see cref="ExclusionReason.Unavailable"/>: the unavailable period overlaps [today, <see cref="MatchRequest.StartWindowEnd"/>].</item>
    /// <item><see cref="ExclusionReason.OutsideArea"/>: when the distance is known, it is beyond the travel radius (a known
    /// distance within the radius always qualifies, even outside the ISW's listed regions; a listed region does not
    /// rescue a known distance beyond the radius); when the distance is unknown, the ISW does not cover the
    /// authority's region.</item>
    /// <item><see cref="ExclusionReason.DeclinedOrLapsedOffer"/>: the ISW declined or let lapse an offer of this request.</item>
    /// </list>
    /// </summary>
    public static ExclusionReason Exclusions(in MatchRequest request, in CandidateFacts candidate)
    {
        var reasons = ExclusionReason.None;
        if (candidate.Status != PanelMemberStatus.Active) reasons |= ExclusionReason.NotActive;
        if (candidate.QualifiedOn > request.QualifiedOnOrBefore) reasons |= ExclusionReason.PqeBelowMinimum;
        if ((candidate.AssessmentTypeMask & request.AssessmentTypeBit) == 0) reasons |= ExclusionReason.LacksAssessmentType;
        if ((request.RequiredSkillMask & ~candidate.SkillMask) != 0) reasons |= ExclusionReason.LacksRequiredSkill;
        if (candidate.EarliestLapse <= request.FilingDeadline) reasons |= ExclusionReason.DocumentLapsesBeforeDeadline;
        if (candidate.ConflictedWithAuthority) reasons |= ExclusionReason.NonSolicitationConflict;
        if (candidate.ActiveAssignments >= candidate.Capacity) reasons |= ExclusionReason.NoCapacity;
        if (IsUnavailable(in request, in candidate)) reasons |= ExclusionReason.Unavailable;
        if (IsOutsideArea(in request, in candidate)) reasons |= ExclusionReason.OutsideArea;
        if (candidate.DeclinedOrLapsedOfferForThisRequest) reasons |= ExclusionReason.DeclinedOrLapsedOffer;
        return reasons;
    }

    /// <summary>The score and its components (see <see cref="ScoreBreakdown"/> for the definitions), whatever the exclusions.</summary>
    public static ScoreBreakdown Breakdown(in MatchRequest request, in CandidateFacts candidate)
    {
        var missing = ScoreComponents.None;

        var rate = candidate.FirstPassApprovalRate;
        var qa = candidate.MeanQaScore;
        float quality;
        if (!float.IsNaN(rate) && !float.IsNaN(qa)) quality = (Clamp01(rate) + QaShare(qa)) * 0.5f;
        else if (!float.IsNaN(rate)) quality = Clamp01(rate);
        else if (!float.IsNaN(qa)) quality = QaShare(qa);
        else
        {
            quality = Neutral;
            missing |= ScoreComponents.Quality;
        }

        float onTime;
        if (candidate.CompletedAssessments > 0) onTime = Clamp01((float)candidate.OnTimeAssessments / candidate.CompletedAssessments);
        else
        {
            onTime = Neutral;
            missing |= ScoreComponents.OnTime;
        }

        var load = candidate.Capacity > 0 ? Clamp01((float)FreeSlots(in candidate) / candidate.Capacity) : 0f;

        var miles = candidate.DistanceMiles;
        float distance;
        if (float.IsNaN(miles))
        {
            distance = Neutral;
            missing |= ScoreComponents.Distance;
        }
        else if (candidate.TravelRadiusMiles > 0) distance = 1f - Clamp01(miles / candidate.TravelRadiusMiles);
        else distance = miles <= 0 ? 1f : 0f;

        var continuity = candidate.AssessedThisCaseBefore ? 1f : 0f;

        var rating = candidate.MeanAuthorityRating;
        float authorityRating;
        if (float.IsNaN(rating))
        {
            authorityRating = Neutral;
            missing |= ScoreComponents.AuthorityRating;
        }
        else authorityRating = Clamp01((rating - 1f) / 4f);

        var w = request.Weights;
        var total = request.WeightTotal;
        // Each float × float product is exact in double, and the sum runs in the order of MatchWeights.Total,
        // so all components at 1 give exactly 100 and no score exceeds it.
        var score = total > 0
            ? (float)(100 * ((double)w.Quality * quality + (double)w.OnTime * onTime + (double)w.Load * load
                             + (double)w.Distance * distance + (double)w.Continuity * continuity
                             + (double)w.AuthorityRating * authorityRating) / total)
            : 0f;
        return new ScoreBreakdown(quality, onTime, load, distance, continuity, authorityRating, missing, score);
    }

    /// <summary>
    /// Writes the best <c>best.Length</c> eligible candidates into <paramref name="best"/>, best first (order: see
    /// <see cref="Ranked"/>), and counts the eligible. Allocates nothing; O(n log k).
    /// </summary>
    public static RankCounts Rank(in MatchRequest request, ReadOnlySpan<CandidateFacts> candidates, Span<Ranked> best) =>
        Rank(in request, candidates, best, []);

    /// <summary>
    /// As <see cref="Rank(in MatchRequest, ReadOnlySpan{CandidateFacts}, Span{Ranked})"/>, and, when
    /// <paramref name="tally"/> is not empty, overwrites its first <see cref="ExclusionReasons.Count"/> entries with how
    /// many candidates each reason excluded (position <see cref="ExclusionReasons.IndexOf"/>). A candidate excluded for
    /// several reasons counts under each. Pass an empty span to skip the tally.
    /// </summary>
    public static RankCounts Rank(in MatchRequest request, ReadOnlySpan<CandidateFacts> candidates, Span<Ranked> best, Span<int> tally)
    {
        var counting = !tally.IsEmpty;
        if (counting)
        {
            if (tally.Length < ExclusionReasons.Count)
                throw new ArgumentException($"The tally needs room for {ExclusionReasons.Count} counts.", nameof(tally));
            tally[..ExclusionReasons.Count].Clear();
        }

        var capacity = best.Length;
        int eligible = 0, written = 0;
        foreach (ref readonly var candidate in candidates)
        {
            var reasons = Exclusions(in request, in candidate);
            if (reasons != ExclusionReason.None)
            {
                if (counting) Tally(reasons, tally);
                continue;
            }

            eligible++;
            if (capacity == 0) continue;
            var breakdown = Breakdown(in request, in candidate);
            var entry = new Ranked(candidate.Index, breakdown.Score, FreeSlots(in candidate), breakdown.Missing);
            if (written < capacity)
            {
                best[written] = entry;
                SiftUp(best, written);
                written++;
            }
            else if (entry.RanksBefore(in best[0]))
            {
                best[0] = entry;
                SiftDown(best, 0, capacity);
            }
        }

        // best[..written] is a heap with the weakest entry at the root; sorting it in place puts the strongest first.
        for (var end = written - 1; end > 0; end--)
        {
            (best[0], best[end]) = (best[end], best[0]);
            SiftDown(best, 0, end);
        }
        return new RankCounts(eligible, written, candidates.Length - eligible);
    }

    /// <summary>Free slots: capacity less active assignments, never below 0.</summary>
    public static int FreeSlots(in CandidateFacts candidate) =>
        candidate.ActiveAssignments >= candidate.Capacity
            ? 0
            : (int)Math.Min((long)candidate.Capacity - candidate.ActiveAssignments, int.MaxValue);

    /// <summary>Whole years of PQE on <paramref name="today"/>; −1 for a qualification date after today (below any minimum).</summary>
    internal static int PqeYears(DateOnly qualifiedOn, DateOnly today) =>
        qualifiedOn > today ? -1 : PostQualifyingExperience.WholeYears(qualifiedOn, today);

    internal static bool IsUnavailable(in MatchRequest request, in CandidateFacts candidate) =>
        candidate.UnavailableFrom <= candidate.UnavailableTo
        && candidate.UnavailableFrom <= request.StartWindowEnd
        && candidate.UnavailableTo >= request.Today;

    internal static bool IsOutsideArea(in MatchRequest request, in CandidateFacts candidate) =>
        float.IsNaN(candidate.DistanceMiles)
            ? (candidate.RegionMask & request.AuthorityRegionBit) == 0
            : candidate.DistanceMiles > candidate.TravelRadiusMiles;

    private static float QaShare(float meanScore) => Clamp01((meanScore - 1f) / 3f);

    private static float Clamp01(float value) => value < 0f ? 0f : value > 1f ? 1f : value;

    private static void Tally(ExclusionReason reasons, Span<int> tally)
    {
        var bits = (uint)reasons;
        while (bits != 0)
        {
            tally[BitOperations.TrailingZeroCount(bits)]++;
            bits &= bits - 1;
        }
    }

    // A heap whose root is the weakest entry: a parent never ranks before its children.
    private static void SiftUp(Span<Ranked> heap, int child)
    {
        while (child > 0)
        {
            var parent = (child - 1) / 2;
            if (!heap[parent].RanksBefore(in heap[child])) return;
            (heap[parent], heap[child]) = (heap[child], heap[parent]);
            child = parent;
        }
    }

    private static void SiftDown(Span<Ranked> heap, int parent, int count)
    {
        while (true)
        {
            var left = 2 * parent + 1;
            if (left >= count) return;
            var weakest = left;
            var right = left + 1;
            if (right < count && heap[weakest].RanksBefore(in heap[right])) weakest = right;
            if (!heap[parent].RanksBefore(in heap[weakest])) return;
            (heap[parent], heap[weakest]) = (heap[weakest], heap[parent]);
            parent = weakest;
        }
    }
}
