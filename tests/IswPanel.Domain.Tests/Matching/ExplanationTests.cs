using IswPanel.Domain.Matching;
using static IswPanel.Domain.Tests.Matching.MatchingExamples;

namespace IswPanel.Domain.Tests.Matching;

public sealed class ExplanationTests
{
    private static IReadOnlyList<string> Reasons(CandidateFacts candidate, MatchRequest? request = null)
    {
        var r = request ?? Request();
        return Matcher.Reasons(in r, in candidate, Labels);
    }

    [Fact]
    public void An_eligible_ISW_is_explained_in_plain_words() =>
        Assert.Equal(
            [
                "14 years' PQE",
                "PAMS-trained",
                "3 of 4 slots free",
                "covers North West",
                "12 miles from home; travels up to 40",
                "on time in 9 of 10 past assessments",
                "first-pass QA approval 80%",
                "mean QA score 3.2 of 4",
                "rated 4.5 of 5 by this authority",
                "assessed this family before (continuity)",
            ],
            Reasons(Eligible()));

    [Fact]
    public void Missing_history_is_said_rather_than_guessed() =>
        Assert.Equal(
            [
                "14 years' PQE",
                "PAMS-trained",
                "3 of 4 slots free",
                "covers North West",
                "distance from home not known",
                "no completed assessments yet",
                "no QA history yet",
                "no ratings from this authority yet",
            ],
            Reasons(WithoutHistory()));

    [Fact]
    public void Singulars_read_as_singulars()
    {
        var reasons = Reasons(Eligible() with
        {
            QualifiedOn = Today.AddYears(-1), Capacity = 1, ActiveAssignments = 0, DistanceMiles = 1, RegionMask = 0,
            CompletedAssessments = 1, OnTimeAssessments = 1, MeanAuthorityRating = 4f,
        }, Request(minPqeYears: 0));
        Assert.Contains("1 year's PQE", reasons);
        Assert.Contains("1 of 1 slot free", reasons);
        Assert.Contains("1 mile from home; travels up to 40", reasons);
        Assert.Contains("on time in 1 of 1 past assessment", reasons);
        Assert.Contains("rated 4 of 5 by this authority", reasons);
        Assert.DoesNotContain("covers North West", reasons);
    }

    [Fact]
    public void Every_required_skill_held_is_named_and_unnamed_bits_still_read()
    {
        var request = Request(requiredSkills: MatchBits.Mask([Pams, CourtExpertWitness, 9]));
        var candidate = Eligible() with { SkillMask = MatchBits.Mask([Pams, CourtExpertWitness, 9]) };
        var reasons = Matcher.Reasons(in request, in candidate, Labels);
        Assert.Equal(["PAMS-trained", "Court expert witness", "skill 9"], reasons.Skip(1).Take(3));
    }

    [Fact]
    public void Exclusion_counts_read_as_a_sentence()
    {
        Span<int> tally = stackalloc int[ExclusionReasons.Count];
        Assert.Equal("0 excluded", ExclusionReasons.Summarise(0, tally));
        tally[ExclusionReasons.IndexOf(ExclusionReason.NoCapacity)] = 80;
        tally[ExclusionReasons.IndexOf(ExclusionReason.OutsideArea)] = 120;
        tally[ExclusionReasons.IndexOf(ExclusionReason.DocumentLapsesBeforeDeadline)] = 80;
        Assert.Equal(
            "250 excluded: 120 outside the area, 80 with a document lapsing by the filing deadline, 80 with no capacity",
            ExclusionReasons.Summarise(250, tally));
    }

    [Fact]
    public void Each_reason_has_its_own_tally_position_and_label()
    {
        Assert.Equal(Enumerable.Range(0, ExclusionReasons.Count), ExclusionReasons.All.Select(ExclusionReasons.IndexOf));
        Assert.Equal(ExclusionReasons.Count, ExclusionReasons.All.Select(ExclusionReasons.Label).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => ExclusionReasons.IndexOf(ExclusionReason.NotActive | ExclusionReason.NoCapacity));
    }
}
