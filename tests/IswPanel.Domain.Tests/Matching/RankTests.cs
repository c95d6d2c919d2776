using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Matching;
using IswPanel.Domain.Panel;
using static IswPanel.Domain.Tests.Matching.MatchingExamples;

namespace IswPanel.Domain.Tests.Matching;

public sealed class RankTests
{
    private static (RankCounts Counts, Ranked[] Best) Rank(IReadOnlyList<CandidateFacts> candidates, int k, MatchWeights? weights = null)
    {
        var request = Request(weights);
        var best = new Ranked[k];
        var counts = Matcher.Rank(in request, candidates.ToArray(), best);
        return (counts, best[..counts.Written]);
    }

    /// <summary>The ranking by brute force: evaluate all, keep the eligible, sort by <see cref="Ranked.RanksBefore"/>.</summary>
    private static Ranked[] Reference(IEnumerable<CandidateFacts> candidates, int k, MatchRequest request)
    {
        var eligible = candidates
            .Where(c => Matcher.Exclusions(in request, in c) == ExclusionReason.None)
            .Select(c =>
            {
                var breakdown = Matcher.Breakdown(in request, in c);
                return new Ranked(c.Index, breakdown.Score, Matcher.FreeSlots(in c), breakdown.Missing);
            })
            .ToList();
        eligible.Sort((a, b) => a.RanksBefore(in b) ? -1 : b.RanksBefore(in a) ? 1 : 0);
        return [.. eligible.Take(k)];
    }

    [Fact]
    public void The_best_come_first_and_the_excluded_are_left_out()
    {
        CandidateFacts[] candidates =
        [
            Eligible(0) with { OnTimeAssessments = 5 },
            Eligible(1) with { Status = PanelMemberStatus.Suspended, OnTimeAssessments = 10 },
            Eligible(2) with { OnTimeAssessments = 10 },
            Eligible(3) with { OnTimeAssessments = 7 },
            Eligible(4) with { ConflictedWithAuthority = true },
        ];
        var (counts, best) = Rank(candidates, 2);
        Assert.Equal(new RankCounts(Eligible: 3, Written: 2, Excluded: 2), counts);
        Assert.Equal([2, 3], best.Select(r => r.Index));
        Assert.True(best[0].Score > best[1].Score);
    }

    [Fact]
    public void Equal_scores_go_to_more_free_slots_then_to_the_lower_index()
    {
        var noLoadWeight = new MatchWeights(3, 3, 0, 1, 2, 2);   // free slots then do not move the score
        CandidateFacts[] candidates =
        [
            Eligible(7) with { ActiveAssignments = 2 },
            Eligible(3) with { ActiveAssignments = 2 },
            Eligible(5) with { ActiveAssignments = 0 },
            Eligible(1) with { ActiveAssignments = 3 },
        ];
        var (_, best) = Rank(candidates, 10, noLoadWeight);
        Assert.Single(best.Select(r => r.Score).Distinct());
        Assert.Equal([5, 3, 7, 1], best.Select(r => r.Index));
        Assert.Equal([4, 2, 2, 1], best.Select(r => r.FreeSlots));
    }

    [Fact]
    public void Asking_for_more_than_are_eligible_writes_only_the_eligible()
    {
        var (counts, best) = Rank([Eligible(0), Eligible(1) with { DeclinedOrLapsedOfferForThisRequest = true }, Eligible(2)], 10);
        Assert.Equal(new RankCounts(2, 2, 1), counts);
        Assert.Equal([0, 2], best.Select(r => r.Index));
    }

    [Fact]
    public void No_candidates_give_an_empty_ranking() => Assert.Equal(new RankCounts(0, 0, 0), Rank([], 10).Counts);

    [Fact]
    public void Room_for_none_still_counts_the_eligible() =>
        Assert.Equal(new RankCounts(2, 0, 0), Rank([Eligible(0), Eligible(1)], 0).Counts);

    [Fact]
    public void A_missing_history_does_not_outrank_a_good_one_when_all_else_is_equal()
    {
        var good = Eligible(1) with { AssessedThisCaseBefore = false, DistanceMiles = float.NaN };   // distance unknown for both
        var none = WithoutHistory(0);
        var (_, best) = Rank([none, good], 2);
        Assert.Equal([1, 0], best.Select(r => r.Index));
        Assert.True(best[0].Score > best[1].Score);
    }

    [Fact]
    public void At_the_same_score_a_known_record_ranks_before_no_record()
    {
        // Exactly average on every count versus no record at all: both score the neutral value.
        var average = WithoutHistory(1) with
        {
            CompletedAssessments = 2, OnTimeAssessments = 1, FirstPassApprovalRate = 0.5f, MeanAuthorityRating = 3f, DistanceMiles = 20,
        };
        var none = WithoutHistory(0);
        var (_, best) = Rank([none, average], 2);
        Assert.Equal(best[0].Score, best[1].Score);
        Assert.Equal([1, 0], best.Select(r => r.Index));
        Assert.Equal(ScoreComponents.None, best[0].Missing);
    }

    private static readonly Gen<CandidateFacts> SmallVariety =
        from status in Gen.Elements(PanelMemberStatus.Active, PanelMemberStatus.Active, PanelMemberStatus.Active, PanelMemberStatus.Suspended)
        from active in Gen.Choose(0, 4)
        from onTime in Gen.Choose(8, 10)
        from rate in Gen.Elements(float.NaN, 0.5f, 0.8f)
        from miles in Gen.Elements(float.NaN, 12f, 30f, 50f)
        from continuity in Gen.Elements(true, false, false)
        select Eligible() with
        {
            Status = status, ActiveAssignments = active, OnTimeAssessments = onTime, FirstPassApprovalRate = rate,
            DistanceMiles = miles, AssessedThisCaseBefore = continuity,
        };

    [Fact]
    public void The_top_k_matches_a_full_sort_of_every_eligible_candidate() =>
        Prop.ForAll(
            (from list in Gen.ListOf(SmallVariety)
             from k in Gen.Choose(0, 30)
             select (Candidates: list.Select((c, i) => c with { Index = i }).ToArray(), K: k)).ToArbitrary(),
            c =>
            {
                var request = Request();
                var best = new Ranked[c.K];
                var counts = Matcher.Rank(in request, c.Candidates, best);
                var expected = Reference(c.Candidates, c.K, request);
                var eligible = c.Candidates.Count(f => Matcher.Exclusions(in request, in f) == ExclusionReason.None);
                return counts == new RankCounts(eligible, expected.Length, c.Candidates.Length - eligible)
                       && best.AsSpan(0, counts.Written).SequenceEqual(expected);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_tally_counts_each_reason_and_a_candidate_under_every_reason_it_has()
    {
        CandidateFacts[] candidates =
        [
            Eligible(0),
            Eligible(1) with { DistanceMiles = 85 },
            Eligible(2) with { DistanceMiles = 90, ActiveAssignments = 4 },
            Eligible(3) with { Status = PanelMemberStatus.Suspended },
            Eligible(4) with { DistanceMiles = float.NaN, RegionMask = MatchBits.Region(EnglishRegion.London) },
        ];
        var request = Request();
        Span<int> tally = stackalloc int[ExclusionReasons.Count];
        tally.Fill(99);   // overwritten, not added to
        var counts = Matcher.Rank(in request, candidates, new Ranked[10], tally);

        Assert.Equal(new RankCounts(1, 1, 4), counts);
        Assert.Equal(3, tally[ExclusionReasons.IndexOf(ExclusionReason.OutsideArea)]);
        Assert.Equal(1, tally[ExclusionReasons.IndexOf(ExclusionReason.NoCapacity)]);
        Assert.Equal(1, tally[ExclusionReasons.IndexOf(ExclusionReason.NotActive)]);
        Assert.Equal(5, tally.ToArray().Sum());
        Assert.Equal("4 excluded: 3 outside the area, 1 not active, 1 with no capacity", ExclusionReasons.Summarise(counts.Excluded, tally));
    }

    [Fact]
    public void A_tally_too_short_for_every_reason_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
        {
            var request = Request();
            Matcher.Rank(in request, [Eligible()], new Ranked[1], new int[3]);
        });

    [Fact]
    public void Candidate_facts_stay_small() => Assert.True(Unsafe.SizeOf<CandidateFacts>() <= 128, $"{Unsafe.SizeOf<CandidateFacts>()} bytes");

    /// <summary>A panel of <paramref name="count"/> with the spread of a real one: most eligible, some excluded for each reason.</summary>
    private static CandidateFacts[] Panel(int count, int seed)
    {
        var random = new Random(seed);
        var panel = new CandidateFacts[count];
        for (var i = 0; i < count; i++)
        {
            var capacity = random.Next(1, 6);
            var completed = random.Next(0, 30);
            panel[i] = Eligible(i) with
            {
                Status = random.Next(20) == 0 ? PanelMemberStatus.Suspended : PanelMemberStatus.Active,
                QualifiedOn = Today.AddDays(-random.Next(365 * 4, 365 * 30)),
                AssessmentTypeMask = (ulong)random.NextInt64(),
                SkillMask = (ulong)random.NextInt64() | (random.Next(3) == 0 ? 0 : MatchBits.Bit(Pams)),
                RegionMask = (ushort)random.Next(0, 1 << 9),
                EarliestLapse = Today.AddDays(random.Next(0, 400)),
                ConflictedWithAuthority = random.Next(50) == 0,
                Capacity = capacity,
                ActiveAssignments = random.Next(0, capacity + 1),
                DistanceMiles = random.Next(5) == 0 ? float.NaN : random.Next(0, 2000) / 10f,
                TravelRadiusMiles = random.Next(10, 100),
                CompletedAssessments = completed,
                OnTimeAssessments = random.Next(0, completed + 1),
                FirstPassApprovalRate = completed == 0 ? float.NaN : random.Next(0, 101) / 100f,
                MeanQaScore = completed == 0 ? float.NaN : random.Next(10, 41) / 10f,
                MeanAuthorityRating = random.Next(3) == 0 ? float.NaN : random.Next(10, 51) / 10f,
                AssessedThisCaseBefore = random.Next(100) == 0,
            };
        }
        return panel;
    }

    [Theory]
    [InlineData(10)]
    [InlineData(10_000)]   // "every eligible ISW", into a span the caller allocated beforehand
    public void Ranking_ten_thousand_candidates_allocates_nothing(int k)
    {
        var panel = Panel(10_000, seed: 20261201);
        var request = Request();
        var best = new Ranked[k];
        var tally = new int[ExclusionReasons.Count];
        var warm = Matcher.Rank(in request, panel, best, tally);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var counts = Matcher.Rank(in request, panel, best, tally);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(warm, counts);
        Assert.InRange(counts.Eligible, 1, 9_999);
        Assert.Equal(Reference(panel, k, request), best[..counts.Written]);
    }
}
