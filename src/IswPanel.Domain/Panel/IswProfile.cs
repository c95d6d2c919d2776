using System.Text.RegularExpressions;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>Why a member is suspended: a lapsed or changed document (lifted when evidence is verified) or an administrator's decision.</summary>
public enum SuspensionCause
{
    None,
    Compliance,
    Administrator,
}

/// <summary>
/// An independent social worker's panel profile, owned by one Isw user. Its status follows the membership
/// lifecycle, and every change of status is kept in <see cref="History"/> with who, when and why.
/// </summary>
public sealed partial class IswProfile : Entity
{
    private IswProfile() { }

    public Guid UserId { get; private set; }
    public string FullName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }

    /// <summary>Social Work England registration number: "SW" then digits with no leading zero.</summary>
    public string SweNumber { get; private set; } = "";
    public DateOnly QualifiedOn { get; private set; }
    public SocialWorkBackground Background { get; private set; }
    public PanelMemberStatus Status { get; private set; } = PanelMemberStatus.Applicant;
    public SuspensionCause Suspension { get; private set; }

    /// <summary>How many assessments the ISW takes at once.</summary>
    public int Capacity { get; private set; } = PanelRules.DefaultCapacity;
    public string HomePostcodeDistrict { get; private set; } = "";
    public int TravelRadiusMiles { get; private set; }
    public decimal HourlyRate { get; private set; }
    public List<string> AssessmentTypeCodes { get; private set; } = [];
    public List<string> Skills { get; private set; } = [];
    public List<EnglishRegion> RegionsCovered { get; private set; } = [];
    public List<string> Languages { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Optimistic-concurrency token for the member's load: every accepted offer changes it, so two requests
    /// racing for a member's last free slot cannot both be accepted.
    /// </summary>
    public Guid LoadVersion { get; private set; } = Guid.NewGuid();

    /// <summary>What administrators asked the applicant for, while the application is back with them.</summary>
    public string? InformationRequested { get; private set; }
    public DateTime? InformationRequestedAt { get; private set; }

    public List<ComplianceDocument> Documents { get; private set; } = [];
    public List<EmploymentRecord> EmploymentHistory { get; private set; } = [];
    public List<Referee> Referees { get; private set; } = [];
    public List<VettingRecord> VettingRecords { get; private set; } = [];
    public List<RecordedWaiver> Waivers { get; private set; } = [];
    public List<UnavailablePeriod> UnavailablePeriods { get; private set; } = [];
    public List<MembershipTransition> History { get; private set; } = [];

    public static IswProfile Create(Guid userId, string fullName, string email, string sweNumber, DateOnly qualifiedOn,
        SocialWorkBackground background, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new DomainException("Enter your full name.", nameof(FullName));
        if (!IsValidSweNumber(sweNumber))
            throw new DomainException("Enter a Social Work England number in the correct format, like SW12345.", nameof(SweNumber));
        if (DateOnly.FromDateTime(now) < qualifiedOn)
            throw new DomainException("The qualification date cannot be in the future.", nameof(QualifiedOn));
        var profile = new IswProfile
        {
            UserId = userId,
            FullName = fullName.Trim(),
            Email = email.Trim(),
            SweNumber = sweNumber.Trim().ToUpperInvariant(),
            QualifiedOn = qualifiedOn,
            Background = background,
            CreatedAt = now,
        };
        profile.Documents.Add(ComplianceDocument.Record(profile.Id, ComplianceDocumentKind.SocialWorkEnglandRegistration,
            profile.SweNumber, null, null));
        return profile;
    }

    public void SetContact(string fullName, string? phone)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new DomainException("Enter your full name.", nameof(FullName));
        FullName = fullName.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    public void SetPractice(IEnumerable<string> assessmentTypeCodes, IEnumerable<string> skills,
        IEnumerable<EnglishRegion> regions, IEnumerable<string> languages, string homePostcodeDistrict,
        int travelRadiusMiles, int capacity, decimal hourlyRate)
    {
        if (capacity is < 1 or > PanelRules.MaximumCapacity)
            throw new DomainException($"Capacity must be between 1 and {PanelRules.MaximumCapacity} concurrent assessments.", nameof(Capacity));
        if (travelRadiusMiles is < 0 or > 500) throw new DomainException("Travel radius must be between 0 and 500 miles.", nameof(TravelRadiusMiles));
        if (hourlyRate is <= 0 or > 1000) throw new DomainException("Hourly rate must be more than £0 and at most £1,000.", nameof(HourlyRate));
        if (!Assessments.AssessmentRequest.IsValidPostcodeDistrict(homePostcodeDistrict))
            throw new DomainException("Enter a postcode district like NE1 or SW1A.", nameof(HomePostcodeDistrict));

        AssessmentTypeCodes = [.. assessmentTypeCodes.Distinct(StringComparer.OrdinalIgnoreCase)];
        Skills = [.. skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        RegionsCovered = [.. regions.Distinct()];
        Languages = [.. languages.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        HomePostcodeDistrict = homePostcodeDistrict.Trim().ToUpperInvariant();
        TravelRadiusMiles = travelRadiusMiles;
        Capacity = capacity;
        HourlyRate = hourlyRate;
    }

    public void SetUnavailability(IReadOnlyList<UnavailablePeriod> periods)
    {
        UnavailablePeriod.EnsureNoOverlap(periods);
        UnavailablePeriods = [.. periods.OrderBy(p => p.From)];
    }

    public int PqeYears(DateOnly today) => PostQualifyingExperience.WholeYears(QualifiedOn, today);

    /// <summary>Takes on one more assessment, refusing when every slot is taken (the caller counts the active ones).</summary>
    public void TakeOnAssessment(int activeAssessments)
    {
        if (activeAssessments >= Capacity)
            throw new DomainException($"{FullName} has no free capacity: {activeAssessments} of {Capacity} assessments in hand.");
        LoadVersion = Guid.NewGuid();
    }

    public ComplianceDocument? Document(ComplianceDocumentKind kind) => Documents.FirstOrDefault(d => d.Kind == kind);

    // ---- Lifecycle -------------------------------------------------------------------------------

    /// <summary>The applicant has finished their application (or answered a request for more information).</summary>
    public void SubmitForReview(DateTime at, Guid? actor, string reason = "Application submitted.")
    {
        MoveTo(PanelMemberStatus.UnderReview, at, actor, reason);
        InformationRequested = null;
        InformationRequestedAt = null;
    }

    /// <summary>Approval needs every vetting check to pass; otherwise it is refused with each failing check's reason.</summary>
    public void Approve(VettingResult vetting, DateTime at, Guid actor)
    {
        if (Status != PanelMemberStatus.UnderReview)
            throw new DomainException(MembershipTransitions.RefusalReason(Status, PanelMemberStatus.Active)
                ?? $"Only an application under review can be approved; this member is {Status.DisplayName().ToLowerInvariant()}.");
        if (!vetting.CanApprove)
            throw new DomainException("Approval refused: " + string.Join(" ", vetting.RefusalReasons()));
        MoveTo(PanelMemberStatus.Active, at, actor, "Approved: every vetting check passed.");
    }

    public void Reject(string reason, DateTime at, Guid actor) =>
        MoveTo(PanelMemberStatus.Rejected, at, actor, Required(reason, "Enter why the application is rejected."));

    /// <summary>Sends the application back to the applicant with what is missing; they see the request.</summary>
    public void RequestMoreInformation(string request, DateTime at, Guid actor)
    {
        var text = Required(request, "Enter what the applicant needs to provide.");
        MoveTo(PanelMemberStatus.Applicant, at, actor, $"More information requested: {text}");
        InformationRequested = text;
        InformationRequestedAt = at;
    }

    public void Suspend(SuspensionCause cause, string reason, DateTime at, Guid? actor)
    {
        if (cause == SuspensionCause.None) throw new ArgumentOutOfRangeException(nameof(cause));
        MoveTo(PanelMemberStatus.Suspended, at, actor, Required(reason, "Enter why the member is suspended."));
        Suspension = cause;
    }

    public void Reinstate(string reason, DateTime at, Guid? actor)
    {
        MoveTo(PanelMemberStatus.Active, at, actor, Required(reason, "Enter why the member is reinstated."));
        Suspension = SuspensionCause.None;
    }

    /// <summary>
    /// After new evidence is verified: a member suspended for compliance returns to matching once every
    /// check passes again. A suspension an administrator decided is lifted only by an administrator.
    /// </summary>
    public bool ReinstateIfCompliant(VettingResult vetting, DateTime at, Guid actor)
    {
        if (Status != PanelMemberStatus.Suspended || Suspension != SuspensionCause.Compliance || !vetting.CanApprove) return false;
        Reinstate("Evidence verified: every check passes again.", at, actor);
        return true;
    }

    public void Remove(string reason, DateTime at, Guid actor) =>
        MoveTo(PanelMemberStatus.Removed, at, actor, Required(reason, "Enter why the member is removed."));

    private void MoveTo(PanelMemberStatus next, DateTime at, Guid? actor, string reason)
    {
        History.Add(MembershipTransition.Record(Status, next, at, actor, reason));
        Status = next;
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException(message, "Reason") : text.Trim();

    // ---- Evidence and vetted facts ----------------------------------------------------------------

    public ComplianceDocument AddDocument(ComplianceDocumentKind kind, string? reference, DateOnly? issuedOn,
        DateOnly? expiresOn, bool onUpdateService = false, Guid? storedFileId = null)
    {
        if (Document(kind) is not null) throw new DomainException($"{kind.DisplayName()} is already recorded; change it instead.");
        var document = ComplianceDocument.Record(Id, kind, reference, issuedOn, expiresOn, onUpdateService, storedFileId);
        Documents.Add(document);
        return document;
    }

    /// <summary>
    /// The ISW records new details of a document (or its first evidence). The verification is cleared, and an
    /// active member is suspended from matching until an administrator verifies it: no one stays active on
    /// evidence nobody has checked.
    /// </summary>
    public ComplianceDocument ProvideEvidence(ComplianceDocumentKind kind, string? reference, DateOnly? issuedOn, DateOnly? expiresOn,
        bool onUpdateService, Guid? storedFileId, DateTime at, Guid actor)
    {
        var document = Document(kind);
        var wasVerified = document?.IsVerified == true;
        if (document is null) document = AddDocument(kind, reference, issuedOn, expiresOn, onUpdateService, storedFileId);
        else document.Change(reference, issuedOn, expiresOn, onUpdateService, storedFileId);
        if (wasVerified) SuspendForReverification($"{kind.DisplayName()} changed; awaiting verification.", at, actor);
        return document;
    }

    /// <summary>A new Social Work England number or qualification date sends that check back to the administrators.</summary>
    public void ChangeRegistration(string sweNumber, DateOnly qualifiedOn, DateTime at, Guid actor)
    {
        if (!IsValidSweNumber(sweNumber))
            throw new DomainException("Enter a Social Work England number in the correct format, like SW12345.", nameof(SweNumber));
        if (DateOnly.FromDateTime(at) < qualifiedOn)
            throw new DomainException("The qualification date cannot be in the future.", nameof(QualifiedOn));
        var number = sweNumber.Trim().ToUpperInvariant();
        if (number != SweNumber)
        {
            SweNumber = number;
            var registration = Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)
                ?? AddDocument(ComplianceDocumentKind.SocialWorkEnglandRegistration, number, null, null);
            registration.Change(number, registration.IssuedOn, registration.ExpiresOn, false, null);
            SuspendForReverification("Social Work England number changed; awaiting verification.", at, actor);
        }

        if (qualifiedOn != QualifiedOn)
        {
            QualifiedOn = qualifiedOn;
            if (Document(ComplianceDocumentKind.Qualification) is { } qualification)
                qualification.Change(qualification.Reference, qualifiedOn, null, false, null);
            SuspendForReverification("Qualification date changed; awaiting verification.", at, actor);
        }
    }

    private void SuspendForReverification(string reason, DateTime at, Guid actor)
    {
        if (Status == PanelMemberStatus.Active) Suspend(SuspensionCause.Compliance, reason, at, actor);
    }

    public EmploymentRecord AddEmployment(Guid? authorityId, string employer, string role, EmploymentKind kind,
        DateOnly startedOn, DateOnly? endedOn)
    {
        var record = EmploymentRecord.Create(Id, authorityId, employer, role, kind, startedOn, endedOn);
        EmploymentHistory.Add(record);
        return record;
    }

    public Referee NameReferee(string name, string email, string organisation, string relationship, bool fromSocialWorkEmployer,
        DateOnly? employmentEndedOn, DateTime at)
    {
        if (Referees.Count >= 4) throw new DomainException("You can name up to 4 referees.");
        var referee = Referee.Create(Id, name, email, organisation, relationship, fromSocialWorkEmployer, employmentEndedOn, at);
        Referees.Add(referee);
        return referee;
    }

    public VettingRecord RecordCheck(VettingCheck check, Guid byUserId, DateTime at, string? note)
    {
        var record = VettingRecord.Record(Id, check, byUserId, at, note);
        VettingRecords.Add(record);
        return record;
    }

    public RecordedWaiver RecordWaiver(ClientAuthorityTerms authority, string grantedBy, DateOnly grantedOn, string documentReference,
        Guid? letterFileId, Guid recordedBy, DateTime at, DateOnly today)
    {
        var waiver = RecordedWaiver.Record(Id, authority, grantedBy, grantedOn, documentReference, letterFileId, recordedBy, at, today);
        Waivers.Add(waiver);
        return waiver;
    }

    // ---- Vetting ---------------------------------------------------------------------------------

    public IReadOnlyList<EmploymentSpell> EmploymentSpells() => [.. EmploymentHistory.Select(EmploymentSpell.From)];

    /// <summary>
    /// The person's own employment history plus <paramref name="recordedElsewhere"/>: employment the agency knows of
    /// from its own records, such as the time a linked shadower has been an authority's permanent staff.
    /// </summary>
    public IReadOnlyList<EmploymentSpell> EmploymentSpells(IReadOnlyList<EmploymentSpell>? recordedElsewhere) =>
        recordedElsewhere is null or { Count: 0 } ? EmploymentSpells() : [.. EmploymentSpells(), .. recordedElsewhere];

    /// <summary>Everything vetting looks at, from this profile and the client authorities' terms.</summary>
    /// <param name="recordedElsewhere">Employment from the agency's own records (linked shadower records), counted for non-solicitation.</param>
    public VettingFacts VettingFacts(IReadOnlyList<ClientAuthorityTerms> clients, DateOnly today,
        IReadOnlyList<EmploymentSpell>? recordedElsewhere = null)
    {
        RecordedCheck? Latest(VettingCheck check) => VettingRecords.Where(r => r.Check == check)
            .OrderByDescending(r => r.RecordedAt).Select(r => r.ToRecordedCheck()).FirstOrDefault();

        return new VettingFacts(
            QualifiedOn,
            RegistrationFacts.From(SweNumber, Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)),
            Document(ComplianceDocumentKind.EnhancedDbs) is { } dbs ? DbsFacts.From(dbs) : null,
            Document(ComplianceDocumentKind.IndemnityInsurance) is { } insurance ? InsuranceFacts.From(insurance) : null,
            [.. Referees.Select(r => r.ToFacts(today))],
            Document(ComplianceDocumentKind.RightToWork)?.Verification,
            Latest(VettingCheck.Identity),
            Latest(VettingCheck.Interview),
            NonSolicitation.ApprovalBlocks(EmploymentSpells(recordedElsewhere), clients, [.. Waivers.Select(w => w.ToRule())], today));
    }

    /// <param name="recordedElsewhere">Employment from the agency's own records (linked shadower records), counted for non-solicitation.</param>
    public VettingResult Vet(IReadOnlyList<ClientAuthorityTerms> clients, DateOnly today, IReadOnlyList<EmploymentSpell>? recordedElsewhere = null) =>
        Vetting.Evaluate(VettingFacts(clients, today, recordedElsewhere), today);

    public static bool IsValidSweNumber(string? number) =>
        number is not null && SweNumberPattern().IsMatch(number.Trim().ToUpperInvariant());

    [GeneratedRegex("^SW[1-9][0-9]*$")]
    private static partial Regex SweNumberPattern();
}
