using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;

namespace IswPanel.Domain.Tests.Shadowing;

public sealed class ShadowerLinksTests
{
    private static readonly Guid NorthshireId = Guid.NewGuid();
    private static readonly DateOnly Recorded = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static ClientAuthorityTerms Northshire(int months = 12, bool waiversAllowed = false) =>
        new(NorthshireId, "Northshire County Council", months, waiversAllowed);

    private static Shadower Shadower(string name = "Sam O'Neill", string? sweNumber = "SW123456") =>
        Domain.Shadowing.Shadower.Record(NorthshireId, Guid.NewGuid(), name, ShadowerRole.Asye, "sam.oneill@northshire.gov.uk", sweNumber,
            Recorded, Now, Guid.NewGuid());

    [Fact]
    public void The_same_registration_number_links_whatever_the_case_or_spacing()
    {
        var profile = Guid.NewGuid();

        Assert.Equal(ShadowerLinkKind.SameRegistration, ShadowerLinks.Classify(Shadower(), profile, " sw123456 ", "Someone Else"));
        Assert.True(ShadowerLinkKind.SameRegistration.Binds());
    }

    [Fact]
    public void A_different_number_with_the_same_name_is_only_a_possible_link()
    {
        var kind = ShadowerLinks.Classify(Shadower("Sam O'Neill"), Guid.NewGuid(), "SW999", "sam  o'neill");

        Assert.Equal(ShadowerLinkKind.PossibleByName, kind);
        Assert.False(kind.Binds());
    }

    [Fact]
    public void Names_ignore_case_spacing_hyphens_and_dots_but_not_letters()
    {
        Assert.True(ShadowerLinks.SameName("Mary-Jane O.Brien", "mary jane o brien"));
        Assert.False(ShadowerLinks.SameName("Mary Jane", "Mary Janet"));
        Assert.False(ShadowerLinks.SameName("", ""));
        Assert.False(ShadowerLinks.SameName("!!!", "???"));
    }

    [Fact]
    public void A_student_without_a_number_never_links_by_number()
    {
        var student = Shadower(sweNumber: null);

        Assert.Equal(ShadowerLinkKind.None, ShadowerLinks.Classify(student, Guid.NewGuid(), "SW123456", "Someone Else"));
        Assert.False(ShadowerLinks.SameRegistration(null, null));
    }

    [Fact]
    public void A_confirmed_applicant_is_linked_and_another_applicant_with_the_name_stays_possible()
    {
        var shadower = Shadower();
        var confirmed = Guid.NewGuid();
        shadower.ConfirmSamePersonAs(confirmed);

        Assert.Equal(ShadowerLinkKind.Confirmed, ShadowerLinks.Classify(shadower, confirmed, "SW1", "Other Name"));
        Assert.Equal(ShadowerLinkKind.PossibleByName, ShadowerLinks.Classify(shadower, Guid.NewGuid(), "SW1", "Sam O'Neill"));
    }

    [Fact]
    public void A_shadower_still_employed_is_restricted_and_the_description_says_so()
    {
        var shadower = Shadower();
        var today = new DateOnly(2026, 12, 1);

        var restriction = ShadowerLinks.Restriction(shadower, Northshire(), today);

        Assert.NotNull(restriction);
        Assert.Null(restriction.Until);
        Assert.Equal("Recorded as Northshire County Council's ASYE social worker since 1 March 2026 by a shadowing nomination — " +
            "non-solicitation applies while they work there and for 12 months after they leave.",
            ShadowerLinks.Describe(shadower, Northshire(), today));
    }

    [Fact]
    public void After_leaving_the_restriction_lasts_the_contract_period_and_then_ends()
    {
        var shadower = Shadower();
        shadower.RecordLeaving(new DateOnly(2026, 6, 30));

        var inside = new DateOnly(2027, 6, 29);
        var free = new DateOnly(2027, 6, 30);

        Assert.Equal(free, ShadowerLinks.Restriction(shadower, Northshire(), inside)?.Until);
        Assert.Null(ShadowerLinks.Restriction(shadower, Northshire(), free));
        Assert.EndsWith("their last day was 30 June 2026 — non-solicitation applies until 30 June 2027 (free from that date).",
            ShadowerLinks.Describe(shadower, Northshire(), inside), StringComparison.Ordinal);
        Assert.EndsWith("— non-solicitation ended on 30 June 2027.", ShadowerLinks.Describe(shadower, Northshire(), free), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_authoritys_terms_never_restrict()
    {
        var other = new ClientAuthorityTerms(Guid.NewGuid(), "Southborough City Council", 12, false);

        Assert.Null(ShadowerLinks.Restriction(Shadower(), other, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Vetting_counts_employment_recorded_elsewhere_and_a_waiver_still_lifts_it_where_allowed()
    {
        var profile = IswProfile.Create(Guid.NewGuid(), "Sam O'Neill", "sam@example.com", "SW123456", new DateOnly(2012, 9, 1),
            SocialWorkBackground.LocalAuthority, Now);
        var today = new DateOnly(2026, 12, 1);
        IReadOnlyList<EmploymentSpell> shadowing = [Shadower().AsEmploymentSpell()];

        Assert.Empty(profile.VettingFacts([Northshire()], today).NonSolicitationBlocks);
        var blocked = profile.VettingFacts([Northshire()], today, shadowing).NonSolicitationBlocks;
        Assert.Equal(NorthshireId, Assert.Single(blocked).AuthorityId);
        Assert.Contains(profile.Vet([Northshire()], today, shadowing).Outcomes,
            o => o.Check == VettingCheck.NonSolicitation && !o.Passed);

        profile.RecordWaiver(Northshire(waiversAllowed: true), "Director of Children's Services", today, "NS-W-1", null, Guid.NewGuid(), Now, today);
        Assert.Empty(profile.VettingFacts([Northshire(waiversAllowed: true)], today, shadowing).NonSolicitationBlocks);
        Assert.Single(profile.VettingFacts([Northshire(waiversAllowed: false)], today, shadowing).NonSolicitationBlocks);
    }
}
