using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Panel;

public sealed class NonSolicitationTests
{
    private static readonly DateOnly Today = new(2027, 5, 14);
    private static readonly Guid NorthshireId = Guid.NewGuid();
    private static readonly Guid SouthvaleId = Guid.NewGuid();
    private static readonly Guid NotAClientId = Guid.NewGuid();

    private static ClientAuthorityTerms Northshire(int months = 12, bool waiversAllowed = false) =>
        new(NorthshireId, "Northshire County Council", months, waiversAllowed);

    private static ClientAuthorityTerms Southvale(int months = 12, bool waiversAllowed = false) =>
        new(SouthvaleId, "Southvale Borough Council", months, waiversAllowed);

    private static EmploymentSpell Permanent(Guid? authorityId, DateOnly? endedOn) =>
        new(authorityId, EmploymentKind.Permanent, new DateOnly(2015, 9, 1), endedOn);

    private static NonSolicitationWaiver Waiver(Guid authorityId) =>
        new(authorityId, "Director of Children's Services", new DateOnly(2027, 4, 1), "NS-WAIVER-17");

    private static bool Conflicted(EmploymentSpell spell, ClientAuthorityTerms terms, DateOnly today) =>
        NonSolicitation.IsConflictedWith(terms.AuthorityId, [spell], [terms], today);

    [Fact]
    public void Someone_who_left_exactly_the_period_ago_is_free()
    {
        var spell = Permanent(NorthshireId, Today.AddMonths(-12));
        Assert.Empty(NonSolicitation.Conflicts([spell], [Northshire()], Today));
        Assert.False(Conflicted(spell, Northshire(), Today));
    }

    [Fact]
    public void Someone_who_left_one_day_inside_the_period_is_conflicted_until_the_anniversary()
    {
        var leftOn = Today.AddMonths(-12).AddDays(1);
        var conflict = Assert.Single(NonSolicitation.Conflicts([Permanent(NorthshireId, leftOn)], [Northshire()], Today));
        Assert.Equal(NorthshireId, conflict.AuthorityId);
        Assert.Equal("Northshire County Council", conflict.AuthorityName);
        Assert.Equal(new DateOnly(2027, 5, 15), conflict.Until);
        Assert.Equal(
            "Permanent employee of Northshire County Council until 15 May 2026; non-solicitation applies until 15 May 2027 (free from that date).",
            conflict.Reason);
    }

    [Fact]
    public void Someone_who_left_one_day_outside_the_period_is_free() =>
        Assert.False(Conflicted(Permanent(NorthshireId, Today.AddMonths(-12).AddDays(-1)), Northshire(), Today));

    [Fact]
    public void The_restriction_ends_on_the_leaving_date_plus_the_period()
    {
        var spell = Permanent(NorthshireId, new DateOnly(2026, 5, 14));
        Assert.True(Conflicted(spell, Northshire(), new DateOnly(2027, 5, 13)));
        Assert.False(Conflicted(spell, Northshire(), new DateOnly(2027, 5, 14)));
        Assert.Equal(new DateOnly(2027, 5, 14), NonSolicitation.FreeFrom(new DateOnly(2026, 5, 14), 12));
    }

    [Fact]
    public void Ongoing_permanent_employment_conflicts_with_no_end_date()
    {
        var conflict = Assert.Single(NonSolicitation.Conflicts([Permanent(NorthshireId, null)], [Northshire()], Today));
        Assert.Null(conflict.Until);
        Assert.Equal("Currently a permanent employee of Northshire County Council.", conflict.Reason);
    }

    [Fact]
    public void Employment_ending_in_the_future_conflicts_until_the_period_after_it()
    {
        var conflict = Assert.Single(NonSolicitation.Conflicts([Permanent(NorthshireId, new DateOnly(2027, 6, 30))], [Northshire()], Today));
        Assert.Equal(new DateOnly(2028, 6, 30), conflict.Until);
    }

    [Fact]
    public void Agency_or_locum_work_at_a_client_authority_never_conflicts()
    {
        EmploymentSpell[] history =
        [
            new(NorthshireId, EmploymentKind.AgencyOrLocum, new DateOnly(2020, 1, 1), null),
            new(NorthshireId, EmploymentKind.AgencyOrLocum, new DateOnly(2019, 1, 1), Today.AddDays(-1)),
        ];
        Assert.Empty(NonSolicitation.Conflicts(history, [Northshire()], Today));
        Assert.Empty(NonSolicitation.ApprovalBlocks(history, [Northshire()], [], Today));
    }

    [Fact]
    public void Permanent_work_for_an_employer_that_is_not_a_client_never_conflicts()
    {
        EmploymentSpell[] history = [Permanent(NotAClientId, null), Permanent(null, Today.AddDays(-1))];
        Assert.Empty(NonSolicitation.Conflicts(history, [Northshire(), Southvale()], Today));
        Assert.False(NonSolicitation.IsConflictedWith(NotAClientId, history, [Northshire(), Southvale()], Today));
        Assert.Empty(NonSolicitation.ApprovalBlocks(history, [Northshire(), Southvale()], [], Today));
    }

    [Fact]
    public void With_several_spells_at_one_authority_the_latest_end_wins()
    {
        EmploymentSpell[] history =
        [
            Permanent(NorthshireId, new DateOnly(2026, 9, 30)),
            Permanent(NorthshireId, new DateOnly(2020, 1, 31)),
        ];
        var conflict = Assert.Single(NonSolicitation.Conflicts(history, [Northshire()], Today));
        Assert.Equal(new DateOnly(2027, 9, 30), conflict.Until);
    }

    [Fact]
    public void Any_ongoing_spell_at_an_authority_outweighs_ended_ones()
    {
        EmploymentSpell[] history = [Permanent(NorthshireId, new DateOnly(2020, 1, 31)), Permanent(NorthshireId, null)];
        Assert.Null(Assert.Single(NonSolicitation.Conflicts(history, [Northshire()], Today)).Until);
    }

    [Fact]
    public void A_conflict_is_reported_per_client_authority()
    {
        EmploymentSpell[] history =
        [
            Permanent(NorthshireId, new DateOnly(2026, 10, 1)),
            Permanent(SouthvaleId, null),
            Permanent(NotAClientId, null),
        ];
        var conflicts = NonSolicitation.Conflicts(history, [Northshire(), Southvale()], Today);
        Assert.Collection(conflicts,
            northshire =>
            {
                Assert.Equal(NorthshireId, northshire.AuthorityId);
                Assert.Equal(new DateOnly(2027, 10, 1), northshire.Until);
            },
            southvale =>
            {
                Assert.Equal(SouthvaleId, southvale.AuthorityId);
                Assert.Null(southvale.Until);
            });
        Assert.True(NonSolicitation.IsConflictedWith(NorthshireId, history, [Northshire(), Southvale()], Today));
        Assert.True(NonSolicitation.IsConflictedWith(SouthvaleId, history, [Northshire(), Southvale()], Today));
    }

    [Fact]
    public void A_person_is_conflicted_only_with_the_authority_that_employed_them()
    {
        EmploymentSpell[] history = [Permanent(NorthshireId, new DateOnly(2026, 10, 1))];
        Assert.True(NonSolicitation.IsConflictedWith(NorthshireId, history, [Northshire(), Southvale()], Today));
        Assert.False(NonSolicitation.IsConflictedWith(SouthvaleId, history, [Northshire(), Southvale()], Today));
    }

    [Fact]
    public void Each_authority_applies_its_own_period()
    {
        var leftOn = new DateOnly(2026, 11, 14);   // six months before today
        EmploymentSpell[] history = [Permanent(NorthshireId, leftOn), Permanent(SouthvaleId, leftOn)];
        var conflict = Assert.Single(NonSolicitation.Conflicts(history, [Northshire(months: 6), Southvale(months: 7)], Today));
        Assert.Equal(SouthvaleId, conflict.AuthorityId);
        Assert.Equal(new DateOnly(2027, 6, 14), conflict.Until);
    }

    [Fact]
    public void A_zero_month_period_means_no_restriction_after_leaving()
    {
        var terms = Northshire(months: 0);
        Assert.False(Conflicted(Permanent(NorthshireId, Today.AddDays(-1)), terms, Today));
        Assert.True(Conflicted(Permanent(NorthshireId, null), terms, Today));
    }

    [Fact]
    public void A_zero_month_period_still_restricts_while_the_person_is_employed()
    {
        var conflict = Assert.Single(NonSolicitation.Conflicts([Permanent(NorthshireId, Today)], [Northshire(months: 0)], Today));
        Assert.Equal(Today.AddDays(1), conflict.Until);
        Assert.Equal(
            "Permanent employee of Northshire County Council until 14 May 2027; the contract sets no non-solicitation period after leaving.",
            conflict.Reason);
    }

    [Theory]
    [InlineData("2027-01-31", "2027-02-27", true)]
    [InlineData("2027-01-31", "2027-02-28", false)]   // 31 January + 1 month is 28 February in a common year
    [InlineData("2028-01-31", "2028-02-28", true)]
    [InlineData("2028-01-31", "2028-02-29", false)]   // and 29 February in a leap year
    [InlineData("2027-03-31", "2027-04-30", false)]
    [InlineData("2027-03-31", "2027-04-29", true)]
    public void Month_end_leaving_dates_end_the_restriction_on_the_last_day_of_the_next_short_month(string leftOn, string today, bool conflicted) =>
        Assert.Equal(conflicted, Conflicted(Permanent(NorthshireId, DateOnly.Parse(leftOn)), Northshire(months: 1), DateOnly.Parse(today)));

    [Fact]
    public void A_recorded_waiver_lifts_the_block_where_the_contract_allows_waivers()
    {
        EmploymentSpell[] history = [Permanent(NorthshireId, new DateOnly(2026, 10, 1))];
        ClientAuthorityTerms[] clients = [Northshire(waiversAllowed: true)];

        Assert.Empty(NonSolicitation.ApprovalBlocks(history, clients, [Waiver(NorthshireId)], Today));
        // Waived for approval, but the ISW is still never matched to that authority within the period.
        Assert.True(NonSolicitation.IsConflictedWith(NorthshireId, history, clients, Today));
    }

    [Fact]
    public void Without_a_recorded_waiver_the_conflict_blocks_approval_even_where_waivers_are_allowed()
    {
        EmploymentSpell[] history = [Permanent(NorthshireId, new DateOnly(2026, 10, 1))];
        var block = Assert.Single(NonSolicitation.ApprovalBlocks(history, [Northshire(waiversAllowed: true)], [Waiver(SouthvaleId)], Today));
        Assert.Equal(NorthshireId, block.AuthorityId);
        Assert.Equal(
            "Permanent employee of Northshire County Council until 1 October 2026; non-solicitation applies until 1 October 2027 (free from that date). "
            + "Northshire County Council's contract allows a written waiver, but none is recorded.",
            block.Reason);
    }

    [Fact]
    public void A_waiver_recorded_where_the_contract_does_not_allow_waivers_does_not_lift_the_block()
    {
        EmploymentSpell[] history = [Permanent(NorthshireId, null)];
        var block = Assert.Single(NonSolicitation.ApprovalBlocks(history, [Northshire(waiversAllowed: false)], [Waiver(NorthshireId)], Today));
        Assert.Equal(
            "Currently a permanent employee of Northshire County Council. A waiver is recorded (reference NS-WAIVER-17), "
            + "but Northshire County Council's contract does not allow waivers, so it does not lift the restriction.",
            block.Reason);
    }

    [Fact]
    public void Without_waivers_allowed_or_recorded_the_block_says_the_contract_does_not_allow_them()
    {
        var block = Assert.Single(NonSolicitation.ApprovalBlocks([Permanent(NorthshireId, null)], [Northshire()], [], Today));
        Assert.EndsWith("Northshire County Council's contract does not allow waivers.", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_waiver_lifts_the_block_only_for_its_own_authority()
    {
        EmploymentSpell[] history = [Permanent(NorthshireId, null), Permanent(SouthvaleId, null)];
        ClientAuthorityTerms[] clients = [Northshire(waiversAllowed: true), Southvale(waiversAllowed: true)];
        var block = Assert.Single(NonSolicitation.ApprovalBlocks(history, clients, [Waiver(NorthshireId)], Today));
        Assert.Equal(SouthvaleId, block.AuthorityId);
    }

    [Fact]
    public void Spells_and_terms_are_built_from_the_entities()
    {
        var record = EmploymentRecord.Create(Guid.NewGuid(), NorthshireId, "Northshire County Council", "Senior social worker",
            EmploymentKind.Permanent, new DateOnly(2018, 4, 1), new DateOnly(2026, 10, 1));
        Assert.Equal(new EmploymentSpell(NorthshireId, EmploymentKind.Permanent, new DateOnly(2018, 4, 1), new DateOnly(2026, 10, 1)),
            EmploymentSpell.From(record));

        var authority = Authority.Create("Northshire County Council", "E10000901", EnglishRegion.NorthWest, OfstedGrade.NotYetInspected, null,
            AuthorityContract.Create(18, true, false));
        Assert.Equal(new ClientAuthorityTerms(authority.Id, "Northshire County Council", 18, true), ClientAuthorityTerms.From(authority));
    }

    [Fact]
    public void Invalid_inputs_are_refused()
    {
        Assert.Equal("The end date must be on or after the start date.", Assert.Throws<DomainException>(() =>
            new EmploymentSpell(NorthshireId, EmploymentKind.Permanent, new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1))).Message);
        Assert.Throws<DomainException>(() => Northshire(months: -1));
        Assert.Throws<DomainException>(() => Northshire(months: AuthorityContract.MaxNonSolicitationMonths + 1));
        Assert.Throws<DomainException>(() => new NonSolicitationWaiver(NorthshireId, " ", Today, "REF"));
        Assert.Throws<DomainException>(() => new NonSolicitationWaiver(NorthshireId, "Director", Today, ""));
    }

    private static Arbitrary<(EmploymentSpell[] History, ClientAuthorityTerms[] Clients, DateOnly Day, int Later)> Scenarios()
    {
        var authorities = Gen.Elements<Guid?>(NorthshireId, SouthvaleId, NotAClientId, null);
        var spells =
            from authority in authorities
            from kind in Gen.Elements(EmploymentKind.Permanent, EmploymentKind.AgencyOrLocum)
            from start in Gen.Choose(0, 365 * 20)
            from length in Gen.Choose(0, 365 * 10)
            from ongoing in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
            let startedOn = new DateOnly(2005, 1, 1).AddDays(start)
            select new EmploymentSpell(authority, kind, startedOn, ongoing ? null : startedOn.AddDays(length));
        return (from history in Gen.ArrayOf(spells)
                from northshireMonths in Gen.Choose(0, AuthorityContract.MaxNonSolicitationMonths)
                from southvaleMonths in Gen.Choose(0, AuthorityContract.MaxNonSolicitationMonths)
                from day in Gen.Choose(0, 365 * 40)
                from later in Gen.Choose(1, 365 * 6)
                select (history, new[] { Northshire(northshireMonths), Southvale(southvaleMonths) }, new DateOnly(2005, 1, 1).AddDays(day), later))
            .ToArbitrary();
    }

    [Fact]
    public void Once_free_of_an_authority_a_person_stays_free_on_every_later_date() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            foreach (var terms in scenario.Clients)
            {
                if (!NonSolicitation.IsConflictedWith(terms.AuthorityId, scenario.History, scenario.Clients, scenario.Day)
                    && NonSolicitation.IsConflictedWith(terms.AuthorityId, scenario.History, scenario.Clients, scenario.Day.AddDays(scenario.Later)))
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_conflict_always_ends_on_its_until_date_and_no_earlier() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            foreach (var conflict in NonSolicitation.Conflicts(scenario.History, scenario.Clients, scenario.Day))
            {
                if (conflict.Until is not { } until) continue;
                if (until <= scenario.Day) return false;
                if (!NonSolicitation.IsConflictedWith(conflict.AuthorityId, scenario.History, scenario.Clients, until.AddDays(-1))) return false;
                if (NonSolicitation.IsConflictedWith(conflict.AuthorityId, scenario.History, scenario.Clients, until)) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
}
