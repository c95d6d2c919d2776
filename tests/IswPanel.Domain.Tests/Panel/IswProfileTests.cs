using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Panel;

public sealed class IswProfileTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly Guid Admin = Guid.NewGuid();

    private static IswProfile Applicant() =>
        IswProfile.Create(Guid.NewGuid(), "Amara Okonkwo", "amara@example.com", "SW12345", new DateOnly(2012, 9, 1), SocialWorkBackground.LocalAuthority, Now);

    /// <summary>An applicant under review whose every check passes.</summary>
    private static IswProfile Vetted()
    {
        var member = Applicant();
        member.SubmitForReview(Now, member.UserId);
        member.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!.Verify(Admin, Now, Today);
        member.ProvideEvidence(ComplianceDocumentKind.EnhancedDbs, "001234567890", Today.AddMonths(-6), null, false, null, Now, member.UserId).Verify(Admin, Now, Today);
        member.ProvideEvidence(ComplianceDocumentKind.IndemnityInsurance, "PI-1", Today.AddMonths(-1), Today.AddMonths(11), false, null, Now, member.UserId).Verify(Admin, Now, Today);
        member.ProvideEvidence(ComplianceDocumentKind.RightToWork, "Passport", null, null, false, null, Now, member.UserId).Verify(Admin, Now, Today);
        member.NameReferee("Jo Manager", "jo@council.example.gov.uk", "Eastvale Council", "Team manager", true, null, Now).RecordReceived(Today, Admin);
        member.NameReferee("Sam Colleague", "sam@example.org", "Cafcass", "Colleague", false, null, Now).RecordReceived(Today, Admin);
        member.RecordCheck(VettingCheck.Identity, Admin, Now, "Passport seen");
        member.RecordCheck(VettingCheck.Interview, Admin, Now, null);
        return member;
    }

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
            IswProfile.Create(Guid.NewGuid(), "A Person", "a@example.com", "SW0123", new DateOnly(2012, 1, 1), SocialWorkBackground.Cafcass, Now));
        Assert.Contains("like SW12345", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(IswProfile.SweNumber), error.Field);
    }

    [Fact]
    public void Approval_is_refused_with_every_missing_checks_reason()
    {
        var member = Applicant();
        member.SubmitForReview(Now, member.UserId);

        var error = Assert.Throws<DomainException>(() => member.Approve(member.Vet([], Today), Now, Admin));

        Assert.StartsWith("Approval refused:", error.Message, StringComparison.Ordinal);
        Assert.Contains("has not been verified", error.Message, StringComparison.Ordinal);
        Assert.Contains("No enhanced DBS certificate is recorded.", error.Message, StringComparison.Ordinal);
        Assert.Contains("No interview has been recorded.", error.Message, StringComparison.Ordinal);
        Assert.Equal(PanelMemberStatus.UnderReview, member.Status);
    }

    [Fact]
    public void A_fully_vetted_applicant_is_approved_and_the_history_says_who_when_and_why()
    {
        var member = Vetted();

        member.Approve(member.Vet([], Today), Now, Admin);

        Assert.Equal(PanelMemberStatus.Active, member.Status);
        Assert.Equal(
            [(PanelMemberStatus.Applicant, PanelMemberStatus.UnderReview), (PanelMemberStatus.UnderReview, PanelMemberStatus.Active)],
            member.History.Select(h => (h.From, h.To)));
        Assert.Equal(Admin, member.History[^1].ActorUserId);
        Assert.Equal("Approved: every vetting check passed.", member.History[^1].Reason);
    }

    [Fact]
    public void The_lifecycle_runs_applicant_review_active_suspended_and_back_then_removed()
    {
        var member = Vetted();
        member.Approve(member.Vet([], Today), Now, Admin);
        member.Suspend(SuspensionCause.Administrator, "Complaint under investigation", Now, Admin);
        member.Reinstate("Complaint closed", Now, Admin);
        member.Remove("Left the panel", Now, Admin);

        Assert.Equal(PanelMemberStatus.Removed, member.Status);
        Assert.Equal(5, member.History.Count);
        Assert.Throws<DomainException>(() => member.Reinstate("Again", Now, Admin));
    }

    [Fact]
    public void An_applicant_cannot_be_approved_before_review()
    {
        var member = Applicant();
        var error = Assert.Throws<DomainException>(() => member.Approve(member.Vet([], Today), Now, Admin));
        Assert.Equal("A panel member who is applicant cannot become active.", error.Message);
        Assert.Equal(PanelMemberStatus.Applicant, member.Status);
    }

    [Fact]
    public void Asking_for_more_information_returns_the_application_to_the_applicant_until_they_answer()
    {
        var member = Applicant();
        member.SubmitForReview(Now, member.UserId);

        member.RequestMoreInformation("Upload your insurance schedule.", Now, Admin);
        Assert.Equal(PanelMemberStatus.Applicant, member.Status);
        Assert.Equal("Upload your insurance schedule.", member.InformationRequested);

        member.SubmitForReview(Now, member.UserId, "Insurance schedule uploaded.");
        Assert.Equal(PanelMemberStatus.UnderReview, member.Status);
        Assert.Null(member.InformationRequested);
    }

    [Fact]
    public void Rejection_needs_a_reason() =>
        Assert.Throws<DomainException>(() =>
        {
            var member = Applicant();
            member.SubmitForReview(Now, member.UserId);
            member.Reject(" ", Now, Admin);
        });

    [Fact]
    public void Changing_a_vetted_fact_suspends_an_active_member_until_the_evidence_is_verified_again()
    {
        var member = Vetted();
        member.Approve(member.Vet([], Today), Now, Admin);

        member.ChangeRegistration("SW99999", member.QualifiedOn, Now, member.UserId);

        Assert.Equal(PanelMemberStatus.Suspended, member.Status);
        Assert.Equal(SuspensionCause.Compliance, member.Suspension);
        Assert.False(member.Vet([], Today).CanApprove);
        Assert.False(member.ReinstateIfCompliant(member.Vet([], Today), Now, Admin));

        member.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!.Verify(Admin, Now, Today);
        Assert.True(member.ReinstateIfCompliant(member.Vet([], Today), Now, Admin));
        Assert.Equal(PanelMemberStatus.Active, member.Status);
    }

    [Fact]
    public void New_dbs_details_clear_the_verification_and_suspend_an_active_member()
    {
        var member = Vetted();
        member.Approve(member.Vet([], Today), Now, Admin);

        member.ProvideEvidence(ComplianceDocumentKind.EnhancedDbs, "009876543210", Today.AddDays(-3), null, true, null, Now, member.UserId);

        Assert.False(member.Document(ComplianceDocumentKind.EnhancedDbs)!.IsVerified);
        Assert.Equal(PanelMemberStatus.Suspended, member.Status);
    }

    [Fact]
    public void An_administrators_suspension_is_not_lifted_by_verifying_evidence()
    {
        var member = Vetted();
        member.Approve(member.Vet([], Today), Now, Admin);
        member.Suspend(SuspensionCause.Administrator, "Complaint under investigation", Now, Admin);

        Assert.False(member.ReinstateIfCompliant(member.Vet([], Today), Now, Admin));
        Assert.Equal(PanelMemberStatus.Suspended, member.Status);
    }

    [Fact]
    public void A_dbs_certificate_lasts_three_years_or_a_year_from_each_update_service_check()
    {
        var member = Applicant();
        var plain = member.ProvideEvidence(ComplianceDocumentKind.EnhancedDbs, "001", new DateOnly(2026, 1, 10), null, false, null, Now, member.UserId);
        Assert.Equal(new DateOnly(2029, 1, 9), plain.ExpiresOn);

        plain.Change("001", new DateOnly(2026, 1, 10), null, onUpdateService: true, null);
        Assert.Equal(new DateOnly(2027, 1, 9), plain.ExpiresOn);
        plain.Verify(Admin, Now, Today);
        Assert.Equal(Today.AddYears(1).AddDays(-1), plain.ExpiresOn);
    }

    [Fact]
    public void Overlapping_unavailable_periods_are_refused()
    {
        var member = Applicant();
        var error = Assert.Throws<DomainException>(() => member.SetUnavailability(
        [
            new UnavailablePeriod(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 15), "Leave"),
            new UnavailablePeriod(new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 20), "Training"),
        ]));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
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
