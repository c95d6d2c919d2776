using IswPanel.Domain.Matching;
using IswPanel.Domain.Panel;

namespace IswPanel.Benchmarks.Matching;

/// <summary>
/// B1's baseline: the fastest obvious code for the same job, with nothing of the domain's design in it. One array of
/// plain structs (public fields, dates as day numbers), one loop that drops a candidate at the first rule it fails, the
/// score written out inline, and the best ten kept by insertion into a sorted array. It applies exactly the domain's
/// rules and score (a Domain test checks it picks the same ten as <see cref="Matcher"/>), so the ratio between the two
/// is the price of the domain's structure alone. Linked into IswPanel.Domain.Tests.
/// </summary>
internal static class PlainRanker
{
    /// <summary>The request's thresholds as numbers.</summary>
    public struct Query
    {
        public ulong TypeBit;
        public ulong SkillMask;
        public int QualifiedOnOrBefore;
        public int FilingDeadline;
        public int Today;
        public int WindowEnd;
        public ushort RegionBit;
        public double Quality, OnTime, Load, Distance, Continuity, Rating, WeightTotal;
    }

    /// <summary>One ISW: the same facts as <see cref="CandidateFacts"/>, as fields.</summary>
    public struct Candidate
    {
        public ulong Types;
        public ulong Skills;
        public int Index;
        public int QualifiedOn;
        public int EarliestLapse;
        public int Active;
        public int Capacity;
        public int UnavailableFrom;
        public int UnavailableTo;
        public int Radius;
        public int Completed;
        public int OnTime;
        public float Miles;
        public float FirstPassRate;
        public float QaScore;
        public float Rating;
        public ushort Regions;
        public bool IsActive;
        public bool Conflicted;
        public bool Declined;
        public bool SameCase;
    }

    /// <summary>One of the best: score, then fewer unknown components, more free slots, lower index.</summary>
    public struct Entry
    {
        public int Index;
        public float Score;
        public int Missing;
        public int Free;
    }

    public static Query From(in MatchRequest request) => new()
    {
        TypeBit = request.AssessmentTypeBit,
        SkillMask = request.RequiredSkillMask,
        QualifiedOnOrBefore = request.QualifiedOnOrBefore.DayNumber,
        FilingDeadline = request.FilingDeadline.DayNumber,
        Today = request.Today.DayNumber,
        WindowEnd = request.StartWindowEnd.DayNumber,
        RegionBit = request.AuthorityRegionBit,
        Quality = request.Weights.Quality,
        OnTime = request.Weights.OnTime,
        Load = request.Weights.Load,
        Distance = request.Weights.Distance,
        Continuity = request.Weights.Continuity,
        Rating = request.Weights.AuthorityRating,
        WeightTotal = request.WeightTotal,
    };

    public static Candidate[] From(ReadOnlySpan<CandidateFacts> facts)
    {
        var plain = new Candidate[facts.Length];
        for (var i = 0; i < facts.Length; i++)
        {
            ref readonly var f = ref facts[i];
            plain[i] = new Candidate
            {
                Types = f.AssessmentTypeMask,
                Skills = f.SkillMask,
                Index = f.Index,
                QualifiedOn = f.QualifiedOn.DayNumber,
                EarliestLapse = f.EarliestLapse.DayNumber,
                Active = f.ActiveAssignments,
                Capacity = f.Capacity,
                UnavailableFrom = f.UnavailableFrom.DayNumber,
                UnavailableTo = f.UnavailableTo.DayNumber,
                Radius = f.TravelRadiusMiles,
                Completed = f.CompletedAssessments,
                OnTime = f.OnTimeAssessments,
                Miles = f.DistanceMiles,
                FirstPassRate = f.FirstPassApprovalRate,
                QaScore = f.MeanQaScore,
                Rating = f.MeanAuthorityRating,
                Regions = f.RegionMask,
                IsActive = f.Status == PanelMemberStatus.Active,
                Conflicted = f.ConflictedWithAuthority,
                Declined = f.DeclinedOrLapsedOfferForThisRequest,
                SameCase = f.AssessedThisCaseBefore,
            };
        }

        return plain;
    }

    /// <summary>Writes the best <c>best.Length</c> eligible candidates, best first; returns how many were written.</summary>
    public static int Rank(in Query q, Candidate[] candidates, Span<Entry> best)
    {
        var written = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            ref readonly var c = ref candidates[i];
            if (!c.IsActive) continue;
            if (c.QualifiedOn > q.QualifiedOnOrBefore) continue;
            if ((c.Types & q.TypeBit) == 0) continue;
            if ((q.SkillMask & ~c.Skills) != 0) continue;
            if (c.EarliestLapse <= q.FilingDeadline) continue;
            if (c.Conflicted) continue;
            if (c.Active >= c.Capacity) continue;
            if (c.UnavailableFrom <= c.UnavailableTo && c.UnavailableFrom <= q.WindowEnd && c.UnavailableTo >= q.Today) continue;
            if (float.IsNaN(c.Miles) ? (c.Regions & q.RegionBit) == 0 : c.Miles > c.Radius) continue;
            if (c.Declined) continue;

            var missing = 0;
            float quality;
            var rateKnown = !float.IsNaN(c.FirstPassRate);
            var qaKnown = !float.IsNaN(c.QaScore);
            if (rateKnown && qaKnown) quality = (Clamp(c.FirstPassRate) + Clamp((c.QaScore - 1f) / 3f)) * 0.5f;
            else if (rateKnown) quality = Clamp(c.FirstPassRate);
            else if (qaKnown) quality = Clamp((c.QaScore - 1f) / 3f);
            else { quality = 0.5f; missing++; }

            float onTime;
            if (c.Completed > 0) onTime = Clamp((float)c.OnTime / c.Completed);
            else { onTime = 0.5f; missing++; }

            var free = c.Capacity - c.Active;
            var load = Clamp((float)free / c.Capacity);

            float distance;
            if (float.IsNaN(c.Miles)) { distance = 0.5f; missing++; }
            else if (c.Radius > 0) distance = 1f - Clamp(c.Miles / c.Radius);
            else distance = c.Miles <= 0 ? 1f : 0f;

            float rating;
            if (float.IsNaN(c.Rating)) { rating = 0.5f; missing++; }
            else rating = Clamp((c.Rating - 1f) / 4f);

            var score = q.WeightTotal > 0
                ? (float)(100 * (q.Quality * quality + q.OnTime * onTime + q.Load * load + q.Distance * distance
                                 + q.Continuity * (c.SameCase ? 1f : 0f) + q.Rating * rating) / q.WeightTotal)
                : 0f;

            // Insertion into the sorted best-so-far: find the slot from the end, shift the weaker ones down.
            var slot = written;
            while (slot > 0 && Better(score, missing, free, c.Index, in best[slot - 1])) slot--;
            if (slot >= best.Length) continue;
            var last = written < best.Length ? written : best.Length - 1;
            for (var j = last; j > slot; j--) best[j] = best[j - 1];
            best[slot] = new Entry { Index = c.Index, Score = score, Missing = missing, Free = free };
            if (written < best.Length) written++;
        }

        return written;
    }

    private static bool Better(float score, int missing, int free, int index, in Entry other)
    {
        if (score != other.Score) return score > other.Score;
        if (missing != other.Missing) return missing < other.Missing;
        if (free != other.Free) return free > other.Free;
        return index < other.Index;
    }

    private static float Clamp(float value) => value < 0f ? 0f : value > 1f ? 1f : value;
}
