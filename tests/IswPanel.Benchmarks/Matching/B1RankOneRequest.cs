using BenchmarkDotNet.Attributes;
using IswPanel.Domain.Matching;

namespace IswPanel.Benchmarks.Matching;

/// <summary>
/// B1: rank one request over the whole panel in memory with the domain's scoring (<see cref="Matcher.Rank(in MatchRequest, ReadOnlySpan{CandidateFacts}, Span{Ranked})"/>,
/// as the shortlist and the offer cascade call it), against <see cref="PlainRanker"/>: a plain loop over an array of
/// structs applying the same rules and keeping a top ten. Target: the domain within 10× the baseline, and no allocation
/// per candidate (the allocated column must not grow from 1,000 to 10,000 candidates; it is 0 B for both).
/// </summary>
[MemoryDiagnoser]
public class B1RankOneRequest
{
    private const int Seed = 20261201;
    private const int Best = 10;

    private MatchRequest request;
    private CandidateFacts[] facts = [];
    private PlainRanker.Query query;
    private PlainRanker.Candidate[] plain = [];
    private readonly Ranked[] ranked = new Ranked[Best];
    private readonly PlainRanker.Entry[] entries = new PlainRanker.Entry[Best];
    private readonly int[] tally = new int[ExclusionReasons.Count];

    /// <summary>How many ISWs the panel has.</summary>
    [Params(1_000, 10_000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        request = MatchingWorkload.Request();
        facts = MatchingWorkload.Candidates(Candidates, Seed);
        query = PlainRanker.From(in request);
        plain = PlainRanker.From(facts);
    }

    [Benchmark(Baseline = true, Description = "Plain loop over structs, top 10")]
    public int PlainLoop() => PlainRanker.Rank(in query, plain, entries);

    [Benchmark(Description = "Matcher.Rank, top 10")]
    public int DomainRank() => Matcher.Rank(in request, facts, ranked).Written;

    /// <summary>As the shortlist page calls it: also counting the excluded under each reason.</summary>
    [Benchmark(Description = "Matcher.Rank, top 10 and the exclusion tally")]
    public int DomainRankWithTally() => Matcher.Rank(in request, facts, ranked, tally).Written;
}
