using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using static IswPanel.Domain.Panel.PanelMemberStatus;

namespace IswPanel.Domain.Tests.Panel;

public sealed class MembershipTransitionTests
{
    private static readonly DateTime At = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Admin = Guid.NewGuid();

    /// <summary>The lifecycle, written out independently of the rule under test.</summary>
    private static readonly HashSet<(PanelMemberStatus From, PanelMemberStatus To)> Allowed =
    [
        (Applicant, UnderReview),
        (UnderReview, Active),
        (UnderReview, Rejected),
        (UnderReview, Applicant),   // more information requested
        (Active, Suspended),
        (Suspended, Active),
        (Active, Removed),
        (Suspended, Removed),
    ];

    public static TheoryData<PanelMemberStatus, PanelMemberStatus> EveryPair()
    {
        var pairs = new TheoryData<PanelMemberStatus, PanelMemberStatus>();
        foreach (var from in Enum.GetValues<PanelMemberStatus>())
        {
            foreach (var to in Enum.GetValues<PanelMemberStatus>()) pairs.Add(from, to);
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_of_statuses_is_allowed_or_refused_as_the_lifecycle_says(PanelMemberStatus from, PanelMemberStatus to)
    {
        if (Allowed.Contains((from, to)))
        {
            var transition = MembershipTransition.Record(from, to, At, Admin, "Reason given");
            Assert.Equal(from, transition.From);
            Assert.Equal(to, transition.To);
            Assert.True(MembershipTransitions.IsAllowed(from, to));
            Assert.Null(MembershipTransitions.RefusalReason(from, to));
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => MembershipTransition.Record(from, to, At, Admin, "Reason given"));
            var expected = from == to
                ? $"A panel member who is {Words(from)} is already {Words(to)}."
                : $"A panel member who is {Words(from)} cannot become {Words(to)}.";
            Assert.Equal(expected, error.Message);
            Assert.Equal(expected, MembershipTransitions.RefusalReason(from, to));
            Assert.False(MembershipTransitions.IsAllowed(from, to));
        }
    }

    private static string Words(PanelMemberStatus status) => status.DisplayName().ToLowerInvariant();

    [Fact]
    public void Every_pair_is_covered() => Assert.Equal(36, EveryPair().Count);

    [Theory]
    [InlineData(Applicant, Active, "A panel member who is applicant cannot become active.")]
    [InlineData(Rejected, UnderReview, "A panel member who is rejected cannot become under review.")]
    [InlineData(Removed, Active, "A panel member who is removed cannot become active.")]
    [InlineData(Suspended, Suspended, "A panel member who is suspended is already suspended.")]
    public void Refusals_read_as_sentences(PanelMemberStatus from, PanelMemberStatus to, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(() => MembershipTransitions.EnsureAllowed(from, to)).Message);

    [Fact]
    public void The_refusal_matches_the_profiles_own_message()
    {
        var profile = IswProfile.Create(Guid.NewGuid(), "Amara Okonkwo", "amara@example.com", "SW12345", new DateOnly(2012, 9, 1),
            SocialWorkBackground.LocalAuthority, At);
        var fromProfile = Assert.Throws<DomainException>(() => profile.Approve(profile.Vet([], DateOnly.FromDateTime(At)), At, Guid.NewGuid())).Message;
        Assert.Equal(fromProfile, MembershipTransitions.RefusalReason(profile.Status, Active));
    }

    [Fact]
    public void Removed_and_rejected_are_final()
    {
        foreach (var to in Enum.GetValues<PanelMemberStatus>())
        {
            Assert.False(MembershipTransitions.IsAllowed(Removed, to));
            Assert.False(MembershipTransitions.IsAllowed(Rejected, to));
        }
    }

    [Fact]
    public void A_transition_keeps_who_when_and_why()
    {
        var transition = MembershipTransition.Record(Active, Suspended, At, null, "  DBS certificate lapsed on 2 January 2026.  ");
        Assert.Equal(new MembershipTransition(Active, Suspended, At, null, "DBS certificate lapsed on 2 January 2026."), transition);
        Assert.Null(transition.ActorUserId);   // the system suspended automatically
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_transition_needs_a_reason(string reason)
    {
        var error = Assert.Throws<DomainException>(() => MembershipTransition.Record(Applicant, UnderReview, At, Admin, reason));
        Assert.Equal("Enter a reason for the change.", error.Message);
    }
}
