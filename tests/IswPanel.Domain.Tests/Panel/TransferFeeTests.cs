using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Panel;

public sealed class TransferFeeTests
{
    private static SupplyPeriod Supply(string startedOn, string? endedOn) =>
        new(DateOnly.Parse(startedOn), endedOn is null ? null : DateOnly.Parse(endedOn));

    private static DateOnly Day(string date) => DateOnly.Parse(date);

    [Fact]
    public void When_the_14_weeks_end_later_the_window_closes_on_their_last_day()
    {
        var window = TransferFee.Window([Supply("2026-11-25", "2026-12-01")]);
        Assert.Equal(Day("2027-03-02"), window.FourteenWeeksEndOn);   // day 98, counting 25 November as day 1
        Assert.Equal(Day("2027-01-26"), window.EightWeeksEndOn);
        Assert.Equal(Day("2027-03-02"), window.ClosesOn);
        Assert.False(window.CountRestarted);
        Assert.Equal(
            "A transfer fee may apply up to and including 2 March 2027: the 14 weeks beginning with the first day of supply on 25 November 2026 "
            + "end later than the 8 weeks after supply ended on 1 December 2026. After that day no transfer fee may be charged.",
            window.Explanation);
    }

    [Fact]
    public void When_the_8_weeks_after_supply_end_later_the_window_closes_on_their_last_day()
    {
        var window = TransferFee.Window([Supply("2026-10-01", "2027-03-31")]);
        Assert.Equal(Day("2027-01-06"), window.FourteenWeeksEndOn);
        Assert.Equal(Day("2027-05-26"), window.ClosesOn);
        Assert.Equal(
            "A transfer fee may apply up to and including 26 May 2027: the 8 weeks after supply ended on 31 March 2027 "
            + "end later than the 14 weeks beginning with the first day of supply on 1 October 2026. After that day no transfer fee may be charged.",
            window.Explanation);
    }

    [Fact]
    public void When_both_periods_end_on_the_same_day_the_explanation_says_so()
    {
        var window = TransferFee.Window([Supply("2027-01-01", "2027-02-11")]);
        Assert.Equal(Day("2027-04-08"), window.ClosesOn);
        Assert.Equal(window.FourteenWeeksEndOn, window.EightWeeksEndOn);
        Assert.Contains("both end that day", window.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-03-02", true)]    // the closing day itself
    [InlineData("2027-03-03", false)]   // the day after
    [InlineData("2026-11-25", true)]
    [InlineData("2026-10-01", true)]
    public void A_fee_may_apply_up_to_and_including_the_closing_day(string day, bool mayApply) =>
        Assert.Equal(mayApply, TransferFee.Window([Supply("2026-11-25", "2026-12-01")]).FeeMayApplyOn(Day(day)));

    [Fact]
    public void A_break_of_exactly_42_days_does_not_restart_the_count()
    {
        // No supply from 1 February to 14 March 2027 inclusive: 42 days.
        var window = TransferFee.Window([Supply("2027-01-01", "2027-01-31"), Supply("2027-03-15", "2027-03-15")]);
        Assert.Equal(Day("2027-01-01"), window.CountStartsOn);
        Assert.False(window.CountRestarted);
        Assert.Equal(Day("2027-05-10"), window.ClosesOn);   // 8 weeks after 15 March
    }

    [Fact]
    public void A_break_of_43_days_restarts_the_count_from_the_later_period()
    {
        // No supply from 1 February to 15 March 2027 inclusive: 43 days.
        var window = TransferFee.Window([Supply("2027-01-01", "2027-01-31"), Supply("2027-03-16", "2027-03-16")]);
        Assert.Equal(Day("2027-03-16"), window.CountStartsOn);
        Assert.True(window.CountRestarted);
        Assert.Equal(Day("2027-06-21"), window.ClosesOn);   // 14 weeks beginning 16 March
        Assert.Equal(
            "A transfer fee may apply up to and including 21 June 2027: the 14 weeks beginning with the first day of supply on 16 March 2027 "
            + "(counted again after a break in supply of more than 42 days) end later than the 8 weeks after supply ended on 16 March 2027. "
            + "After that day no transfer fee may be charged.",
            window.Explanation);
    }

    [Fact]
    public void Only_the_last_long_break_matters()
    {
        var window = TransferFee.Window(
        [
            Supply("2025-01-06", "2025-01-10"),
            Supply("2025-06-02", "2025-06-06"),   // after a long break: the count restarts here
            Supply("2025-07-01", "2025-07-04"),   // 24 days later: continues the same count
        ]);
        Assert.Equal(Day("2025-06-02"), window.CountStartsOn);
        Assert.Equal(Day("2025-09-07"), window.ClosesOn);
    }

    [Fact]
    public void Unsorted_and_overlapping_periods_are_merged_before_breaks_are_measured()
    {
        // A long first period covers the 49 days between the second period's end and the third's start: no break.
        var window = TransferFee.Window(
        [
            Supply("2027-04-01", "2027-04-02"),
            Supply("2027-02-01", "2027-02-10"),
            Supply("2027-01-01", "2027-06-30"),
        ]);
        Assert.Equal(Day("2027-01-01"), window.CountStartsOn);
        Assert.False(window.CountRestarted);
        Assert.Equal(Day("2027-06-30"), window.SupplyEndedOn);
        Assert.Equal(Day("2027-08-25"), window.ClosesOn);
    }

    [Fact]
    public void While_supply_is_ongoing_a_fee_may_apply_and_the_window_has_no_closing_day()
    {
        var window = TransferFee.Window([Supply("2026-11-25", "2026-12-01"), Supply("2026-12-07", null)]);
        Assert.True(window.IsSupplyOngoing);
        Assert.Null(window.ClosesOn);
        Assert.Null(window.SupplyEndedOn);
        Assert.Null(window.EightWeeksEndOn);
        Assert.Equal(Day("2027-03-02"), window.FourteenWeeksEndOn);
        Assert.True(window.FeeMayApplyOn(Day("2030-01-01")));
        Assert.Equal(
            "Supply is ongoing, so a transfer fee may apply. Once supply ends, the fee may apply until the later of the end of "
            + "the 14 weeks beginning with the first day of supply on 25 November 2026 (2 March 2027) and 8 weeks after the last day of supply.",
            window.Explanation);
    }

    [Fact]
    public void An_ongoing_period_covers_every_period_that_starts_after_it()
    {
        var window = TransferFee.Window([Supply("2027-01-01", null), Supply("2027-09-01", "2027-09-02")]);
        Assert.True(window.IsSupplyOngoing);
        Assert.Equal(Day("2027-01-01"), window.CountStartsOn);
    }

    [Fact]
    public void No_periods_of_supply_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => TransferFee.Window([]));
        Assert.Equal("Enter at least one period of supply.", error.Message);
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => TransferFee.Window([Supply("2027-01-01", "2027-01-31"), Supply("2027-03-02", "2027-03-01")]));
        Assert.Equal("A period of supply cannot end before it starts: it starts on 2 March 2027 and ends on 1 March 2027.", error.Message);
    }

    [Fact]
    public void A_one_day_period_is_accepted()
    {
        var window = TransferFee.Window([Supply("2027-01-04", "2027-01-04")]);
        Assert.Equal(Day("2027-04-11"), window.ClosesOn);
    }

    private static Arbitrary<SupplyPeriod[]> Histories()
    {
        var period =
            from start in Gen.Choose(0, 3 * 365)
            from length in Gen.Choose(0, 120)
            from ongoing in Gen.Frequency((1, Gen.Constant(true)), (9, Gen.Constant(false)))
            let startedOn = new DateOnly(2025, 1, 1).AddDays(start)
            select new SupplyPeriod(startedOn, ongoing ? null : startedOn.AddDays(length));
        return Gen.NonEmptyListOf(period).Select(periods => periods.ToArray()).ToArbitrary();
    }

    [Fact]
    public void The_order_of_the_periods_does_not_matter() =>
        Prop.ForAll(Histories(), periods =>
        {
            var reversed = periods.Reverse().ToArray();
            return TransferFee.Window(periods) == TransferFee.Window(reversed);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_closed_window_never_ends_before_8_weeks_after_the_last_supply_nor_before_14_weeks_from_the_count_start() =>
        Prop.ForAll(Histories(), periods =>
        {
            var window = TransferFee.Window(periods);
            if (window.ClosesOn is not { } closes) return periods.Any(p => p.EndedOn is null);
            var lastEnd = periods.Max(p => p.EndedOn!.Value);
            return closes >= lastEnd.AddDays(TransferFee.EightWeeksInDays)
                   && closes >= window.CountStartsOn.AddDays(TransferFee.FourteenWeeksInDays - 1)
                   && window.FeeMayApplyOn(closes)
                   && !window.FeeMayApplyOn(closes.AddDays(1));
        }).QuickCheckThrowOnFailure();
}
