using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Tests.Assessments;

public sealed class AssessmentRequestTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AssessmentRequest Draft(string initials = "J.S.") =>
        AssessmentRequest.CreateDraft(Guid.NewGuid(), Guid.NewGuid(), "NS-1", initials, new DateOnly(2027, 3, 1), "NE1", Guid.NewGuid(), Now);

    [Theory]
    [InlineData("J.S.")]
    [InlineData("JS")]
    [InlineData("j s")]
    [InlineData("ABCD")]
    public void Initials_are_accepted(string initials) => Assert.Equal(initials.Trim().ToUpperInvariant(), Draft(initials).ChildInitials);

    [Theory]
    [InlineData("John Smith")]
    [InlineData("ABCDE")]
    [InlineData("")]
    [InlineData("J1")]
    public void A_full_name_or_anything_but_initials_is_refused(string initials) =>
        Assert.Throws<DomainException>(() => Draft(initials));

    [Fact]
    public void A_request_moves_from_draft_to_assignment_along_the_allowed_path()
    {
        var request = Draft();
        var isw = Guid.NewGuid();
        request.Submit(Now);
        request.MoveTo(AssessmentRequestStatus.Offered, Now);
        request.Assign(isw, Now);
        Assert.Equal(AssessmentRequestStatus.Assigned, request.Status);
        Assert.Equal(isw, request.AssignedIswId);
    }

    [Fact]
    public void A_draft_cannot_jump_to_delivered()
    {
        var request = Draft();
        var error = Assert.Throws<DomainException>(() => request.MoveTo(AssessmentRequestStatus.Delivered, Now));
        Assert.Equal("A request that is draft cannot become delivered.", error.Message);
    }

    [Fact]
    public void Nothing_leaves_a_closed_or_cancelled_request()
    {
        foreach (var end in new[] { AssessmentRequestStatus.Closed, AssessmentRequestStatus.Cancelled })
            foreach (var next in Enum.GetValues<AssessmentRequestStatus>())
                Assert.False(AssessmentRequestStatusRules.CanMove(end, next));
    }

    [Fact]
    public void A_second_assignment_is_refused()
    {
        var request = Draft();
        request.Submit(Now);
        request.MoveTo(AssessmentRequestStatus.Offered, Now);
        request.Assign(Guid.NewGuid(), Now);
        Assert.Throws<DomainException>(() => request.Assign(Guid.NewGuid(), Now));
    }
}
