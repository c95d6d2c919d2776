using IswPanel.Domain.Common;
using IswPanel.Domain.Shadowing;

namespace IswPanel.Domain.Tests.Shadowing;

/// <summary>Shadowers, nominations with the family's consent, and attended sessions with the per-session cap.</summary>
public sealed class ShadowingTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly Guid Southvale = Guid.NewGuid();
    private static readonly DateTime NominatedAt = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly NominatedOn = new(2026, 11, 2);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTime Now = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);

    private static Shadower Leah(Guid? authority = null) =>
        Shadower.Record(authority ?? Northshire, Guid.NewGuid(), "  Leah Morgan ", ShadowerRole.Asye, " Leah.Morgan@Northshire.gov.uk ", "sw301122",
            NominatedOn, NominatedAt, Guid.NewGuid());

    private static ShadowingNomination Nomination(Shadower? shadower = null) =>
        ShadowingNomination.Nominate(shadower ?? Leah(), Northshire, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            "How contact is observed.", NominatedAt, Guid.NewGuid());

    private static ShadowingNomination Consented(DateOnly on)
    {
        var nomination = Nomination();
        nomination.Accept(NominatedAt.AddHours(3));
        nomination.RecordConsent(true, on, Today, Now);
        return nomination;
    }

    private static ShadowedSession Attend(ShadowingNomination nomination, DateOnly date, IReadOnlyCollection<int>? seats = null, int cap = 1,
        bool isSession = true) =>
        ShadowedSession.Attend(nomination, ShadowerRole.Asye, Guid.NewGuid(), date, 90, isSession, seats ?? [], cap, Now);

    private static string Refusal(Action action) => Assert.Throws<DomainException>(action).Message;

    [Fact]
    public void A_shadower_is_recorded_with_a_trimmed_lower_case_email_and_an_upper_case_registration_number()
    {
        var leah = Leah();

        Assert.Equal("Leah Morgan", leah.FullName);
        Assert.Equal("leah.morgan@northshire.gov.uk", leah.WorkEmail);
        Assert.Equal("SW301122", leah.SocialWorkEnglandNumber);
        Assert.Equal(NominatedOn, leah.StaffSince);
        Assert.Null(leah.LeftOn);
    }

    [Theory]
    [InlineData("", "Enter the practitioner's work email address.")]
    [InlineData("leah.morgan", "Enter an email address in the correct format, like name@example.gov.uk.")]
    [InlineData("leah@localhost", "Enter an email address in the correct format, like name@example.gov.uk.")]
    public void A_bad_work_email_is_refused_on_its_field(string email, string message)
    {
        var refused = Assert.Throws<DomainException>(() => Shadower.NormaliseEmail(email));

        Assert.Equal(message, refused.Message);
        Assert.Equal(nameof(Shadower.WorkEmail), refused.Field);
    }

    [Fact]
    public void A_student_has_no_registration_number_and_a_bad_one_is_refused()
    {
        var student = Shadower.Record(Northshire, Guid.NewGuid(), "Sam Student", ShadowerRole.Student, "sam@northshire.gov.uk", "  ",
            NominatedOn, NominatedAt, Guid.NewGuid());

        Assert.Null(student.SocialWorkEnglandNumber);
        var refused = Assert.Throws<DomainException>(() => Shadower.Record(Northshire, Guid.NewGuid(), "Sam", ShadowerRole.Nqsw,
            "sam@northshire.gov.uk", "SW0123", NominatedOn, NominatedAt, Guid.NewGuid()));
        Assert.Equal(nameof(Shadower.SocialWorkEnglandNumber), refused.Field);
    }

    [Fact]
    public void A_later_nomination_refreshes_the_role_and_keeps_a_known_registration_number_when_none_is_given()
    {
        var leah = Leah();

        leah.Refresh(ShadowerRole.Nqsw, null);

        Assert.Equal(ShadowerRole.Nqsw, leah.Role);
        Assert.Equal("SW301122", leah.SocialWorkEnglandNumber);
        leah.Refresh(ShadowerRole.Nqsw, "sw455");
        Assert.Equal("SW455", leah.SocialWorkEnglandNumber);
    }

    [Fact]
    public void A_practitioner_can_only_shadow_on_their_own_authoritys_assessments()
    {
        Assert.Equal("A practitioner can only shadow on their own authority's assessments.",
            Refusal(() => ShadowingNomination.Nominate(Leah(Southvale), Northshire, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
                "Anything", NominatedAt, Guid.NewGuid())));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void What_they_hope_to_learn_is_required(string? hopes)
    {
        var refused = Assert.Throws<DomainException>(() => ShadowingNomination.Nominate(Leah(), Northshire, Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), hopes, NominatedAt, Guid.NewGuid()));

        Assert.Equal(nameof(ShadowingNomination.HopesToLearn), refused.Field);
    }

    [Fact]
    public void A_decline_needs_a_reason_which_is_kept_and_ends_the_nomination()
    {
        var nomination = Nomination();

        var refused = Assert.Throws<DomainException>(() => nomination.Decline("  ", Now));
        Assert.Equal("Enter why you are declining the nomination.", refused.Message);
        Assert.Equal(NominationStatus.Nominated, nomination.Status);

        nomination.Decline("  The family is not ready for another visitor. ", Now);

        Assert.Equal(NominationStatus.Declined, nomination.Status);
        Assert.Equal("The family is not ready for another visitor.", nomination.DeclineReason);
        Assert.Equal(Now, nomination.DecidedAt);
        Assert.Equal("This nomination is already declined.", Refusal(() => nomination.Accept(Now)));
    }

    [Fact]
    public void A_reason_over_a_thousand_characters_is_refused()
    {
        var nomination = Nomination();

        Assert.Equal("The reason must be 1,000 characters or fewer.", Refusal(() => nomination.Decline(new string('x', 1001), Now)));
    }

    [Fact]
    public void Consent_is_recorded_only_after_the_nomination_is_accepted()
    {
        var nomination = Nomination();

        Assert.Equal("Accept the nomination before recording the family's consent.", Refusal(() => nomination.RecordConsent(true, Today, Today, Now)));
        Assert.Equal(FamilyConsent.NotRecorded, nomination.Consent);
    }

    [Fact]
    public void The_date_of_consent_is_between_the_nomination_and_today()
    {
        var nomination = Nomination();
        nomination.Accept(Now);

        var future = Assert.Throws<DomainException>(() => nomination.RecordConsent(true, Today.AddDays(1), Today, Now));
        Assert.Equal("The date of consent must be today or in the past.", future.Message);
        Assert.Equal(nameof(ShadowingNomination.ConsentDate), future.Field);
        Assert.Equal("The date of consent must be on or after 2 November 2026, when the practitioner was nominated.",
            Refusal(() => nomination.RecordConsent(true, NominatedOn.AddDays(-1), Today, Now)));

        nomination.RecordConsent(true, NominatedOn, Today, Now);
        Assert.Equal((FamilyConsent.Given, NominatedOn), (nomination.Consent, nomination.ConsentDate));
    }

    [Fact]
    public void No_session_is_attended_before_the_nomination_is_accepted_or_without_consent()
    {
        var nominated = Nomination();
        Assert.Equal("The nomination has not been accepted.", Refusal(() => Attend(nominated, Today)));

        var accepted = Nomination();
        accepted.Accept(Now);
        Assert.Equal("The family has not consented to a shadower, so no session can be attended or reflected on.", Refusal(() => Attend(accepted, Today)));

        accepted.RecordConsent(false, Today, Today, Now);
        Assert.Equal(FamilyConsent.Refused, accepted.Consent);
        Assert.Equal("The family has not consented to a shadower, so no session can be attended or reflected on.", Refusal(() => Attend(accepted, Today)));
    }

    [Fact]
    public void A_session_before_the_day_of_consent_cannot_be_attended_and_one_on_that_day_can()
    {
        var consentedOn = new DateOnly(2026, 11, 10);
        var nomination = Consented(consentedOn);

        Assert.Equal("This session was before the family consented on 10 November 2026.", Refusal(() => Attend(nomination, consentedOn.AddDays(-1))));
        var session = Attend(nomination, consentedOn);

        Assert.Equal((consentedOn, 90, 1), (session.SessionDate, session.Minutes, session.Seat));
        Assert.Equal((nomination.Id, nomination.ShadowerId, nomination.AuthorityId), (session.NominationId, session.ShadowerId, session.AuthorityId));
    }

    [Fact]
    public void Only_sessions_with_the_family_can_be_shadowed()
    {
        var nomination = Consented(NominatedOn);

        Assert.StartsWith("Only sessions with the family", Refusal(() => Attend(nomination, Today, isSession: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void With_one_seat_a_second_shadower_is_refused()
    {
        var nomination = Consented(NominatedOn);

        Assert.Equal("This session already has a shadower: the authority allows one per session.", Refusal(() => Attend(nomination, Today, seats: [1])));
    }

    [Fact]
    public void With_two_seats_the_second_shadower_takes_seat_two_and_a_third_is_refused()
    {
        var nomination = Consented(NominatedOn);

        Assert.Equal(2, Attend(nomination, Today, seats: [1], cap: 2).Seat);
        Assert.Equal(1, Attend(nomination, Today, seats: [2], cap: 2).Seat);
        Assert.Equal("This session already has 2 shadowers: the most the authority allows.", Refusal(() => Attend(nomination, Today, seats: [1, 2], cap: 2)));
    }

    [Theory]
    [InlineData(new int[0], 1, 1)]
    [InlineData(new[] { 1 }, 1, null)]
    [InlineData(new[] { 1, 3 }, 3, 2)]
    [InlineData(new[] { 2, 3 }, 3, 1)]
    [InlineData(new[] { 1, 2, 3 }, 3, null)]
    [InlineData(new[] { 4, 5 }, 3, 1)]
    public void The_free_seat_is_the_lowest_untaken_one_within_the_cap(int[] taken, int cap, int? expected) =>
        Assert.Equal(expected, ShadowingCap.FreeSeat(taken, cap));

    [Fact]
    public void A_reflection_needs_text_and_consent_that_still_stands()
    {
        var nomination = Consented(NominatedOn);
        var session = Attend(nomination, Today);

        var empty = Assert.Throws<DomainException>(() => session.Reflect(nomination, " ", Now));
        Assert.Equal(("Enter your reflection.", nameof(ShadowedSession.Reflection)), (empty.Message, empty.Field));
        Assert.Equal("The reflection must be 4,000 characters or fewer.", Refusal(() => session.Reflect(nomination, new string('x', 4001), Now)));

        session.Reflect(nomination, " I learned to watch the child's play. ", Now);
        Assert.Equal("I learned to watch the child's play.", session.Reflection);

        // The family withdraws consent: no further reflection.
        nomination.RecordConsent(false, Today, Today, Now);
        Assert.Equal("The family has not consented to a shadower, so no session can be attended or reflected on.",
            Refusal(() => session.Reflect(nomination, "More.", Now)));
        Assert.Equal("I learned to watch the child's play.", session.Reflection);
    }

    [Fact]
    public void A_reflection_belongs_to_the_nomination_the_session_was_attended_under()
    {
        var nomination = Consented(NominatedOn);
        var session = Attend(nomination, Today);
        var other = Consented(NominatedOn);

        Assert.Equal("This session belongs to another nomination.", Refusal(() => session.Reflect(other, "Mine?", Now)));
    }

    [Fact]
    public void The_isw_comments_only_once_there_is_a_reflection()
    {
        var nomination = Consented(NominatedOn);
        var session = Attend(nomination, Today);

        Assert.Equal("The shadower has not written a reflection on this session yet.", Refusal(() => session.Comment("Well done.", Now)));
        session.Reflect(nomination, "Reflection.", Now);
        Assert.Equal("Enter your comment.", Refusal(() => session.Comment("", Now)));
        session.Comment(" Well done. ", Now);

        Assert.Equal(("Well done.", Now), (session.IswComment, session.IswCommentedAt));
    }

    [Fact]
    public void A_withdrawn_nomination_stays_withdrawn_and_a_declined_one_is_not_withdrawn()
    {
        var withdrawn = Nomination();
        withdrawn.Withdraw("Left the authority.", Now);
        withdrawn.Withdraw("Again.", Now.AddDays(1));
        Assert.Equal((NominationStatus.Withdrawn, "Left the authority."), (withdrawn.Status, withdrawn.DeclineReason));

        var declined = Nomination();
        declined.Decline("Not now.", Now);
        declined.Withdraw("Too late.", Now);
        Assert.Equal((NominationStatus.Declined, "Not now."), (declined.Status, declined.DeclineReason));
    }
}
