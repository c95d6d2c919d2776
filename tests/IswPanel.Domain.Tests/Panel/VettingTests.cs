using FsCheck;
using FsCheck.Fluent;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Panel;

public sealed class VettingTests
{
    private static readonly DateOnly Today = new(2026, 12, 15);
    private static readonly Guid Admin = Guid.NewGuid();

    private static RecordedCheck By(int year, int month, int day) => new(Admin, new DateTime(year, month, day, 10, 30, 0, DateTimeKind.Utc));

    private static readonly ReferenceFacts RecentSocialWorkReference = new("Jo Bloggs", FromSocialWorkEmployer: true, RecentEmployment: true, new DateOnly(2026, 11, 20));
    private static readonly ReferenceFacts CharacterReference = new("Sam Lee", FromSocialWorkEmployer: false, RecentEmployment: false, new DateOnly(2026, 11, 25));

    /// <summary>An applicant who passes every check on <see cref="Today"/>.</summary>
    private static VettingFacts Eligible() => new(
        QualifiedOn: new DateOnly(2012, 9, 1),
        Registration: new RegistrationFacts("SW12345", By(2026, 12, 2)),
        Dbs: new DbsFacts("001234567890", new DateOnly(2026, 3, 1), OnUpdateService: true, By(2026, 12, 3)),
        Insurance: new InsuranceFacts(new DateOnly(2027, 6, 30), By(2026, 12, 3)),
        References: [RecentSocialWorkReference, CharacterReference],
        RightToWork: By(2026, 12, 4),
        Identity: By(2026, 12, 4),
        Interview: By(2026, 12, 10),
        NonSolicitationBlocks: []);

    private static void AssertRefusedOnlyFor(VettingFacts facts, VettingCheck check, string reason)
    {
        var result = Vetting.Evaluate(facts, Today);
        Assert.False(result.CanApprove);
        Assert.False(Vetting.CanApprove(facts, Today));
        var failing = Assert.Single(result.Outcomes, outcome => !outcome.Passed);
        Assert.Equal(check, failing.Check);
        Assert.Equal(reason, failing.Explanation);
        Assert.Equal([reason], result.RefusalReasons());
    }

    [Fact]
    public void An_applicant_who_passes_every_check_can_be_approved()
    {
        var result = Vetting.Evaluate(Eligible(), Today);
        Assert.True(result.CanApprove);
        Assert.Empty(result.RefusalReasons());
        Assert.Equal(Enum.GetValues<VettingCheck>(), result.Outcomes.Select(outcome => outcome.Check));
        Assert.Collection(result.Outcomes.Select(outcome => outcome.Explanation),
            pqe => Assert.Equal("14 years' post-qualifying experience; at least 5 are needed.", pqe),
            registration => Assert.Equal("Social Work England registration SW12345 verified on 2 December 2026.", registration),
            dbs => Assert.Equal(
                "DBS certificate issued 1 March 2026 is verified; it is on the Update Service and needs a status check every year, so it lapses on 1 March 2027.", dbs),
            insurance => Assert.Equal("Professional indemnity insurance verified; expiry date 30 June 2027.", insurance),
            references => Assert.Equal("Two references received; one is from a recent social-work employer.", references),
            rightToWork => Assert.Equal("Right to work checked on 4 December 2026.", rightToWork),
            identity => Assert.Equal("Identity checked on 4 December 2026.", identity),
            interview => Assert.Equal("Interview recorded on 10 December 2026.", interview),
            nonSolicitation => Assert.Equal("No non-solicitation restriction blocks approval.", nonSolicitation));
    }

    [Fact]
    public void Approval_is_refused_without_five_years_post_qualifying_experience() =>
        AssertRefusedOnlyFor(Eligible() with { QualifiedOn = new DateOnly(2023, 1, 10) }, VettingCheck.Pqe,
            "3 years' post-qualifying experience; at least 5 are needed (reached on 10 January 2028).");

    [Fact]
    public void Approval_is_refused_while_registration_is_unverified() =>
        AssertRefusedOnlyFor(Eligible() with { Registration = new RegistrationFacts("SW12345", null) }, VettingCheck.Registration,
            "Social Work England registration SW12345 has not been verified.");

    [Fact]
    public void Approval_is_refused_without_a_DBS_certificate() =>
        AssertRefusedOnlyFor(Eligible() with { Dbs = null }, VettingCheck.Dbs, "No enhanced DBS certificate is recorded.");

    [Fact]
    public void Approval_is_refused_without_indemnity_insurance() =>
        AssertRefusedOnlyFor(Eligible() with { Insurance = null }, VettingCheck.Insurance, "No professional indemnity insurance is recorded.");

    [Fact]
    public void Approval_is_refused_without_references() =>
        AssertRefusedOnlyFor(Eligible() with { References = [] }, VettingCheck.References,
            "No references received; two are needed, at least one from a recent social-work employer.");

    [Fact]
    public void Approval_is_refused_without_a_right_to_work_check() =>
        AssertRefusedOnlyFor(Eligible() with { RightToWork = null }, VettingCheck.RightToWork, "Right to work has not been checked.");

    [Fact]
    public void Approval_is_refused_without_an_identity_check() =>
        AssertRefusedOnlyFor(Eligible() with { Identity = null }, VettingCheck.Identity, "Identity has not been checked.");

    [Fact]
    public void Approval_is_refused_without_an_interview() =>
        AssertRefusedOnlyFor(Eligible() with { Interview = null }, VettingCheck.Interview, "No interview has been recorded.");

    [Fact]
    public void Approval_is_refused_while_non_solicitation_blocks_it()
    {
        var blocks = NonSolicitation.ApprovalBlocks(
            [new EmploymentSpell(Guid.Parse("5d1f1c9e-8f3a-4a51-9d55-3f1e8e4b2a10"), EmploymentKind.Permanent, new DateOnly(2019, 4, 1), new DateOnly(2026, 5, 14))],
            [new ClientAuthorityTerms(Guid.Parse("5d1f1c9e-8f3a-4a51-9d55-3f1e8e4b2a10"), "Northshire County Council", 12, false)],
            [],
            Today);
        AssertRefusedOnlyFor(Eligible() with { NonSolicitationBlocks = blocks }, VettingCheck.NonSolicitation,
            "Permanent employee of Northshire County Council until 14 May 2026; non-solicitation applies until 14 May 2027 (free from that date). "
            + "Northshire County Council's contract does not allow waivers.");
    }

    [Fact]
    public void Every_failing_check_is_listed_in_order()
    {
        var facts = Eligible() with { Interview = null, Dbs = null, QualifiedOn = new DateOnly(2024, 1, 1) };
        var result = Vetting.Evaluate(facts, Today);
        Assert.Equal(
        [
            "2 years' post-qualifying experience; at least 5 are needed (reached on 1 January 2029).",
            "No enhanced DBS certificate is recorded.",
            "No interview has been recorded.",
        ], result.RefusalReasons());
        Assert.Equal(6, result.Outcomes.Count(outcome => outcome.Passed));
        Assert.False(result.Outcome(VettingCheck.Interview).Passed);
        Assert.True(result.Outcome(VettingCheck.Identity).Passed);
    }

    [Theory]
    [InlineData("2021-12-15", "2026-12-14", false, "4 years' post-qualifying experience; at least 5 are needed (reached on 15 December 2026).")]
    [InlineData("2021-12-15", "2026-12-15", true, "5 years' post-qualifying experience; at least 5 are needed.")]
    [InlineData("2020-02-29", "2025-02-27", false, "4 years' post-qualifying experience; at least 5 are needed (reached on 28 February 2025).")]
    [InlineData("2020-02-29", "2025-02-28", true, "5 years' post-qualifying experience; at least 5 are needed.")]
    [InlineData("2025-06-01", "2026-06-01", false, "1 year's post-qualifying experience; at least 5 are needed (reached on 1 June 2030).")]
    [InlineData("2027-01-01", "2026-12-15", false, "The qualification date, 1 January 2027, is in the future.")]
    public void Post_qualifying_experience_counts_from_the_anniversary(string qualifiedOn, string today, bool passed, string explanation)
    {
        var outcome = Vetting.Evaluate(Eligible() with { QualifiedOn = DateOnly.Parse(qualifiedOn) }, DateOnly.Parse(today)).Outcome(VettingCheck.Pqe);
        Assert.Equal(passed, outcome.Passed);
        Assert.Equal(explanation, outcome.Explanation);
    }

    [Theory]
    [InlineData(true, "2025-12-15", "2026-12-14", true)]    // on the Update Service: the day before the first anniversary
    [InlineData(true, "2025-12-15", "2026-12-15", false)]   // the anniversary itself: a status check was due
    [InlineData(false, "2023-12-15", "2026-12-14", true)]   // off it: the day before the third anniversary
    [InlineData(false, "2023-12-15", "2026-12-15", false)]
    [InlineData(false, "2025-12-15", "2026-12-15", true)]   // the one-year limit applies only on the Update Service
    [InlineData(true, "2024-02-29", "2025-02-27", true)]
    [InlineData(true, "2024-02-29", "2025-02-28", false)]   // a 29 February issue date lapses on 28 February
    public void A_DBS_certificate_is_current_for_a_year_on_the_Update_Service_and_three_years_off_it(bool onUpdateService, string issuedOn, string today, bool passed)
    {
        var facts = Eligible() with { Dbs = new DbsFacts("001234567890", DateOnly.Parse(issuedOn), onUpdateService, By(2025, 12, 16)) };
        Assert.Equal(passed, Vetting.Evaluate(facts, DateOnly.Parse(today)).Outcome(VettingCheck.Dbs).Passed);
    }

    [Fact]
    public void A_lapsed_DBS_certificate_off_the_Update_Service_says_when_it_lapsed()
    {
        var facts = Eligible() with { Dbs = new DbsFacts("001234567890", new DateOnly(2023, 1, 2), false, By(2023, 1, 5)) };
        var outcome = Vetting.Evaluate(facts, new DateOnly(2026, 3, 1)).Outcome(VettingCheck.Dbs);
        Assert.False(outcome.Passed);
        Assert.Equal("DBS certificate issued 2 January 2023 is not on the Update Service and is due for renewal every 3 years: it lapsed on 2 January 2026.",
            outcome.Explanation);
    }

    [Fact]
    public void A_lapsed_DBS_certificate_on_the_Update_Service_says_a_status_check_was_due()
    {
        var facts = Eligible() with { Dbs = new DbsFacts("001234567890", new DateOnly(2025, 1, 2), true, By(2025, 1, 5)) };
        Assert.Equal("DBS certificate issued 2 January 2025 is on the Update Service and needs a status check every year: it lapsed on 2 January 2026.",
            Vetting.Evaluate(facts, Today).Outcome(VettingCheck.Dbs).Explanation);
    }

    [Theory]
    [InlineData(null, "2026-03-01", "The DBS certificate number is not recorded.")]
    [InlineData(" ", "2026-03-01", "The DBS certificate number is not recorded.")]
    [InlineData("001234567890", null, "The DBS certificate's issue date is not recorded.")]
    [InlineData("001234567890", "2026-12-16", "The DBS certificate's issue date, 16 December 2026, is in the future.")]
    public void An_incomplete_DBS_record_fails(string? number, string? issuedOn, string explanation)
    {
        var facts = Eligible() with { Dbs = new DbsFacts(number, issuedOn is null ? null : DateOnly.Parse(issuedOn), true, By(2026, 12, 3)) };
        AssertRefusedOnlyFor(facts, VettingCheck.Dbs, explanation);
    }

    [Fact]
    public void An_unverified_DBS_certificate_fails() =>
        AssertRefusedOnlyFor(Eligible() with { Dbs = new DbsFacts("001234567890", new DateOnly(2026, 3, 1), true, null) }, VettingCheck.Dbs,
            "DBS certificate issued 1 March 2026 has not been verified.");

    [Theory]
    [InlineData("2026-12-15", true)]    // expires today: still covered today
    [InlineData("2026-12-14", false)]
    public void Insurance_counts_up_to_and_including_its_expiry_date(string expiresOn, bool passed) =>
        Assert.Equal(passed, Vetting.Evaluate(Eligible() with { Insurance = new InsuranceFacts(DateOnly.Parse(expiresOn), By(2026, 1, 2)) }, Today)
            .Outcome(VettingCheck.Insurance).Passed);

    [Fact]
    public void Expired_unverified_or_undated_insurance_fails_with_the_reason()
    {
        AssertRefusedOnlyFor(Eligible() with { Insurance = new InsuranceFacts(new DateOnly(2026, 12, 14), By(2026, 1, 2)) }, VettingCheck.Insurance,
            "Professional indemnity insurance has expired: its expiry date was 14 December 2026.");
        AssertRefusedOnlyFor(Eligible() with { Insurance = new InsuranceFacts(new DateOnly(2027, 6, 30), null) }, VettingCheck.Insurance,
            "Professional indemnity insurance (expiry date 30 June 2027) has not been verified.");
        AssertRefusedOnlyFor(Eligible() with { Insurance = new InsuranceFacts(null, By(2026, 1, 2)) }, VettingCheck.Insurance,
            "The professional indemnity insurance expiry date is not recorded.");
    }

    [Fact]
    public void Two_references_with_none_from_a_recent_social_work_employer_fail()
    {
        ReferenceFacts[] references =
        [
            new("Former manager", FromSocialWorkEmployer: true, RecentEmployment: false, new DateOnly(2026, 11, 1)),
            new("Current employer", FromSocialWorkEmployer: false, RecentEmployment: true, new DateOnly(2026, 11, 2)),
        ];
        AssertRefusedOnlyFor(Eligible() with { References = references }, VettingCheck.References,
            "Two references received, but none is from a recent social-work employer (one that employs the applicant now or did within the last 2 years); at least one must be.");
    }

    [Fact]
    public void A_reference_still_awaited_does_not_count()
    {
        var awaited = RecentSocialWorkReference with { ReceivedOn = null };
        AssertRefusedOnlyFor(Eligible() with { References = [awaited, CharacterReference, CharacterReference with { RefereeName = "Pat" }] },
            VettingCheck.References,
            "Two references received, but none is from a recent social-work employer (one that employs the applicant now or did within the last 2 years); at least one must be.");
        AssertRefusedOnlyFor(Eligible() with { References = [RecentSocialWorkReference, CharacterReference with { ReceivedOn = null }] },
            VettingCheck.References,
            "One reference received; two are needed, at least one from a recent social-work employer.");
    }

    [Fact]
    public void More_than_two_references_are_counted()
    {
        var outcome = Vetting.Evaluate(Eligible() with { References = [RecentSocialWorkReference, RecentSocialWorkReference with { RefereeName = "Ali" }, CharacterReference] }, Today)
            .Outcome(VettingCheck.References);
        Assert.True(outcome.Passed);
        Assert.Equal("Three references received; two are from a recent social-work employer.", outcome.Explanation);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2024-12-16", true)]
    [InlineData("2024-12-15", false)]   // exactly two years ago: no longer recent
    public void Employment_is_recent_while_ongoing_or_for_two_years_after_it_ends(string? endedOn, bool recent) =>
        Assert.Equal(recent, Vetting.IsRecentEmployment(endedOn is null ? null : DateOnly.Parse(endedOn), Today));

    [Theory]
    [InlineData(null, "No Social Work England registration number is recorded.")]
    [InlineData("SW012345", "Social Work England number SW012345 is not in the correct format: SW then digits, like SW12345.")]
    public void A_missing_or_malformed_registration_number_fails(string? number, string explanation) =>
        AssertRefusedOnlyFor(Eligible() with { Registration = new RegistrationFacts(number, By(2026, 12, 2)) }, VettingCheck.Registration, explanation);

    [Theory]
    [InlineData("2026-08-31", "2026-12-01", false)]   // verified before the renewal window of the year that began on 1 December
    [InlineData("2026-09-01", "2026-12-01", true)]    // verified in the renewal window: covers the coming registration year
    [InlineData("2026-11-30", "2027-11-30", true)]
    [InlineData("2026-11-30", "2027-12-01", false)]
    [InlineData("2026-12-01", "2026-12-01", true)]
    [InlineData("2025-12-01", "2026-11-30", true)]    // a whole registration year
    [InlineData("2026-02-10", "2026-12-15", false)]
    public void Registration_is_verified_again_in_each_registration_year(string verifiedOn, string today, bool passed)
    {
        var verified = DateOnly.Parse(verifiedOn);
        var facts = Eligible() with { Registration = new RegistrationFacts("SW12345", By(verified.Year, verified.Month, verified.Day)) };
        Assert.Equal(passed, Vetting.Evaluate(facts, DateOnly.Parse(today)).Outcome(VettingCheck.Registration).Passed);
    }

    [Fact]
    public void A_verification_from_an_earlier_registration_year_says_so()
    {
        var facts = Eligible() with { Registration = new RegistrationFacts("SW12345", By(2026, 8, 31)) };
        Assert.Equal(
            "Social Work England registration SW12345 was last verified on 31 August 2026, for the registration year that ended on 30 November 2026; verify it again.",
            Vetting.Evaluate(facts, Today).Outcome(VettingCheck.Registration).Explanation);
    }

    [Fact]
    public void Each_dated_document_reports_when_it_lapses()
    {
        Assert.Collection(Vetting.Evaluate(Eligible(), Today).Lapses,
            registration =>
            {
                Assert.Equal(ComplianceDocumentKind.SocialWorkEnglandRegistration, registration.Kind);
                Assert.Equal(new DateOnly(2027, 12, 1), registration.LapsesOn);
            },
            dbs =>
            {
                Assert.Equal(ComplianceDocumentKind.EnhancedDbs, dbs.Kind);
                Assert.Equal(new DateOnly(2027, 3, 1), dbs.LapsesOn);
                Assert.Equal(new DateOnly(2027, 2, 28), dbs.LastValidDay);
                Assert.Equal(76, dbs.DaysUntilLapse(Today));
            },
            insurance =>
            {
                Assert.Equal(ComplianceDocumentKind.IndemnityInsurance, insurance.Kind);
                Assert.Equal(new DateOnly(2027, 7, 1), insurance.LapsesOn);
                Assert.Equal(new DateOnly(2027, 6, 30), insurance.LastValidDay);
            });
    }

    [Fact]
    public void Lapse_dates_follow_the_rules()
    {
        Assert.Equal(new DateOnly(2027, 3, 1), Vetting.DbsLapsesOn(new DateOnly(2026, 3, 1), onUpdateService: true));
        Assert.Equal(new DateOnly(2029, 3, 1), Vetting.DbsLapsesOn(new DateOnly(2026, 3, 1), onUpdateService: false));
        Assert.Equal(new DateOnly(2027, 7, 1), Vetting.InsuranceLapsesOn(new DateOnly(2027, 6, 30)));
        Assert.Equal(new DateOnly(2026, 12, 1), Vetting.RegistrationVerificationLapsesOn(new DateOnly(2026, 8, 31)));
        Assert.Equal(new DateOnly(2027, 12, 1), Vetting.RegistrationVerificationLapsesOn(new DateOnly(2026, 9, 1)));
        Assert.Equal(new DateOnly(2027, 12, 1), Vetting.RegistrationVerificationLapsesOn(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2027, 12, 1), Vetting.RegistrationVerificationLapsesOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Undated_or_missing_documents_report_no_lapse() =>
        Assert.Empty(Vetting.Lapses(Eligible() with
        {
            Registration = new RegistrationFacts("SW12345", null),
            Dbs = new DbsFacts("001234567890", null, false, null),
            Insurance = null,
        }));

    [Fact]
    public void Facts_are_read_from_compliance_documents()
    {
        var profile = IswProfile.Create(Guid.NewGuid(), "Amara Okonkwo", "amara@example.com", "SW12345", new DateOnly(2012, 9, 1),
            SocialWorkBackground.LocalAuthority, new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));
        var dbs = profile.AddDocument(ComplianceDocumentKind.EnhancedDbs, "001234567890", new DateOnly(2026, 3, 1), null, onUpdateService: true);
        var insurance = profile.AddDocument(ComplianceDocumentKind.IndemnityInsurance, "PI-99", new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30));
        var registration = profile.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!;
        var verifiedAt = new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DbsFacts("001234567890", new DateOnly(2026, 3, 1), true, null), DbsFacts.From(dbs));
        dbs.Verify(Admin, verifiedAt, DateOnly.FromDateTime(verifiedAt));
        registration.Verify(Admin, verifiedAt, DateOnly.FromDateTime(verifiedAt));

        // Verifying an Update Service certificate is its annual status check: the year runs from then.
        Assert.Equal(new DbsFacts("001234567890", new DateOnly(2026, 12, 3), true, new RecordedCheck(Admin, verifiedAt)), DbsFacts.From(dbs));
        Assert.Equal(new InsuranceFacts(new DateOnly(2027, 6, 30), null), InsuranceFacts.From(insurance));
        Assert.Equal(new RegistrationFacts("SW12345", new RecordedCheck(Admin, verifiedAt)), RegistrationFacts.From(profile.SweNumber, registration));
        Assert.Equal(new RegistrationFacts("SW12345", null), RegistrationFacts.From(profile.SweNumber, null));
        Assert.Throws<ArgumentException>(() => DbsFacts.From(insurance));
    }

    private static Arbitrary<(int Missing, int Today)> MissingChecks() =>
        (from missing in Gen.Choose(0, 8)
         from today in Gen.Choose(0, 60)
         select (missing, today)).ToArbitrary();

    [Fact]
    public void Approval_is_possible_exactly_when_no_reason_is_listed() =>
        Prop.ForAll(MissingChecks(), scenario =>
        {
            var facts = (VettingCheck)scenario.Missing switch
            {
                VettingCheck.Pqe => Eligible() with { QualifiedOn = new DateOnly(2024, 1, 1) },
                VettingCheck.Registration => Eligible() with { Registration = new RegistrationFacts(null, null) },
                VettingCheck.Dbs => Eligible() with { Dbs = null },
                VettingCheck.Insurance => Eligible() with { Insurance = null },
                VettingCheck.References => Eligible() with { References = [CharacterReference] },
                VettingCheck.RightToWork => Eligible() with { RightToWork = null },
                VettingCheck.Identity => Eligible() with { Identity = null },
                VettingCheck.Interview => Eligible() with { Interview = null },
                _ => Eligible(),
            };
            var result = Vetting.Evaluate(facts, Today.AddDays(scenario.Today));
            return result.CanApprove == (result.RefusalReasons().Count == 0)
                   && result.Outcomes.Count == Enum.GetValues<VettingCheck>().Length
                   && (scenario.Missing == (int)VettingCheck.NonSolicitation || !result.CanApprove);
        }).QuickCheckThrowOnFailure();
}
