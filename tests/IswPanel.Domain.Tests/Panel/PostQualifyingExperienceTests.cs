using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Panel;

public sealed class PostQualifyingExperienceTests
{
    [Theory]
    [InlineData("2020-02-29", "2025-02-27", 4)]
    [InlineData("2020-02-29", "2025-02-28", 5)]   // a 29 February anniversary falls on 28 February in common years
    [InlineData("2020-02-29", "2024-02-28", 3)]
    [InlineData("2020-02-29", "2024-02-29", 4)]   // and on 29 February in leap years
    [InlineData("2021-06-15", "2026-06-14", 4)]   // the day before the fifth anniversary
    [InlineData("2021-06-15", "2026-06-15", 5)]   // the day of it
    [InlineData("2021-06-15", "2021-06-15", 0)]
    [InlineData("2001-12-31", "2026-12-01", 24)]
    public void Counts_whole_years(string qualified, string today, int years) =>
        Assert.Equal(years, PostQualifyingExperience.WholeYears(DateOnly.Parse(qualified), DateOnly.Parse(today)));

    [Fact]
    public void A_qualification_date_in_the_future_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            PostQualifyingExperience.WholeYears(new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 1)));
        Assert.Equal("The qualification date cannot be in the future.", error.Message);
    }

    [Fact]
    public void The_fifth_anniversary_of_29_February_is_28_February()
    {
        Assert.Equal(new DateOnly(2025, 2, 28), PostQualifyingExperience.DateReached(new DateOnly(2020, 2, 29), 5));
        Assert.Equal(new DateOnly(2024, 2, 29), PostQualifyingExperience.DateReached(new DateOnly(2020, 2, 29), 4));
    }

    private static Arbitrary<(DateOnly Qualified, DateOnly Today)> DatePairs() =>
        (from start in Gen.Choose(0, 365 * 60)
         from span in Gen.Choose(0, 365 * 60)
         let qualified = new DateOnly(1960, 1, 1).AddDays(start)
         select (qualified, qualified.AddDays(span))).ToArbitrary();

    [Fact]
    public void Years_never_decrease_as_time_passes() =>
        Prop.ForAll(DatePairs(), pair =>
            PostQualifyingExperience.WholeYears(pair.Qualified, pair.Today)
            <= PostQualifyingExperience.WholeYears(pair.Qualified, pair.Today.AddDays(1))).QuickCheckThrowOnFailure();

    [Fact]
    public void Years_step_up_exactly_on_the_anniversary() =>
        Prop.ForAll(DatePairs(), pair =>
        {
            var years = PostQualifyingExperience.WholeYears(pair.Qualified, pair.Today);
            var next = PostQualifyingExperience.DateReached(pair.Qualified, years + 1);
            return PostQualifyingExperience.DateReached(pair.Qualified, years) <= pair.Today
                   && next > pair.Today
                   && PostQualifyingExperience.WholeYears(pair.Qualified, next) == years + 1
                   && PostQualifyingExperience.WholeYears(pair.Qualified, next.AddDays(-1)) == years;
        }).QuickCheckThrowOnFailure();
}
