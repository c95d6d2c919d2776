using System.Globalization;

namespace IswPanel.Domain.Panel;

/// <summary>The eligibility checks an applicant must pass before approval, in the order they are shown.</summary>
public enum VettingCheck
{
    Pqe,
    Registration,
    Dbs,
    Insurance,
    References,
    RightToWork,
    Identity,
    Interview,
    NonSolicitation,
}

/// <summary>Who recorded or verified something, and when: the audit trail an approval relies on.</summary>
public sealed record RecordedCheck(Guid ByUserId, DateTime At)
{
    public DateOnly On => DateOnly.FromDateTime(At);

    /// <summary>The verification of a compliance document, or null while it is unverified.</summary>
    public static RecordedCheck? VerificationOf(ComplianceDocument document) =>
        document.VerifiedByUserId is { } by && document.VerifiedAt is { } at ? new RecordedCheck(by, at) : null;
}

/// <summary>Social Work England registration: the number and its verification (null while unverified).</summary>
public sealed record RegistrationFacts(string? SweNumber, RecordedCheck? Verified)
{
    /// <summary>The profile's number with the verification of its registration document, if any.</summary>
    public static RegistrationFacts From(string? sweNumber, ComplianceDocument? registration) =>
        new(sweNumber, registration is null
            ? null
            : RecordedCheck.VerificationOf(Vetting.Expect(registration, ComplianceDocumentKind.SocialWorkEnglandRegistration)));
}

/// <summary>An enhanced DBS certificate with the children's barred list, and whether it is on the DBS Update Service.</summary>
public sealed record DbsFacts(string? CertificateNumber, DateOnly? IssuedOn, bool OnUpdateService, RecordedCheck? Verified)
{
    public static DbsFacts From(ComplianceDocument document)
    {
        var dbs = Vetting.Expect(document, ComplianceDocumentKind.EnhancedDbs);
        // On the Update Service, each annual status check restarts the year, so validity runs from the latest one.
        return new DbsFacts(dbs.Reference, dbs.DbsValidFrom, dbs.OnUpdateService, RecordedCheck.VerificationOf(dbs));
    }
}

/// <summary>Professional indemnity insurance: <see cref="ExpiresOn"/> is the last day of cover.</summary>
public sealed record InsuranceFacts(DateOnly? ExpiresOn, RecordedCheck? Verified)
{
    public static InsuranceFacts From(ComplianceDocument document)
    {
        var insurance = Vetting.Expect(document, ComplianceDocumentKind.IndemnityInsurance);
        return new InsuranceFacts(insurance.ExpiresOn, RecordedCheck.VerificationOf(insurance));
    }
}

/// <summary>
/// A reference: from whom, whether the referee is a social-work employer, whether that employment is recent
/// (ongoing, or ended within <see cref="Vetting.RecentEmploymentYears"/> years; see <see cref="Vetting.IsRecentEmployment"/>),
/// and when it arrived (null while awaited).
/// </summary>
public sealed record ReferenceFacts(string RefereeName, bool FromSocialWorkEmployer, bool RecentEmployment, DateOnly? ReceivedOn)
{
    public bool Received => ReceivedOn is not null;

    /// <summary>Received, from a social-work employer, about recent employment: the kind of which one is required.</summary>
    public bool IsFromRecentSocialWorkEmployer => Received && FromSocialWorkEmployer && RecentEmployment;
}

/// <summary>Everything vetting looks at for one applicant. Null means "not recorded".</summary>
public sealed record VettingFacts(
    DateOnly QualifiedOn,
    RegistrationFacts Registration,
    DbsFacts? Dbs,
    InsuranceFacts? Insurance,
    IReadOnlyList<ReferenceFacts> References,
    RecordedCheck? RightToWork,
    RecordedCheck? Identity,
    RecordedCheck? Interview,
    IReadOnlyList<NonSolicitationConflict> NonSolicitationBlocks);

/// <summary>One check's verdict with a sentence an administrator can act on.</summary>
public sealed record VettingOutcome(VettingCheck Check, bool Passed, string Explanation);

/// <summary>
/// When a dated document stops counting: <see cref="LapsesOn"/> is the first day it no longer does, so
/// expiry warnings (30, 14, 7 days ahead) and automatic suspension can be scheduled from it.
/// </summary>
public sealed record DocumentLapse(ComplianceDocumentKind Kind, DateOnly LapsesOn)
{
    /// <summary>The last day the document still counts.</summary>
    public DateOnly LastValidDay => LapsesOn.AddDays(-1);

    /// <summary>Days from <paramref name="today"/> to the lapse: 1 on the last valid day, 0 or less once lapsed.</summary>
    public int DaysUntilLapse(DateOnly today) => LapsesOn.DayNumber - today.DayNumber;
}

/// <summary>The outcome of every check, in <see cref="VettingCheck"/> order, and the dates documents lapse.</summary>
public sealed record VettingResult(IReadOnlyList<VettingOutcome> Outcomes, IReadOnlyList<DocumentLapse> Lapses)
{
    /// <summary>Approval is allowed only when every check passes.</summary>
    public bool CanApprove
    {
        get
        {
            foreach (var outcome in Outcomes)
            {
                if (!outcome.Passed) return false;
            }
            return true;
        }
    }

    public VettingOutcome Outcome(VettingCheck check)
    {
        foreach (var outcome in Outcomes)
        {
            if (outcome.Check == check) return outcome;
        }
        throw new ArgumentOutOfRangeException(nameof(check), check, "No outcome for that check.");
    }

    /// <summary>Why approval is refused: the failing checks' explanations, in order; empty when it may go ahead.</summary>
    public IReadOnlyList<string> RefusalReasons()
    {
        List<string>? reasons = null;
        foreach (var outcome in Outcomes)
        {
            if (!outcome.Passed) (reasons ??= []).Add(outcome.Explanation);
        }
        return reasons ?? [];
    }
}

/// <summary>
/// Panel eligibility (DOMAIN.md, "Panel eligibility"): an applicant is approved only when every check
/// passes; otherwise approval is refused with each failing check's reason. Pure: the caller supplies the
/// facts and today's date (UK local), so the same facts always give the same answer.
/// </summary>
public static class Vetting
{
    /// <summary>A DBS certificate on the Update Service needs a status check every year (the subscription renews annually).</summary>
    public const int DbsUpdateServiceCheckYears = 1;

    /// <summary>Agency policy: a certificate not on the Update Service is renewed every 3 years.</summary>
    public const int DbsRenewalYears = 3;

    /// <summary>How many references must be received.</summary>
    public const int ReferencesNeeded = 2;

    /// <summary>A social-work employer is "recent" if the employment is ongoing or ended within this many years.</summary>
    public const int RecentEmploymentYears = 2;

    /// <summary>Social Work England's registration year starts on 1 December; every member is verified again after it.</summary>
    public const int RegistrationYearStartMonth = 12;

    /// <summary>Every check's outcome on <paramref name="today"/>, with the lapse dates of the dated documents.</summary>
    public static VettingResult Evaluate(VettingFacts facts, DateOnly today) => new(
        [
            Pqe(facts.QualifiedOn, today),
            Registration(facts.Registration, today),
            Dbs(facts.Dbs, today),
            Insurance(facts.Insurance, today),
            References(facts.References),
            Recorded(VettingCheck.RightToWork, facts.RightToWork, "Right to work checked", "Right to work has not been checked."),
            Recorded(VettingCheck.Identity, facts.Identity, "Identity checked", "Identity has not been checked."),
            Recorded(VettingCheck.Interview, facts.Interview, "Interview recorded", "No interview has been recorded."),
            NonSolicitation(facts.NonSolicitationBlocks),
        ],
        Lapses(facts));

    /// <summary>Whether every check passes on <paramref name="today"/>.</summary>
    public static bool CanApprove(VettingFacts facts, DateOnly today) => Evaluate(facts, today).CanApprove;

    /// <summary>When each dated document lapses: registration verification, DBS and insurance, where recorded.</summary>
    public static IReadOnlyList<DocumentLapse> Lapses(VettingFacts facts)
    {
        var lapses = new List<DocumentLapse>(3);
        if (facts.Registration.Verified is { } verified)
            lapses.Add(new DocumentLapse(ComplianceDocumentKind.SocialWorkEnglandRegistration, RegistrationVerificationLapsesOn(verified.On)));
        if (facts.Dbs is { IssuedOn: { } issued } dbs)
            lapses.Add(new DocumentLapse(ComplianceDocumentKind.EnhancedDbs, DbsLapsesOn(issued, dbs.OnUpdateService)));
        if (facts.Insurance is { ExpiresOn: { } expires })
            lapses.Add(new DocumentLapse(ComplianceDocumentKind.IndemnityInsurance, InsuranceLapsesOn(expires)));
        return lapses;
    }

    /// <summary>The first day a DBS certificate no longer counts: a year after issue on the Update Service, otherwise 3 years.</summary>
    public static DateOnly DbsLapsesOn(DateOnly issuedOn, bool onUpdateService) =>
        issuedOn.AddYears(onUpdateService ? DbsUpdateServiceCheckYears : DbsRenewalYears);

    /// <summary>The first day without cover: the day after the policy's expiry date.</summary>
    public static DateOnly InsuranceLapsesOn(DateOnly expiresOn) => expiresOn.AddDays(1);

    /// <summary>The 1 December that begins the registration year containing <paramref name="day"/>.</summary>
    public static DateOnly RegistrationYearStart(DateOnly day) =>
        new(day.Month >= RegistrationYearStartMonth ? day.Year : day.Year - 1, RegistrationYearStartMonth, 1);

    /// <summary>Verifications on or after this day still count on <paramref name="today"/>: the renewal window before the current registration year.</summary>
    public static DateOnly RegistrationVerifiedSince(DateOnly today) => new(RegistrationYearStart(today).Year, RenewalWindowStartMonth, 1);

    /// <summary>Social Work England's renewal window opens on 1 September, three months before the registration year.</summary>
    public const int RenewalWindowStartMonth = 9;

    /// <summary>
    /// The first day a verification made on <paramref name="verifiedOn"/> no longer counts: the next 1 December, or,
    /// for a verification in the renewal window (1 September to 30 November, when the register shows the renewal),
    /// the 1 December a year later.
    /// </summary>
    public static DateOnly RegistrationVerificationLapsesOn(DateOnly verifiedOn)
    {
        var nextYearStart = RegistrationYearStart(verifiedOn).AddYears(1);
        return verifiedOn.Month is >= RenewalWindowStartMonth and < RegistrationYearStartMonth ? nextYearStart.AddYears(1) : nextYearStart;
    }

    /// <summary>Whether employment that ended on <paramref name="endedOn"/> (null: ongoing) is recent enough for a reference.</summary>
    public static bool IsRecentEmployment(DateOnly? endedOn, DateOnly today) =>
        endedOn is not { } ended || today < ended.AddYears(RecentEmploymentYears);

    internal static ComplianceDocument Expect(ComplianceDocument document, ComplianceDocumentKind kind) =>
        document.Kind == kind ? document : throw new ArgumentException($"Expected a {kind} document, not {document.Kind}.", nameof(document));

    private static VettingOutcome Pqe(DateOnly qualifiedOn, DateOnly today)
    {
        if (qualifiedOn > today)
            return Fail(VettingCheck.Pqe, $"The qualification date, {DisplayDates.Show(qualifiedOn)}, is in the future.");
        var years = PostQualifyingExperience.WholeYears(qualifiedOn, today);
        var experience = $"{years} {(years == 1 ? "year's" : "years'")} post-qualifying experience; at least {PanelRules.MinimumPqeYearsToJoin} are needed";
        return years >= PanelRules.MinimumPqeYearsToJoin
            ? Pass(VettingCheck.Pqe, $"{experience}.")
            : Fail(VettingCheck.Pqe,
                $"{experience} (reached on {DisplayDates.Show(PostQualifyingExperience.DateReached(qualifiedOn, PanelRules.MinimumPqeYearsToJoin))}).");
    }

    private static VettingOutcome Registration(RegistrationFacts registration, DateOnly today)
    {
        const VettingCheck check = VettingCheck.Registration;
        if (string.IsNullOrWhiteSpace(registration.SweNumber))
            return Fail(check, "No Social Work England registration number is recorded.");
        var number = registration.SweNumber.Trim().ToUpperInvariant();
        if (!IswProfile.IsValidSweNumber(number))
            return Fail(check, $"Social Work England number {number} is not in the correct format: SW then digits, like SW12345.");
        if (registration.Verified is not { } verified)
            return Fail(check, $"Social Work England registration {number} has not been verified.");
        var lapses = RegistrationVerificationLapsesOn(verified.On);
        if (today >= lapses)
            return Fail(check,
                $"Social Work England registration {number} was last verified on {DisplayDates.Show(verified.On)}, for the registration year that ended on {DisplayDates.Show(lapses.AddDays(-1))}; verify it again.");
        return Pass(check, $"Social Work England registration {number} verified on {DisplayDates.Show(verified.On)}.");
    }

    private static VettingOutcome Dbs(DbsFacts? dbs, DateOnly today)
    {
        const VettingCheck check = VettingCheck.Dbs;
        if (dbs is null) return Fail(check, "No enhanced DBS certificate is recorded.");
        if (string.IsNullOrWhiteSpace(dbs.CertificateNumber)) return Fail(check, "The DBS certificate number is not recorded.");
        if (dbs.IssuedOn is not { } issued) return Fail(check, "The DBS certificate's issue date is not recorded.");
        if (issued > today) return Fail(check, $"The DBS certificate's issue date, {DisplayDates.Show(issued)}, is in the future.");

        var lapses = DbsLapsesOn(issued, dbs.OnUpdateService);
        var certificate = $"DBS certificate issued {DisplayDates.Show(issued)}";
        var basis = dbs.OnUpdateService
            ? "is on the Update Service and needs a status check every year"
            : $"is not on the Update Service and is due for renewal every {DbsRenewalYears} years";
        if (today >= lapses) return Fail(check, $"{certificate} {basis}: it lapsed on {DisplayDates.Show(lapses)}.");
        if (dbs.Verified is null) return Fail(check, $"{certificate} has not been verified.");
        return Pass(check, $"{certificate} is verified; it {basis}, so it lapses on {DisplayDates.Show(lapses)}.");
    }

    private static VettingOutcome Insurance(InsuranceFacts? insurance, DateOnly today)
    {
        const VettingCheck check = VettingCheck.Insurance;
        if (insurance is null) return Fail(check, "No professional indemnity insurance is recorded.");
        if (insurance.ExpiresOn is not { } expires) return Fail(check, "The professional indemnity insurance expiry date is not recorded.");
        if (expires < today) return Fail(check, $"Professional indemnity insurance has expired: its expiry date was {DisplayDates.Show(expires)}.");
        if (insurance.Verified is null)
            return Fail(check, $"Professional indemnity insurance (expiry date {DisplayDates.Show(expires)}) has not been verified.");
        return Pass(check, $"Professional indemnity insurance verified; expiry date {DisplayDates.Show(expires)}.");
    }

    private static VettingOutcome References(IReadOnlyList<ReferenceFacts> references)
    {
        const VettingCheck check = VettingCheck.References;
        int received = 0, recentSocialWork = 0;
        foreach (var reference in references)
        {
            if (reference.Received) received++;
            if (reference.IsFromRecentSocialWorkEmployer) recentSocialWork++;
        }
        var receivedText = $"{Sentence(Count(received))} {(received == 1 ? "reference" : "references")} received";
        if (received < ReferencesNeeded)
            return Fail(check, $"{receivedText}; {Count(ReferencesNeeded)} are needed, at least one from a recent social-work employer.");
        if (recentSocialWork == 0)
            return Fail(check,
                $"{receivedText}, but none is from a recent social-work employer (one that employs the applicant now or did within the last {RecentEmploymentYears} years); at least one must be.");
        return Pass(check, $"{receivedText}; {Count(recentSocialWork)} {(recentSocialWork == 1 ? "is" : "are")} from a recent social-work employer.");
    }

    private static VettingOutcome Recorded(VettingCheck check, RecordedCheck? recorded, string done, string missing) =>
        recorded is null ? Fail(check, missing) : Pass(check, $"{done} on {DisplayDates.Show(recorded.On)}.");

    private static VettingOutcome NonSolicitation(IReadOnlyList<NonSolicitationConflict> blocks)
    {
        if (blocks.Count == 0) return Pass(VettingCheck.NonSolicitation, "No non-solicitation restriction blocks approval.");
        var reasons = new string[blocks.Count];
        for (var i = 0; i < reasons.Length; i++) reasons[i] = blocks[i].Reason;
        return Fail(VettingCheck.NonSolicitation, string.Join(" ", reasons));
    }

    private static VettingOutcome Pass(VettingCheck check, string explanation) => new(check, true, explanation);

    private static VettingOutcome Fail(VettingCheck check, string explanation) => new(check, false, explanation);

    private static readonly string[] Numbers = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    private static string Count(int n) => n >= 0 && n < Numbers.Length ? Numbers[n] : n.ToString(CultureInfo.InvariantCulture);

    private static string Sentence(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
