using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Panel;

public sealed class IswProfileTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static IswProfile Applicant() =>
        IswProfile.Create(Guid.NewGuid(), "Amara Okonkwo", "SW12345", new DateOnly(2012, 9, 1), SocialWorkBackground.LocalAuthority, Now);

    [Theory]
    [InlineData("SW1", true)]
    [InlineData("SW12345", true)]
    [InlineData("sw98765", true)]
    [InlineData("SW012345", false)]   // no leading zeros
    [InlineData("SW", false)]
    [InlineData("12345", false)]
    [InlineData("SW12A45", false)]
    [InlineData("", false)]
    public void Social_Work_England_numbers_are_SW_then_digits_without_a_leading_zero(string number, bool valid) =>
        Assert.Equal(valid, IswProfile.IsValidSweNumber(number));

    [Fact]
    public void A_malformed_number_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<DomainException>(() =>
            IswProfile.Create(Guid.NewGuid(), "A Person", "SW0123", new DateOnly(2012, 1, 1), SocialWorkBackground.Cafcass, Now));
        Assert.Contains("like SW12345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lifecycle_runs_applicant_review_active_suspended_and_back()
    {
        var member = Applicant();
        member.SubmitForReview();
        member.Approve();
        member.Suspend();
        member.Reinstate();
        Assert.Equal(PanelMemberStatus.Active, member.Status);
        member.Remove();
        Assert.Equal(PanelMemberStatus.Removed, member.Status);
    }

    [Fact]
    public void An_applicant_cannot_be_approved_before_review()
    {
        var member = Applicant();
        var error = Assert.Throws<DomainException>(member.Approve);
        Assert.Equal("A panel member who is applicant cannot become active.", error.Message);
        Assert.Equal(PanelMemberStatus.Applicant, member.Status);
    }

    [Fact]
    public void A_removed_member_cannot_be_reinstated()
    {
        var member = Applicant();
        member.SubmitForReview();
        member.Approve();
        member.Remove();
        Assert.Throws<DomainException>(member.Reinstate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Capacity_outside_1_to_15_is_refused(int capacity)
    {
        var member = Applicant();
        Assert.Throws<DomainException>(() => member.SetPractice(["parenting"], [], [], ["English"], "M14", 20, capacity, 60m));
    }
}
