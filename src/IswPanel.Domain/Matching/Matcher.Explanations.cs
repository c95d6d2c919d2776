using System.Globalization;
using System.Numerics;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Matching;

public static partial class Matcher
{
    /// <summary>
    /// Why the candidate fits, in plain words, for a shortlist row. In order: PQE ("12 years' PQE"); each required
    /// skill held ("PAMS-trained"); load ("3 of 4 slots free"); area ("covers North West", "12 miles from home;
    /// travels up to 40", or "distance from home not known"); on-time ("on time in 9 of 10 past assessments" or
    /// "no completed assessments yet"); quality ("first-pass QA approval 80%", "mean QA score 3.2 of 4", or
    /// "no QA history yet"); authority rating ("rated 4.5 of 5 by this authority" or "no ratings from this
    /// authority yet"); continuity ("assessed this family before (continuity)"). Every component that scored
    /// the neutral value for want of history has its "not known"/"no ... yet" line.
    /// </summary>
    public static IReadOnlyList<string> Reasons(in MatchRequest request, in CandidateFacts candidate, MatchLabels labels)
    {
        var reasons = new List<string>(10);
        var pqe = PqeYears(candidate.QualifiedOn, request.Today);
        if (pqe >= 0) reasons.Add($"{YearsOf(pqe)} PQE");

        foreach (var position in Positions(request.RequiredSkillMask & candidate.SkillMask))
            reasons.Add(labels.SkillName(position));

        reasons.Add($"{FreeSlots(in candidate)} of {candidate.Capacity} {(candidate.Capacity == 1 ? "slot" : "slots")} free");

        if ((candidate.RegionMask & request.AuthorityRegionBit) != 0) reasons.Add($"covers {request.AuthorityRegion.DisplayName()}");
        reasons.Add(float.IsNaN(candidate.DistanceMiles)
            ? "distance from home not known"
            : $"{Miles(candidate.DistanceMiles, roundUp: false)} from home; travels up to {candidate.TravelRadiusMiles}");

        reasons.Add(candidate.CompletedAssessments > 0
            ? $"on time in {candidate.OnTimeAssessments} of {candidate.CompletedAssessments} past {(candidate.CompletedAssessments == 1 ? "assessment" : "assessments")}"
            : "no completed assessments yet");

        var rate = candidate.FirstPassApprovalRate;
        var qa = candidate.MeanQaScore;
        if (!float.IsNaN(rate)) reasons.Add($"first-pass QA approval {Math.Round(Clamp01(rate) * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)}%");
        if (!float.IsNaN(qa)) reasons.Add($"mean QA score {qa.ToString("0.#", CultureInfo.InvariantCulture)} of 4");
        if (float.IsNaN(rate) && float.IsNaN(qa)) reasons.Add("no QA history yet");

        reasons.Add(float.IsNaN(candidate.MeanAuthorityRating)
            ? "no ratings from this authority yet"
            : $"rated {candidate.MeanAuthorityRating.ToString("0.#", CultureInfo.InvariantCulture)} of 5 by this authority");

        if (candidate.AssessedThisCaseBefore) reasons.Add("assessed this family before (continuity)");
        return reasons;
    }

    /// <summary>
    /// One sentence for each flag in <paramref name="reasons"/>, in flag order:
    /// "Not active (suspended)"; "7 years' PQE; Specialist risk needs 8"; "Does not offer Parenting assessment";
    /// "Lacks required skill: PAMS-trained"; "Enhanced DBS check lapses on 3 February 2027, before the filing deadline
    /// of 15 February 2027"; "Non-solicitation: conflicted with this authority"; "No capacity: 4 of 4 assessments in
    /// hand"; "Unavailable 4 January 2027 to 15 January 2027; the first visit is due by 8 January 2027"; "Outside
    /// the area: does not cover South East and distance unknown" or "Outside the area: is 85 miles away; travels
    /// up to 40"; "Declined or let lapse an offer for this request".
    /// </summary>
    public static IReadOnlyList<string> WhyNot(ExclusionReason reasons, in MatchRequest request, in CandidateFacts candidate, MatchLabels labels)
    {
        var sentences = new List<string>(BitOperations.PopCount((uint)reasons));
        foreach (var reason in ExclusionReasons.All)
        {
            if ((reasons & reason) != 0) sentences.Add(Sentence(reason, in request, in candidate, labels));
        }
        return sentences;
    }

    private static string Sentence(ExclusionReason reason, in MatchRequest request, in CandidateFacts candidate, MatchLabels labels) => reason switch
    {
        ExclusionReason.NotActive => $"Not active ({candidate.Status.DisplayName().ToLowerInvariant()})",
        ExclusionReason.PqeBelowMinimum => PqeSentence(in request, in candidate, labels),
        ExclusionReason.LacksAssessmentType => $"Does not offer {labels.AssessmentTypeName}",
        ExclusionReason.LacksRequiredSkill => SkillSentence(in request, in candidate, labels),
        ExclusionReason.DocumentLapsesBeforeDeadline => LapseSentence(in request, in candidate),
        ExclusionReason.NonSolicitationConflict => "Non-solicitation: conflicted with this authority",
        ExclusionReason.NoCapacity => $"No capacity: {candidate.ActiveAssignments} of {candidate.Capacity} assessments in hand",
        ExclusionReason.Unavailable => UnavailableSentence(in request, in candidate),
        ExclusionReason.OutsideArea => AreaSentence(in request, in candidate),
        ExclusionReason.DeclinedOrLapsedOffer => "Declined or let lapse an offer for this request",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a single exclusion reason."),
    };

    private static string PqeSentence(in MatchRequest request, in CandidateFacts candidate, MatchLabels labels)
    {
        var pqe = PqeYears(candidate.QualifiedOn, request.Today);
        return pqe < 0
            ? $"Qualification date {DisplayDates.Show(candidate.QualifiedOn)} is in the future; {labels.AssessmentTypeName} needs {request.MinPqeYears} years' PQE"
            : $"{YearsOf(pqe)} PQE; {labels.AssessmentTypeName} needs {request.MinPqeYears}";
    }

    private static string SkillSentence(in MatchRequest request, in CandidateFacts candidate, MatchLabels labels)
    {
        var missing = new List<string>();
        foreach (var position in Positions(request.RequiredSkillMask & ~candidate.SkillMask)) missing.Add(labels.SkillName(position));
        return missing.Count == 1
            ? $"Lacks required skill: {missing[0]}"
            : $"Lacks required skills: {string.Join(", ", missing[..^1])} and {missing[^1]}";
    }

    private static string LapseSentence(in MatchRequest request, in CandidateFacts candidate)
    {
        var document = candidate.LapsingDocument.DisplayName();
        var deadline = DisplayDates.Show(request.FilingDeadline);
        if (candidate.EarliestLapse <= request.Today) return $"{document} is not current, so cannot cover the filing deadline of {deadline}";
        var lapse = DisplayDates.Show(candidate.EarliestLapse);
        return candidate.EarliestLapse == request.FilingDeadline
            ? $"{document} lapses on {lapse}, the day of the filing deadline"
            : $"{document} lapses on {lapse}, before the filing deadline of {deadline}";
    }

    private static string UnavailableSentence(in MatchRequest request, in CandidateFacts candidate)
    {
        var period = candidate.UnavailableFrom == candidate.UnavailableTo
            ? $"Unavailable on {DisplayDates.Show(candidate.UnavailableFrom)}"
            : $"Unavailable {DisplayDates.Show(candidate.UnavailableFrom)} to {DisplayDates.Show(candidate.UnavailableTo)}";
        return $"{period}; the first visit is due by {DisplayDates.Show(request.StartWindowEnd)}";
    }

    private static string AreaSentence(in MatchRequest request, in CandidateFacts candidate)
    {
        var region = request.AuthorityRegion.DisplayName();
        if (float.IsNaN(candidate.DistanceMiles)) return $"Outside the area: does not cover {region} and distance unknown";
        var away = $"is {Miles(candidate.DistanceMiles, roundUp: true)} away; travels up to {candidate.TravelRadiusMiles}";
        return (candidate.RegionMask & request.AuthorityRegionBit) != 0
            ? $"Outside the area: {away}"
            : $"Outside the area: does not cover {region}, and {away}";
    }

    /// <summary>"12 miles", "1 mile", "40.1 miles": to a tenth of a mile, rounded up when showing a distance that is too far
    /// (so 40.04 against a radius of 40 never reads as "40 miles away").</summary>
    private static string Miles(float miles, bool roundUp)
    {
        var tenths = roundUp ? Math.Ceiling(miles * 10.0) : Math.Round(miles * 10.0, MidpointRounding.AwayFromZero);
        var shown = tenths / 10.0;
        return $"{shown.ToString("0.#", CultureInfo.InvariantCulture)} {(shown == 1.0 ? "mile" : "miles")}";
    }

    private static string YearsOf(int years) => years == 1 ? "1 year's" : $"{years} years'";

    private static IEnumerable<int> Positions(ulong mask)
    {
        while (mask != 0)
        {
            yield return BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
        }
    }
}
