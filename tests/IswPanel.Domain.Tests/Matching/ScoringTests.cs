using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Common;
using IswPanel.Domain.Matching;
using static IswPanel.Domain.Tests.Matching.MatchingExamples;

namespace IswPanel.Domain.Tests.Matching;

public sealed class ScoringTests
{
    private static float Score(CandidateFacts candidate, MatchWeights? weights = null)
    {
        var request = Request(weights);
        return Matcher.Evaluate(in request, in candidate).Score;
    }

    private static ScoreBreakdown Breakdown(CandidateFacts candidate)
    {
        var request = Request();
        return Matcher.Breakdown(in request, in candidate);
    }

    [Fact]
    public void Each_component_follows_its_definition()
    {
        var breakdown = Breakdown(Eligible());
        Assert.Equal((0.8f + (3.2f - 1) / 3) / 2, breakdown.Quality, 5);   // mean of first-pass rate and (QA − 1) / 3
        Assert.Equal(0.9f, breakdown.OnTime, 5);                          // 9 of 10 on time
        Assert.Equal(0.75f, breakdown.Load, 5);                           // 3 of 4 slots free
        Assert.Equal(0.7f, breakdown.Distance, 5);                        // 12 of 40 miles
        Assert.Equal(1f, breakdown.Continuity);
        Assert.Equal(0.875f, breakdown.AuthorityRating, 5);               // (4.5 − 1) / 4
        Assert.Equal(ScoreComponents.None, breakdown.Missing);
        // 100 × (3×0.7667 + 3×0.9 + 1×0.75 + 1×0.7 + 2×1 + 2×0.875) / 12
        Assert.Equal(85f, breakdown.Score, 3);
    }

    [Fact]
    public void Quality_uses_whichever_QA_figure_is_known()
    {
        Assert.Equal(0.6f, Breakdown(Eligible() with { FirstPassApprovalRate = 0.6f, MeanQaScore = float.NaN }).Quality, 5);
        Assert.Equal(1f, Breakdown(Eligible() with { FirstPassApprovalRate = float.NaN, MeanQaScore = 4f }).Quality, 5);
    }

    [Fact]
    public void A_perfect_candidate_scores_exactly_100_and_the_weakest_eligible_one_0()
    {
        var perfect = Eligible() with
        {
            ActiveAssignments = 0, DistanceMiles = 0, OnTimeAssessments = 10, FirstPassApprovalRate = 1, MeanQaScore = 4, MeanAuthorityRating = 5,
        };
        Assert.Equal(100f, Score(perfect));
        var weakest = Eligible() with
        {
            ActiveAssignments = 4, DistanceMiles = 40, OnTimeAssessments = 0, FirstPassApprovalRate = 0, MeanQaScore = 1, MeanAuthorityRating = 1,
            AssessedThisCaseBefore = false,
        };
        Assert.Equal(0f, Score(weakest));
    }

    [Fact]
    public void With_every_weight_zero_every_score_is_zero() =>
        Assert.Equal(0f, Score(Eligible(), new MatchWeights(0, 0, 0, 0, 0, 0)));

    [Fact]
    public void Only_the_ratio_of_the_weights_matters() =>
        Assert.Equal(Score(Eligible(), MatchWeights.Default), Score(Eligible(), new MatchWeights(6, 6, 2, 2, 4, 4)), 4);

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_weight_must_be_a_number_of_zero_or_more(float weight)
    {
        var error = Assert.Throws<DomainException>(() => new MatchWeights(1, 1, 1, weight, 1, 1));
        Assert.Equal("Each matching weight must be a number of zero or more.", error.Message);
        Assert.Equal(nameof(MatchWeights.Distance), error.Field);
    }

    [Fact]
    public void The_default_weights_favour_quality_and_timeliness() =>
        Assert.Equal(new MatchWeights(quality: 3, onTime: 3, load: 1, distance: 1, continuity: 2, authorityRating: 2), MatchWeights.Default);

    [Fact]
    public void Missing_history_scores_the_neutral_value_and_is_marked_missing()
    {
        var breakdown = Breakdown(WithoutHistory());
        Assert.Equal(Matcher.Neutral, breakdown.Quality);
        Assert.Equal(Matcher.Neutral, breakdown.OnTime);
        Assert.Equal(Matcher.Neutral, breakdown.Distance);
        Assert.Equal(Matcher.Neutral, breakdown.AuthorityRating);
        Assert.Equal(0f, breakdown.Continuity);   // a yes/no fact, never missing
        Assert.Equal(ScoreComponents.Quality | ScoreComponents.OnTime | ScoreComponents.Distance | ScoreComponents.AuthorityRating,
            breakdown.Missing);
    }

    // ---- Properties ----

    private static Gen<float> OrUnknown(Gen<float> known) => Gen.Frequency((4, known), (1, Gen.Constant(float.NaN)));

    private static readonly Gen<MatchWeights> Weights =
        from quality in Gen.Choose(0, 10)
        from onTime in Gen.Choose(0, 10)
        from load in Gen.Choose(0, 10)
        from distance in Gen.Choose(0, 10)
        from continuity in Gen.Choose(0, 10)
        from rating in Gen.Choose(0, 10)
        select new MatchWeights(quality, onTime, load, distance, continuity, rating);

    /// <summary>Eligible candidates with every history known or unknown at random.</summary>
    private static readonly Gen<CandidateFacts> Candidates =
        from completed in Gen.Choose(0, 40)
        from onTime in Gen.Choose(0, completed)
        from rate in OrUnknown(Gen.Choose(0, 100).Select(p => p / 100f))
        from qa in OrUnknown(Gen.Choose(10, 40).Select(t => t / 10f))
        from rating in OrUnknown(Gen.Choose(10, 50).Select(t => t / 10f))
        from capacity in Gen.Choose(1, 15)
        from active in Gen.Choose(0, capacity - 1)
        from radius in Gen.Choose(1, 100)
        from miles in OrUnknown(Gen.Choose(0, radius * 10).Select(t => t / 10f))
        from continuity in Gen.Elements(true, false)
        select Eligible() with
        {
            CompletedAssessments = completed, OnTimeAssessments = onTime, FirstPassApprovalRate = rate, MeanQaScore = qa,
            MeanAuthorityRating = rating, Capacity = capacity, ActiveAssignments = active, TravelRadiusMiles = radius,
            DistanceMiles = miles, AssessedThisCaseBefore = continuity,
        };

    /// <summary>The fact each pair varies; two vary the quality component.</summary>
    public enum Fact { FirstPassRate, QaScore, OnTime, Load, Distance, Continuity, AuthorityRating }

    private static ScoreComponents ComponentOf(Fact fact) => fact switch
    {
        Fact.FirstPassRate or Fact.QaScore => ScoreComponents.Quality,
        Fact.OnTime => ScoreComponents.OnTime,
        Fact.Load => ScoreComponents.Load,
        Fact.Distance => ScoreComponents.Distance,
        Fact.Continuity => ScoreComponents.Continuity,
        _ => ScoreComponents.AuthorityRating,
    };

    private static float WeightOf(MatchWeights w, ScoreComponents component) => component switch
    {
        ScoreComponents.Quality => w.Quality,
        ScoreComponents.OnTime => w.OnTime,
        ScoreComponents.Load => w.Load,
        ScoreComponents.Distance => w.Distance,
        ScoreComponents.Continuity => w.Continuity,
        _ => w.AuthorityRating,
    };

    private static MatchWeights Raise(MatchWeights w, ScoreComponents component, float by) => new(
        w.Quality + (component == ScoreComponents.Quality ? by : 0),
        w.OnTime + (component == ScoreComponents.OnTime ? by : 0),
        w.Load + (component == ScoreComponents.Load ? by : 0),
        w.Distance + (component == ScoreComponents.Distance ? by : 0),
        w.Continuity + (component == ScoreComponents.Continuity ? by : 0),
        w.AuthorityRating + (component == ScoreComponents.AuthorityRating ? by : 0));

    /// <summary>Two candidates identical but for one fact, in which the first is strictly better.</summary>
    private static Gen<(CandidateFacts Better, CandidateFacts Worse)> Pair(Fact fact) => fact switch
    {
        Fact.FirstPassRate =>
            from c in Candidates
            from low in Gen.Choose(0, 99)
            from high in Gen.Choose(low + 1, 100)
            select (c with { FirstPassApprovalRate = high / 100f }, c with { FirstPassApprovalRate = low / 100f }),
        Fact.QaScore =>
            from c in Candidates
            from low in Gen.Choose(10, 39)
            from high in Gen.Choose(low + 1, 40)
            select (c with { MeanQaScore = high / 10f }, c with { MeanQaScore = low / 10f }),
        Fact.OnTime =>
            from c in Candidates
            from completed in Gen.Choose(1, 40)
            from low in Gen.Choose(0, completed - 1)
            from high in Gen.Choose(low + 1, completed)
            select (c with { CompletedAssessments = completed, OnTimeAssessments = high },
                    c with { CompletedAssessments = completed, OnTimeAssessments = low }),
        Fact.Load =>
            from c in Candidates
            from capacity in Gen.Choose(2, 15)
            from fewer in Gen.Choose(0, capacity - 2)
            from more in Gen.Choose(fewer + 1, capacity - 1)
            select (c with { Capacity = capacity, ActiveAssignments = fewer }, c with { Capacity = capacity, ActiveAssignments = more }),
        Fact.Distance =>
            from c in Candidates
            from radius in Gen.Choose(1, 100)
            from nearer in Gen.Choose(0, radius * 10 - 1)
            from farther in Gen.Choose(nearer + 1, radius * 10)
            select (c with { TravelRadiusMiles = radius, DistanceMiles = nearer / 10f },
                    c with { TravelRadiusMiles = radius, DistanceMiles = farther / 10f }),
        Fact.Continuity =>
            from c in Candidates
            select (c with { AssessedThisCaseBefore = true }, c with { AssessedThisCaseBefore = false }),
        _ =>
            from c in Candidates
            from low in Gen.Choose(10, 49)
            from high in Gen.Choose(low + 1, 50)
            select (c with { MeanAuthorityRating = high / 10f }, c with { MeanAuthorityRating = low / 10f }),
    };

    private static readonly Arbitrary<(Fact Fact, CandidateFacts Better, CandidateFacts Worse, MatchWeights Weights, int Raise)> Cases =
        (from fact in Gen.Elements(Enum.GetValues<Fact>())
         from pair in Pair(fact)
         from weights in Weights
         from raise in Gen.Choose(1, 10)
         select (fact, pair.Better, pair.Worse, weights, raise)).ToArbitrary();

    [Fact]
    public void Improving_one_fact_never_lowers_the_score_and_raises_it_whenever_its_weight_is_positive() =>
        Prop.ForAll(Cases, c =>
        {
            var better = Score(c.Better, c.Weights);
            var worse = Score(c.Worse, c.Weights);
            var weight = WeightOf(c.Weights, ComponentOf(c.Fact));
            return weight > 0 ? better > worse : better == worse;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Raising_the_weight_of_the_better_component_never_narrows_the_lead() =>
        Prop.ForAll(Cases, c =>
        {
            var raised = Raise(c.Weights, ComponentOf(c.Fact), c.Raise);
            var lead = Score(c.Better, c.Weights) - Score(c.Worse, c.Weights);
            var raisedLead = Score(c.Better, raised) - Score(c.Worse, raised);
            return raisedLead >= lead - 1e-4f;   // float rounding of two scores near 100 is below 1e-4
        }).QuickCheckThrowOnFailure();

    private static readonly Gen<float> AnyFloat = Gen.Elements(
        float.NaN, float.NegativeInfinity, float.PositiveInfinity, -3f, 0f, 0.3f, 1f, 2.5f, 4f, 7f, 45f, 1e9f, float.Epsilon);

    private static readonly Gen<int> AnyInt = Gen.Elements(int.MinValue, -5, 0, 1, 3, 4, 10, 100, int.MaxValue);

    [Fact]
    public void Scores_stay_between_0_and_100_whatever_the_facts() =>
        Prop.ForAll(
            (from rate in AnyFloat
             from qa in AnyFloat
             from rating in AnyFloat
             from miles in AnyFloat
             from radius in AnyInt
             from capacity in AnyInt
             from active in AnyInt
             from completed in AnyInt
             from onTime in AnyInt
             from weights in Weights
             select (weights, Eligible() with
             {
                 FirstPassApprovalRate = rate, MeanQaScore = qa, MeanAuthorityRating = rating, DistanceMiles = miles,
                 TravelRadiusMiles = radius, Capacity = capacity, ActiveAssignments = active,
                 CompletedAssessments = completed, OnTimeAssessments = onTime,
             })).ToArbitrary(),
            c =>
            {
                var score = Score(c.Item2, c.weights);
                return score is >= 0f and <= 100f;
            }).QuickCheckThrowOnFailure();
}
