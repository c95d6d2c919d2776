using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Matching;
using IswPanel.Domain.Panel;
using static IswPanel.Domain.Tests.Matching.MatchingExamples;

namespace IswPanel.Domain.Tests.Matching;

public sealed class ExclusionTests
{
    private static void AssertExcludedOnlyFor(CandidateFacts candidate, ExclusionReason reason, string sentence,
        MatchRequest? request = null, MatchLabels? labels = null)
    {
        var r = request ?? Request();
        var (reasons, _) = Matcher.Evaluate(in r, in candidate);
        Assert.Equal(reason, reasons);
        Assert.Equal([sentence], Matcher.WhyNot(reasons, in r, in candidate, labels ?? Labels));
    }

    private static ExclusionReason Exclusions(CandidateFacts candidate, MatchRequest? request = null)
    {
        var r = request ?? Request();
        return Matcher.Exclusions(in r, in candidate);
    }

    [Fact]
    public void The_example_ISW_is_eligible_and_has_nothing_to_explain()
    {
        var request = Request();
        var candidate = Eligible();
        Assert.Equal(ExclusionReason.None, Matcher.Evaluate(in request, in candidate).Reasons);
        Assert.Empty(Matcher.WhyNot(ExclusionReason.None, in request, in candidate, Labels));
    }

    [Fact]
    public void A_suspended_member_is_not_active() =>
        AssertExcludedOnlyFor(Eligible() with { Status = PanelMemberStatus.Suspended }, ExclusionReason.NotActive, "Not active (suspended)");

    [Theory]
    [InlineData(PanelMemberStatus.Applicant, "Not active (applicant)")]
    [InlineData(PanelMemberStatus.UnderReview, "Not active (under review)")]
    [InlineData(PanelMemberStatus.Removed, "Not active (removed)")]
    [InlineData(PanelMemberStatus.Rejected, "Not active (rejected)")]
    public void Every_status_but_active_is_not_active(PanelMemberStatus status, string sentence) =>
        AssertExcludedOnlyFor(Eligible() with { Status = status }, ExclusionReason.NotActive, sentence);

    [Fact]
    public void Seven_years_PQE_is_below_a_type_that_needs_eight() =>
        AssertExcludedOnlyFor(Eligible() with { QualifiedOn = new DateOnly(2019, 6, 1), AssessmentTypeMask = MatchBits.Bit(SpecialistRisk) },
            ExclusionReason.PqeBelowMinimum, "7 years' PQE; Specialist risk needs 8",
            Request(minPqeYears: 8, type: SpecialistRisk, requiredSkills: 0), Labels with { AssessmentTypeName = "Specialist risk" });

    [Fact]
    public void PQE_is_counted_in_whole_years_on_today_so_the_anniversary_itself_qualifies()
    {
        var request = Request(minPqeYears: 8);
        Assert.Equal(ExclusionReason.None, Exclusions(Eligible() with { QualifiedOn = Today.AddYears(-8) }, request));
        Assert.Equal(ExclusionReason.PqeBelowMinimum, Exclusions(Eligible() with { QualifiedOn = Today.AddYears(-8).AddDays(1) }, request));
    }

    [Theory]
    [InlineData("2020-02-29", "2025-02-28", 5, true)]    // a 29 February qualification completes its years on 28 February
    [InlineData("2020-02-29", "2025-02-27", 5, false)]
    [InlineData("2023-02-28", "2028-02-29", 5, true)]
    [InlineData("2023-03-01", "2028-02-29", 5, false)]
    public void PQE_around_29_February_follows_the_panel_rule(string qualified, string today, int years, bool enough)
    {
        var request = new MatchRequest(MatchBits.Bit(ParentingPams), 0, years, EnglishRegion.NorthWest,
            FilingDeadline.AddYears(3), DateOnly.Parse(today), DateOnly.Parse(today), MatchWeights.Default);
        var candidate = Eligible() with { QualifiedOn = DateOnly.Parse(qualified), EarliestLapse = DateOnly.MaxValue, UnavailableFrom = default };
        Assert.Equal(!enough, Matcher.Exclusions(in request, in candidate).HasFlag(ExclusionReason.PqeBelowMinimum));
    }

    [Fact]
    public void The_PQE_cutoff_agrees_with_whole_years_on_every_date() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(
            (from today in Gen.OneOf(
                 Gen.Choose(0, 365 * 70).Select(day => new DateOnly(1990, 1, 1).AddDays(day)),
                 from year in Gen.Choose(1992, 2060)                       // around the end of February
                 from offset in Gen.Choose(-2, 1)
                 select new DateOnly(year, 3, 1).AddDays(offset))
             from years in Gen.Choose(0, 40)
             from anyDay in Gen.Choose(-365 * 50, 30)
             select (today, years, anyDay)).ToArbitrary(),
            c =>
            {
                var cutoff = MatchRequest.LatestQualification(c.years, c.today);
                bool Agrees(DateOnly qualified) =>
                    (qualified <= cutoff) == (qualified <= c.today && PostQualifyingExperience.WholeYears(qualified, c.today) >= c.years);
                // every day near the anniversary, and one anywhere
                return Enumerable.Range(-3, 7).All(near => Agrees(c.today.AddYears(-c.years).AddDays(near))) && Agrees(c.today.AddDays(c.anyDay));
            }));

    [Fact]
    public void A_qualification_date_in_the_future_is_below_any_minimum_rather_than_an_error() =>
        AssertExcludedOnlyFor(Eligible() with { QualifiedOn = new DateOnly(2027, 7, 1) }, ExclusionReason.PqeBelowMinimum,
            "Qualification date 1 July 2027 is in the future; Parenting assessment, PAMS needs 5 years' PQE");

    [Fact]
    public void An_ISW_who_does_not_offer_the_type_lacks_it() =>
        AssertExcludedOnlyFor(Eligible() with { AssessmentTypeMask = MatchBits.Bit(1) }, ExclusionReason.LacksAssessmentType,
            "Does not offer Parenting assessment, PAMS");

    [Fact]
    public void An_ISW_who_is_not_PAMS_trained_lacks_the_required_skill() =>
        AssertExcludedOnlyFor(Eligible() with { SkillMask = MatchBits.Bit(2) }, ExclusionReason.LacksRequiredSkill,
            "Lacks required skill: PAMS-trained");

    [Fact]
    public void Every_missing_skill_is_named() =>
        AssertExcludedOnlyFor(Eligible() with { SkillMask = MatchBits.Bit(SexualHarm) }, ExclusionReason.LacksRequiredSkill,
            "Lacks required skills: PAMS-trained and Court expert witness",
            Request(requiredSkills: MatchBits.Mask([Pams, SexualHarm, CourtExpertWitness])));

    [Fact]
    public void A_request_that_requires_no_skill_accepts_an_ISW_with_none() =>
        Assert.Equal(ExclusionReason.None, Exclusions(Eligible() with { SkillMask = 0 }, Request(requiredSkills: 0)));

    [Fact]
    public void A_DBS_check_that_lapses_before_the_filing_deadline_excludes() =>
        AssertExcludedOnlyFor(Eligible() with { EarliestLapse = new DateOnly(2027, 2, 3), LapsingDocument = ComplianceDocumentKind.EnhancedDbs },
            ExclusionReason.DocumentLapsesBeforeDeadline,
            "Enhanced DBS check lapses on 3 February 2027, before the filing deadline of 15 February 2027");

    [Fact]
    public void A_document_that_lapses_on_the_deadline_day_excludes_and_one_that_lapses_the_day_after_does_not()
    {
        AssertExcludedOnlyFor(Eligible() with { EarliestLapse = FilingDeadline }, ExclusionReason.DocumentLapsesBeforeDeadline,
            "Professional indemnity insurance lapses on 15 February 2027, the day of the filing deadline");
        Assert.Equal(ExclusionReason.None, Exclusions(Eligible() with { EarliestLapse = FilingDeadline.AddDays(1) }));
        Assert.Equal(ExclusionReason.None, Exclusions(Eligible() with { EarliestLapse = DateOnly.MaxValue }));
    }

    [Fact]
    public void A_missing_or_already_lapsed_document_is_not_current() =>
        AssertExcludedOnlyFor(Eligible() with { EarliestLapse = Today, LapsingDocument = ComplianceDocumentKind.SocialWorkEnglandRegistration },
            ExclusionReason.DocumentLapsesBeforeDeadline,
            "Social Work England registration is not current, so cannot cover the filing deadline of 15 February 2027");

    [Fact]
    public void A_non_solicitation_conflict_with_the_authority_excludes() =>
        AssertExcludedOnlyFor(Eligible() with { ConflictedWithAuthority = true }, ExclusionReason.NonSolicitationConflict,
            "Non-solicitation: conflicted with this authority");

    [Fact]
    public void A_full_caseload_is_no_capacity() =>
        AssertExcludedOnlyFor(Eligible() with { ActiveAssignments = 4, Capacity = 4 }, ExclusionReason.NoCapacity,
            "No capacity: 4 of 4 assessments in hand");

    [Fact]
    public void More_in_hand_than_the_capacity_is_no_capacity() =>
        AssertExcludedOnlyFor(Eligible() with { ActiveAssignments = 5, Capacity = 3 }, ExclusionReason.NoCapacity,
            "No capacity: 5 of 3 assessments in hand");

    [Fact]
    public void Leave_before_the_first_visit_is_due_is_unavailable() =>
        AssertExcludedOnlyFor(Eligible() with { UnavailableFrom = new DateOnly(2026, 12, 10), UnavailableTo = new DateOnly(2026, 12, 20) },
            ExclusionReason.Unavailable,
            "Unavailable 10 December 2026 to 20 December 2026; the first visit is due by 15 December 2026");

    [Fact]
    public void A_single_day_away_is_named_as_one_day() =>
        AssertExcludedOnlyFor(Eligible() with { UnavailableFrom = StartBy, UnavailableTo = StartBy }, ExclusionReason.Unavailable,
            "Unavailable on 15 December 2026; the first visit is due by 15 December 2026");

    [Theory]
    [InlineData("2026-11-20", "2026-11-30", false)]   // ended yesterday
    [InlineData("2026-11-20", "2026-12-01", true)]    // ends today
    [InlineData("2026-12-15", "2027-01-05", true)]    // starts on the start-by date
    [InlineData("2026-12-16", "2027-01-05", false)]   // starts the day after the start-by date
    [InlineData("2026-10-01", "2027-03-01", true)]    // spans the whole window
    [InlineData("0001-01-01", "0001-01-01", false)]   // none (default)
    public void Unavailability_counts_only_when_it_overlaps_today_to_the_start_by_date(string from, string to, bool unavailable) =>
        Assert.Equal(unavailable ? ExclusionReason.Unavailable : ExclusionReason.None,
            Exclusions(Eligible() with { UnavailableFrom = DateOnly.Parse(from), UnavailableTo = DateOnly.Parse(to) }));

    [Fact]
    public void A_start_by_date_already_past_leaves_today_as_the_window()
    {
        var request = Request(startBy: Today.AddDays(-3));
        Assert.Equal(Today, request.StartWindowEnd);
        Assert.Equal(ExclusionReason.None, Exclusions(Eligible() with { UnavailableFrom = Today.AddDays(1), UnavailableTo = Today.AddDays(5) }, request));
        Assert.Equal(ExclusionReason.Unavailable, Exclusions(Eligible() with { UnavailableFrom = Today, UnavailableTo = Today.AddDays(5) }, request));
    }

    [Fact]
    public void Not_covering_the_region_with_no_known_distance_is_outside_the_area() =>
        AssertExcludedOnlyFor(Eligible() with { RegionMask = MatchBits.Region(EnglishRegion.SouthEast), DistanceMiles = float.NaN },
            ExclusionReason.OutsideArea, "Outside the area: does not cover North West and distance unknown");

    [Fact]
    public void A_known_distance_beyond_the_radius_is_outside_the_area_even_in_a_covered_region() =>
        AssertExcludedOnlyFor(Eligible() with { DistanceMiles = 85, TravelRadiusMiles = 40 },
            ExclusionReason.OutsideArea, "Outside the area: is 85 miles away; travels up to 40");

    [Fact]
    public void A_distance_just_beyond_the_radius_never_reads_as_within_it() =>
        AssertExcludedOnlyFor(Eligible() with { DistanceMiles = 40.04f, TravelRadiusMiles = 40, RegionMask = 0 },
            ExclusionReason.OutsideArea, "Outside the area: does not cover North West, and is 40.1 miles away; travels up to 40");

    [Theory]
    [InlineData(true, 12f, 40, false)]               // covered and within
    [InlineData(false, 12f, 40, false)]              // a known distance within the radius always qualifies
    [InlineData(false, 40f, 40, false)]              // exactly at the radius is within it
    [InlineData(true, 40.5f, 40, true)]              // a covered region does not rescue a known distance beyond the radius
    [InlineData(false, 85f, 40, true)]
    [InlineData(true, float.NaN, 40, false)]         // unknown distance: the region decides
    [InlineData(false, float.NaN, 40, true)]
    [InlineData(false, 0f, 0, false)]                // a radius of 0 still takes work at its own door
    public void The_area_rule(bool coversRegion, float miles, int radius, bool outside)
    {
        var candidate = Eligible() with
        {
            RegionMask = coversRegion ? MatchBits.Region(EnglishRegion.NorthWest) : MatchBits.Region(EnglishRegion.London),
            DistanceMiles = miles,
            TravelRadiusMiles = radius,
        };
        Assert.Equal(outside ? ExclusionReason.OutsideArea : ExclusionReason.None, Exclusions(candidate));
    }

    [Fact]
    public void Declining_or_letting_an_offer_of_this_request_lapse_excludes() =>
        AssertExcludedOnlyFor(Eligible() with { DeclinedOrLapsedOfferForThisRequest = true }, ExclusionReason.DeclinedOrLapsedOffer,
            "Declined or let lapse an offer for this request");

    [Fact]
    public void Every_reason_is_reported_with_one_sentence_each_in_flag_order()
    {
        var request = Request();
        var candidate = Eligible() with
        {
            Status = PanelMemberStatus.Suspended,
            ActiveAssignments = 4,
            DistanceMiles = 85,
            ConflictedWithAuthority = true,
        };
        var (reasons, _) = Matcher.Evaluate(in request, in candidate);
        Assert.Equal(ExclusionReason.NotActive | ExclusionReason.NonSolicitationConflict | ExclusionReason.NoCapacity | ExclusionReason.OutsideArea, reasons);
        Assert.Equal(
            [
                "Not active (suspended)",
                "Non-solicitation: conflicted with this authority",
                "No capacity: 4 of 4 assessments in hand",
                "Outside the area: is 85 miles away; travels up to 40",
            ],
            Matcher.WhyNot(reasons, in request, in candidate, Labels));
    }

    [Fact]
    public void A_candidate_failing_everything_has_all_ten_reasons()
    {
        var candidate = new CandidateFacts
        {
            Status = PanelMemberStatus.Removed,
            QualifiedOn = Today,
            ConflictedWithAuthority = true,
            UnavailableFrom = Today,
            UnavailableTo = Today,
            DeclinedOrLapsedOfferForThisRequest = true,
        };
        var request = Request();
        var reasons = Matcher.Exclusions(in request, in candidate);
        Assert.Equal(ExclusionReasons.All.Aggregate(ExclusionReason.None, (all, reason) => all | reason), reasons);
        Assert.Equal(ExclusionReasons.Count, Matcher.WhyNot(reasons, in request, in candidate, Labels).Count);
    }
}
