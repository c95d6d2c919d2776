using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Tests.Assessments;

public sealed class AssessmentRequestTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static RequestDetails Details(string initials = "J.S.") => new(Guid.NewGuid(), "NS-1", initials, [new RequestParty("Mother", "K.L.")],
        ForCourt: true, "Family Court at Newcastle", "NE26C00001", new DateOnly(2027, 3, 1), "NE1", null, false, [], 60, null, null);

    private static AssessmentRequest Draft(string initials = "J.S.") => AssessmentRequest.CreateDraft(Guid.NewGuid(), Details(initials), Guid.NewGuid(), Now);

    private static void Submit(AssessmentRequest request) => request.Submit([new PlannedMilestone("Release by", new DateOnly(2027, 2, 25))], false, 0, Now);

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
        Submit(request);
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
    public void Every_change_of_state_changes_the_concurrency_token()
    {
        var request = Draft();
        var draft = request.Version;
        Submit(request);
        var submitted = request.Version;
        request.MarkOffered(Now);
        Assert.NotEqual(draft, submitted);
        Assert.NotEqual(submitted, request.Version);
    }

    [Fact]
    public void A_submitted_request_cannot_be_changed_and_a_delivered_one_cannot_be_cancelled()
    {
        var request = Draft();
        Submit(request);
        Assert.Throws<DomainException>(() => request.UpdateDraft(Details(), Now));
        request.MarkOffered(Now);
        request.Assign(Guid.NewGuid(), Now);
        request.MoveTo(AssessmentRequestStatus.InProgress, Now);
        request.MoveTo(AssessmentRequestStatus.InQa, Now);
        request.MoveTo(AssessmentRequestStatus.Delivered, Now);
        var error = Assert.Throws<DomainException>(() => request.Cancel(Now));
        Assert.Equal("A request that is delivered can no longer be cancelled.", error.Message);
    }

    [Fact]
    public void A_court_request_needs_the_court_or_its_case_number() =>
        Assert.Equal(nameof(AssessmentRequest.CourtName), Assert.Throws<DomainException>(() =>
            AssessmentRequest.CreateDraft(Guid.NewGuid(), Details() with { CourtName = null, CourtCaseNumber = " " }, Guid.NewGuid(), Now)).Field);

    [Fact]
    public void A_second_assignment_is_refused()
    {
        var request = Draft();
        Submit(request);
        request.MoveTo(AssessmentRequestStatus.Offered, Now);
        request.Assign(Guid.NewGuid(), Now);
        Assert.Throws<DomainException>(() => request.Assign(Guid.NewGuid(), Now));
    }
}
