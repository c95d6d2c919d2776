using IswPanel.Benchmarks.Matching;
using IswPanel.Domain.Matching;

namespace IswPanel.Domain.Tests.Matching;

/// <summary>
/// Benchmark B1 compares <see cref="Matcher.Rank(in MatchRequest, ReadOnlySpan{CandidateFacts}, Span{Ranked})"/> with a
/// plain loop (<see cref="PlainRanker"/>). The comparison is only honest if the loop does the same job: these tests
/// (not timed) check that it picks the same ten, in the same order, on the benchmark's own seeded panels, and that
/// those panels exclude someone for every reason, so neither side can skip a rule.
/// </summary>
public sealed class BenchmarkBaselineTests
{
    [Theory]
    [InlineData(1_000, 20261201)]
    [InlineData(10_000, 20261201)]
    [InlineData(10_000, 7)]
    [InlineData(300, 42)]
    public void The_plain_baseline_and_the_matcher_pick_the_same_ten_in_the_same_order(int count, int seed)
    {
        var request = MatchingWorkload.Request();
        var facts = MatchingWorkload.Candidates(count, seed);

        var ranked = new Ranked[10];
        var counts = Matcher.Rank(in request, facts, ranked);
        var entries = new PlainRanker.Entry[10];
        var written = PlainRanker.Rank(PlainRanker.From(in request), PlainRanker.From(facts), entries);

        Assert.Equal(10, counts.Written);
        Assert.Equal(counts.Written, written);
        Assert.Equal(ranked.Select(r => r.Index), entries.Select(e => e.Index));
        Assert.Equal(ranked.Select(r => r.Score), entries.Select(e => e.Score));
    }

    [Fact]
    public void The_baseline_keeps_the_same_best_when_fewer_than_ten_are_eligible()
    {
        var request = MatchingWorkload.Request();
        var facts = MatchingWorkload.Candidates(25, 3);

        var ranked = new Ranked[10];
        var counts = Matcher.Rank(in request, facts, ranked);
        var entries = new PlainRanker.Entry[10];
        var written = PlainRanker.Rank(PlainRanker.From(in request), PlainRanker.From(facts), entries);

        Assert.InRange(counts.Written, 1, 9);
        Assert.Equal(ranked[..counts.Written].Select(r => r.Index), entries[..written].Select(e => e.Index));
    }

    [Fact]
    public void The_benchmark_panel_excludes_someone_for_every_reason_and_leaves_most_eligible_for_scoring()
    {
        var request = MatchingWorkload.Request();
        var facts = MatchingWorkload.Candidates(10_000, 20261201);
        var tally = new int[ExclusionReasons.Count];

        var counts = Matcher.Rank(in request, facts, new Ranked[10], tally);

        Assert.All(ExclusionReasons.All, reason => Assert.True(tally[ExclusionReasons.IndexOf(reason)] >= 50,
            $"Only {tally[ExclusionReasons.IndexOf(reason)]} excluded as {ExclusionReasons.Label(reason)}."));
        // Realistic, and enough scored candidates that the top ten is contested: between a fifth and a half eligible.
        Assert.InRange(counts.Eligible, 2_000, 5_000);
    }

    [Fact]
    public void The_same_seed_gives_the_same_panel() =>
        Assert.Equal(MatchingWorkload.Candidates(500, 11), MatchingWorkload.Candidates(500, 11));
}
