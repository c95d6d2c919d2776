using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Tests.Assessments;

public sealed class MilestonePlanTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();
    private static readonly MilestoneOffsets TwelveWeeks = MilestoneOffsets.DefaultFor(12);
    private const string Parenting = "Parenting assessment";

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static MilestonePlan Plan(string deadline, string submitted, int weeks = 12, string? name = Parenting) =>
        MilestonePlan.For(D(deadline), D(submitted), MilestoneOffsets.DefaultFor(weeks), weeks, Calendar, name);

    private static void AssertMilestones(MilestonePlan plan, params string[] dues)
    {
        Assert.Equal(MilestoneNames.All, plan.Milestones.Select(m => m.Name));
        Assert.Equal(dues.Select(D), plan.Milestones.Select(m => m.Due));
    }

    [Fact]
    public void A_twelve_week_parenting_assessment_due_just_after_Easter_2026()
    {
        // Deadline Wednesday 8 April 2026; Good Friday 3 April and Easter Monday 6 April are not working days.
        var plan = Plan("2026-04-08", "2026-01-05");
        AssertMilestones(plan,
            "2026-01-12",   // Allocate by: 60 working days before (1 Jan 2026 is long past)
            "2026-01-19",   // First visit by: 55
            "2026-03-25",   // Draft to QA by: 8 (7 Apr, 2 Apr, 1 Apr, 31 Mar, 30 Mar, 27, 26, 25 Mar)
            "2026-04-01",   // QA complete by: 3 (7 Apr, 2 Apr, 1 Apr)
            "2026-04-02");  // Release by: 2 (7 Apr, then over Easter to Maundy Thursday)
        Assert.Equal(D("2026-01-12"), plan.AllocateBy.Due);
        Assert.Equal(D("2026-01-19"), plan.FirstVisitBy.Due);
        Assert.Equal(D("2026-03-25"), plan.DraftToQaBy.Due);
        Assert.Equal(D("2026-04-01"), plan.QaCompleteBy.Due);
        Assert.Equal(D("2026-04-02"), plan.ReleaseBy.Due);
        Assert.Equal(D("2026-04-08"), plan.Deadline);
        Assert.Equal(65, plan.AvailableWorkingDays);
        Assert.Equal(60, plan.NeededWorkingDays);
        Assert.False(plan.AtRisk);
        Assert.Equal(0, plan.ShortfallWorkingDays);
        Assert.Null(plan.RiskExplanation);
    }

    [Fact]
    public void A_request_submitted_with_38_working_days_left_is_at_risk_by_22()
    {
        var plan = Plan("2026-04-08", "2026-02-11");
        Assert.True(plan.AtRisk);
        Assert.Equal(38, plan.AvailableWorkingDays);
        Assert.Equal(22, plan.ShortfallWorkingDays);
        Assert.Equal("The deadline leaves 38 working days; a parenting assessment typically needs 60. 22 working days short.", plan.RiskExplanation);
        Assert.Equal(D("2026-01-12"), plan.AllocateBy.Due);   // a warning: the plan is still the plan
    }

    [Fact]
    public void A_deadline_in_early_January_2027_is_planned_across_Christmas_2026()
    {
        // Deadline Friday 8 January 2027. Not working: 25 Dec (Fri), 26-27 (weekend), 28 Dec (substitute Boxing Day), 1 Jan (Fri).
        var plan = Plan("2027-01-08", "2026-12-01");
        AssertMilestones(plan,
            "2026-10-13",   // Allocate by: 60
            "2026-10-20",   // First visit by: 55
            "2026-12-24",   // Draft to QA by: 8 (7, 6, 5, 4 Jan, 31, 30, 29 Dec, 24 Dec)
            "2027-01-05",   // QA complete by: 3
            "2027-01-06");  // Release by: 2
        Assert.True(plan.AtRisk);
        Assert.Equal(25, plan.AvailableWorkingDays);
        Assert.Equal(35, plan.ShortfallWorkingDays);
        Assert.Equal("The deadline leaves 25 working days; a parenting assessment typically needs 60. 35 working days short.", plan.RiskExplanation);
    }

    [Fact]
    public void A_four_week_viability_assessment_around_the_State_Funeral_on_19_September_2022()
    {
        // Deadline Wednesday 21 September 2022; 19 September 2022 and the Summer bank holiday, 29 August, are not working days.
        var plan = Plan("2022-09-21", "2022-08-22", weeks: 4, name: "Viability (connected person / kinship)");
        AssertMilestones(plan,
            "2022-08-22",   // Allocate by: 20 (over 29 August)
            "2022-08-30",   // First visit by: 15
            "2022-09-08",   // Draft to QA by: 8
            "2022-09-15",   // QA complete by: 3 (20 Sep, 16 Sep, 15 Sep)
            "2022-09-16");  // Release by: 2 (20 Sep, then over the funeral to Friday 16 Sep)
        Assert.Equal(20, plan.AvailableWorkingDays);
        Assert.False(plan.AtRisk);
    }

    [Fact]
    public void A_plan_after_the_one_off_days_of_June_2022_skips_them()
    {
        // Deadline Tuesday 7 June 2022: 2 and 3 June 2022 were bank holidays (and 30 May was not).
        var plan = Plan("2022-06-07", "2022-03-01");
        Assert.Equal(D("2022-06-01"), plan.ReleaseBy.Due);       // 6 Jun, then over 3 and 2 Jun to 1 Jun
        Assert.Equal(D("2022-05-31"), plan.QaCompleteBy.Due);
        Assert.Equal(D("2022-05-24"), plan.DraftToQaBy.Due);     // 6 Jun, 1 Jun, 31, 30 (an ordinary Monday in 2022), 27, 26, 25, 24 May
    }

    [Theory]
    [InlineData("2026-01-12", false, 0)]     // exactly 60 working days: not at risk
    [InlineData("2026-01-09", false, 0)]     // 61
    [InlineData("2026-01-10", false, 0)]     // a Saturday: 61, as from the Friday
    [InlineData("2026-01-11", false, 0)]
    [InlineData("2026-01-13", true, 1)]      // 59: one working day short
    [InlineData("2026-01-14", true, 2)]
    public void The_at_risk_flag_at_the_boundary(string submitted, bool atRisk, int shortfall)
    {
        var plan = Plan("2026-04-08", submitted);
        Assert.Equal(atRisk, plan.AtRisk);
        Assert.Equal(shortfall, plan.ShortfallWorkingDays);
        Assert.Equal(60 - shortfall, Math.Min(plan.AvailableWorkingDays, 60));
        if (shortfall == 1)
            Assert.Equal("The deadline leaves 59 working days; a parenting assessment typically needs 60. 1 working day short.", plan.RiskExplanation);
    }

    [Fact]
    public void A_deadline_on_the_next_working_day_is_accepted_and_leaves_one_working_day()
    {
        var plan = Plan("2026-12-02", "2026-12-01", name: null);
        Assert.Equal(1, plan.AvailableWorkingDays);
        Assert.Equal("The deadline leaves 1 working day; this type of assessment typically needs 60. 59 working days short.", plan.RiskExplanation);
        Assert.All(plan.Milestones, m => Assert.True(m.Due <= plan.Deadline));
    }

    [Theory]
    [InlineData("Adoption: prospective adopter report", "an adoption: prospective adopter report")]
    [InlineData("PAMS parenting assessment", "a PAMS parenting assessment")]
    [InlineData("  Special guardianship report ", "a special guardianship report")]
    public void The_risk_explanation_names_the_type_in_a_sentence(string name, string phrase) =>
        Assert.Contains($"; {phrase} typically needs 60.", Plan("2027-01-08", "2026-12-01", name: name).RiskExplanation, StringComparison.Ordinal);

    [Theory]
    [InlineData("2027-01-09", "9 January 2027 is a Saturday.")]
    [InlineData("2027-01-10", "10 January 2027 is a Sunday.")]
    [InlineData("2026-12-26", "26 December 2026 is a Saturday.")]
    [InlineData("2026-12-28", "28 December 2026 is a bank holiday (Boxing Day, substitute day).")]
    [InlineData("2026-12-25", "25 December 2026 is a bank holiday (Christmas Day).")]
    [InlineData("2027-01-01", "1 January 2027 is a bank holiday (New Year’s Day).")]
    [InlineData("2027-03-26", "26 March 2027 is a bank holiday (Good Friday).")]
    public void A_deadline_on_a_day_that_is_not_a_working_day_is_refused(string deadline, string why)
    {
        var error = Assert.Throws<DomainException>(() => Plan(deadline, "2026-12-01"));
        Assert.Equal($"The filing deadline must be a working day: {why}", error.Message);
        Assert.Equal("FilingDeadline", error.Field);
    }

    [Theory]
    [InlineData("2026-11-30")]
    [InlineData("2026-12-01")]   // the submission day itself counts as past
    [InlineData("2018-01-02")]
    public void A_deadline_that_is_not_after_the_submission_date_is_refused(string deadline)
    {
        var error = Assert.Throws<DomainException>(() => Plan(deadline, "2026-12-01"));
        Assert.Equal("The filing deadline must be in the future.", error.Message);
        Assert.Equal("FilingDeadline", error.Field);
    }

    [Fact]
    public void A_past_deadline_is_refused_before_anything_else() =>
        Assert.Equal("The filing deadline must be in the future.",
            Assert.Throws<DomainException>(() => Plan("2026-11-28", "2026-12-01")).Message);   // a past Saturday

    [Fact]
    public void A_target_date_is_planned_the_same_way_and_refused_in_its_own_words()
    {
        var court = Plan("2027-01-08", "2026-12-01");
        var target = MilestonePlan.For(D("2027-01-08"), D("2026-12-01"), TwelveWeeks, 12, Calendar, Parenting, DeadlineKind.TargetDate);
        Assert.Equal(court.Milestones, target.Milestones);
        Assert.Equal(court.RiskExplanation, target.RiskExplanation);

        var past = Assert.Throws<DomainException>(() =>
            MilestonePlan.For(D("2026-11-30"), D("2026-12-01"), TwelveWeeks, 12, Calendar, kind: DeadlineKind.TargetDate));
        Assert.Equal(("The target date must be in the future.", "TargetDate"), (past.Message, past.Field));
        var holiday = Assert.Throws<DomainException>(() =>
            MilestonePlan.For(D("2026-12-28"), D("2026-12-01"), TwelveWeeks, 12, Calendar, kind: DeadlineKind.TargetDate));
        Assert.Equal("The target date must be a working day: 28 December 2026 is a bank holiday (Boxing Day, substitute day).", holiday.Message);
    }

    [Fact]
    public void A_deadline_beyond_the_bank_holiday_list_is_refused_until_a_newer_list_is_uploaded()
    {
        var error = Assert.Throws<DomainException>(() => Plan("2029-01-09", "2026-12-01"));
        Assert.Equal("FilingDeadline", error.Field);
        Assert.Equal("Working days after 31 December 2028 cannot be worked out: the bank holiday list covers 2018 to 2028. "
                     + "An administrator can upload a newer list from GOV.UK.", error.Message);

        var early = Assert.Throws<DomainException>(() => Plan("2018-02-01", "2018-01-02"));   // Allocate by would be in 2017
        Assert.StartsWith("Working days before 1 January 2018", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offsets_are_applied_as_given()
    {
        var offsets = new MilestoneOffsets(30, 20, 10, 5, 0);
        var plan = MilestonePlan.For(D("2027-01-08"), D("2026-10-01"), offsets, 12, Calendar);
        Assert.Equal(D("2027-01-08"), plan.ReleaseBy.Due);   // 0: on the deadline itself
        Assert.Equal(D("2026-12-31"), plan.QaCompleteBy.Due);
        Assert.Equal(D("2026-12-22"), plan.DraftToQaBy.Due);
        Assert.Equal(D("2026-12-08"), plan.FirstVisitBy.Due);
        Assert.Equal(D("2026-11-24"), plan.AllocateBy.Due);
    }

    [Fact]
    public void Milestones_are_working_days_in_order_before_the_deadline_and_the_risk_flag_matches_the_count() =>
        Prop.ForAll(
            (from deadline in Gen.Choose(0, 365 * 8).Select(offset => new DateOnly(2019, 6, 1).AddDays(offset))
             from lead in Gen.Choose(1, 200)
             from weeks in Gen.Choose(1, 26)
             select (deadline, submitted: deadline.AddDays(-lead), weeks)).ToArbitrary(),
            sample =>
            {
                var deadline = Calendar.NextWorkingDayOnOrAfter(sample.deadline);
                if (deadline <= sample.submitted) return true;
                var plan = MilestonePlan.For(deadline, sample.submitted, MilestoneOffsets.DefaultFor(sample.weeks), sample.weeks, Calendar);
                var dues = plan.Milestones.Select(m => m.Due).ToList();
                var available = Calendar.WorkingDaysBetween(sample.submitted, deadline);
                return dues.All(Calendar.IsWorkingDay)
                       && dues.Zip(dues.Skip(1)).All(p => p.First < p.Second)
                       && dues[^1] <= deadline
                       && Calendar.WorkingDaysBetween(plan.AllocateBy.Due, deadline) == sample.weeks * 5
                       && plan.AtRisk == (available < sample.weeks * 5)
                       && plan.ShortfallWorkingDays == Math.Max(0, sample.weeks * 5 - available)
                       && (plan.RiskExplanation is null) == !plan.AtRisk;
            }).QuickCheckThrowOnFailure();

    // ---- Offsets ----

    [Theory]
    [InlineData(12, 60, 55, 8, 3, 2)]
    [InlineData(16, 80, 75, 8, 3, 2)]
    [InlineData(10, 50, 45, 8, 3, 2)]
    [InlineData(8, 40, 35, 8, 3, 2)]
    [InlineData(4, 20, 15, 8, 3, 2)]
    [InlineData(3, 15, 10, 8, 3, 2)]
    [InlineData(2, 10, 5, 4, 3, 2)]      // draft to QA lowered below the first visit
    [InlineData(1, 5, 3, 2, 1, 0)]       // everything squeezed, release on the deadline
    [InlineData(104, 520, 515, 8, 3, 2)]
    public void Default_offsets_for_a_typical_length(int weeks, int allocate, int firstVisit, int draftToQa, int qaComplete, int release)
    {
        var offsets = MilestoneOffsets.DefaultFor(weeks);
        Assert.Equal([allocate, firstVisit, draftToQa, qaComplete, release], offsets.InOrder());
        Assert.Equal(new MilestoneOffsets(allocate, firstVisit, draftToQa, qaComplete, release), offsets);
    }

    [Fact]
    public void Default_offsets_are_strictly_decreasing_and_allocate_at_the_typical_length_for_every_length()
    {
        for (var weeks = 1; weeks <= 104; weeks++)
        {
            var values = MilestoneOffsets.DefaultFor(weeks).InOrder();
            Assert.Equal(weeks * 5, values[0]);
            Assert.True(values[4] >= 0);
            Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.First > pair.Second));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(105)]
    public void Default_offsets_refuse_an_impossible_length(int weeks) =>
        Assert.Equal("Typical length must be between 1 and 104 weeks.", Assert.Throws<DomainException>(() => MilestoneOffsets.DefaultFor(weeks)).Message);

    [Theory]
    [InlineData(60, 60, 8, 3, 2, "FirstVisitBefore", "First visit by must be fewer working days before the deadline than Allocate by (60).")]
    [InlineData(60, 70, 8, 3, 2, "FirstVisitBefore", "First visit by must be fewer working days before the deadline than Allocate by (60).")]
    [InlineData(60, 55, 55, 3, 2, "DraftToQaBefore", "Draft to QA by must be fewer working days before the deadline than First visit by (55).")]
    [InlineData(60, 55, 8, 9, 2, "QaCompleteBefore", "QA complete by must be fewer working days before the deadline than Draft to QA by (8).")]
    [InlineData(60, 55, 8, 3, 3, "ReleaseBefore", "Release by must be fewer working days before the deadline than QA complete by (3).")]
    [InlineData(60, 55, 8, 3, -1, "ReleaseBefore", "Release by must be 0 or more working days before the deadline.")]
    [InlineData(-1, -2, -3, -4, -5, "AllocateBefore", "Allocate by must be 0 or more working days before the deadline.")]
    [InlineData(521, 55, 8, 3, 2, "AllocateBefore", "Allocate by must be at most 520 working days before the deadline.")]
    public void Offsets_that_are_not_strictly_decreasing_or_out_of_range_are_refused(
        int allocate, int firstVisit, int draftToQa, int qaComplete, int release, string field, string message)
    {
        var error = Assert.Throws<DomainException>(() => new MilestoneOffsets(allocate, firstVisit, draftToQa, qaComplete, release));
        Assert.Equal((message, field), (error.Message, error.Field));
    }

    [Fact]
    public void Offsets_are_a_value()
    {
        var offsets = new MilestoneOffsets(520, 4, 3, 2, 0);
        Assert.Equal((520, 4, 3, 2, 0), (offsets.AllocateBefore, offsets.FirstVisitBefore, offsets.DraftToQaBefore, offsets.QaCompleteBefore, offsets.ReleaseBefore));
        Assert.Equal(MilestoneOffsets.DefaultFor(12), new MilestoneOffsets(60, 55, 8, 3, 2));
        Assert.NotEqual(MilestoneOffsets.DefaultFor(12), MilestoneOffsets.DefaultFor(16));
    }
}
