using IswPanel.Domain.Shadowing;

namespace IswPanel.Domain.Tests.Shadowing;

public sealed class ShadowingTimeTests
{
    [Theory]
    [InlineData(0, "0 minutes")]
    [InlineData(1, "1 minute")]
    [InlineData(45, "45 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(61, "1 hour 1 minute")]
    [InlineData(165, "2 hours 45 minutes")]
    [InlineData(600, "10 hours")]
    public void Minutes_read_as_hours_and_minutes(int minutes, string expected) =>
        Assert.Equal(expected, ShadowingTime.Describe(minutes));

    [Fact]
    public void Negative_time_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShadowingTime.Describe(-1));

    [Theory]
    [InlineData(165, 2.75)]
    [InlineData(50, 0.83)]
    [InlineData(0, 0)]
    public void Decimal_hours_are_rounded_to_two_places(int minutes, double expected) =>
        Assert.Equal((decimal)expected, ShadowingTime.Hours(minutes));

    [Fact]
    public void A_day_belongs_to_the_month_that_starts_on_the_first() =>
        Assert.Equal(new DateOnly(2026, 2, 1), ShadowingTime.MonthOf(new DateOnly(2026, 2, 28)));
}
