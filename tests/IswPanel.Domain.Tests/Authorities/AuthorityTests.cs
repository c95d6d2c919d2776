using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Tests.Authorities;

public sealed class AuthorityTests
{
    [Theory]
    [InlineData("E08000025", true)]
    [InlineData("e10000901", true)]
    [InlineData("W06000015", false)]  // Welsh authorities are out of scope: England only
    [InlineData("E0800002", false)]
    [InlineData("", false)]
    public void Ons_codes_are_E_and_eight_digits(string code, bool valid) => Assert.Equal(valid, Authority.IsValidOnsCode(code));

    [Fact]
    public void An_inspected_authority_needs_an_inspection_date() =>
        Assert.Throws<DomainException>(() => Authority.Create("Northshire", "E10000901", EnglishRegion.NorthWest, OfstedGrade.Good, null, AuthorityContract.Default));

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void The_non_solicitation_period_is_bounded(int months) =>
        Assert.Throws<DomainException>(() => AuthorityContract.Create(months, false, false));

    [Fact]
    public void The_default_non_solicitation_period_is_twelve_months() =>
        Assert.Equal(12, AuthorityContract.Default.NonSolicitationMonths);
}
