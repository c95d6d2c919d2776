using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

public enum ComplianceDocumentKind
{
    SocialWorkEnglandRegistration,
    EnhancedDbs,
    IndemnityInsurance,
    RightToWork,
    Qualification,
}

/// <summary>
/// Evidence an ISW keeps current, verified by an administrator. A change to its details clears the
/// verification, so nobody stays on the panel on stale evidence; a lapse suspends matching.
/// </summary>
public sealed class ComplianceDocument : Entity
{
    private ComplianceDocument() { }

    public Guid IswProfileId { get; private set; }
    public ComplianceDocumentKind Kind { get; private set; }

    /// <summary>The certificate, policy or registration number, where the document has one.</summary>
    public string? Reference { get; private set; }
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The last day the document counts; null for documents that do not lapse (qualification).</summary>
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>For DBS: whether the certificate is on the DBS Update Service (a status check every year).</summary>
    public bool OnUpdateService { get; private set; }

    /// <summary>For DBS on the Update Service: the latest status check, from which the next year runs.</summary>
    public DateOnly? StatusCheckedOn { get; private set; }

    /// <summary>The uploaded evidence, if any.</summary>
    public Guid? StoredFileId { get; private set; }
    public DateTime? VerifiedAt { get; private set; }
    public Guid? VerifiedByUserId { get; private set; }

    public bool IsVerified => VerifiedAt is not null;

    public static ComplianceDocument Record(Guid iswProfileId, ComplianceDocumentKind kind, string? reference,
        DateOnly? issuedOn, DateOnly? expiresOn, bool onUpdateService = false, Guid? storedFileId = null)
    {
        var document = new ComplianceDocument { IswProfileId = iswProfileId, Kind = kind };
        document.Change(reference, issuedOn, expiresOn, onUpdateService, storedFileId);
        return document;
    }

    /// <summary>New details (a renewed certificate, a new policy): the old verification no longer applies.</summary>
    public void Change(string? reference, DateOnly? issuedOn, DateOnly? expiresOn, bool onUpdateService, Guid? storedFileId)
    {
        if (issuedOn is not null && expiresOn is not null && expiresOn < issuedOn)
            throw new DomainException("The expiry date must be after the issue date.", nameof(ExpiresOn));
        if (Kind == ComplianceDocumentKind.EnhancedDbs)
        {
            if (string.IsNullOrWhiteSpace(reference)) throw new DomainException("Enter the DBS certificate number.", nameof(Reference));
            if (issuedOn is null) throw new DomainException("Enter the date the DBS certificate was issued.", nameof(IssuedOn));
            expiresOn = Vetting.DbsLapsesOn(issuedOn.Value, onUpdateService).AddDays(-1);
        }

        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
        OnUpdateService = onUpdateService;
        StatusCheckedOn = null;
        StoredFileId = storedFileId ?? StoredFileId;
        VerifiedAt = null;
        VerifiedByUserId = null;
    }

    /// <summary>
    /// An administrator has checked the evidence (for registration: on the Social Work England register, which then
    /// counts until the end of that registration year, see <see cref="Vetting.RegistrationVerificationLapsesOn"/>). For a
    /// DBS certificate on the Update Service, the check is its annual status check, so the next year runs from today.
    /// </summary>
    public void Verify(Guid byUserId, DateTime at, DateOnly today)
    {
        VerifiedByUserId = byUserId;
        VerifiedAt = at;
        if (Kind == ComplianceDocumentKind.SocialWorkEnglandRegistration)
            ExpiresOn = Vetting.RegistrationVerificationLapsesOn(today).AddDays(-1);
        if (Kind == ComplianceDocumentKind.EnhancedDbs && OnUpdateService)
        {
            StatusCheckedOn = today;
            ExpiresOn = Vetting.DbsLapsesOn(today, onUpdateService: true).AddDays(-1);
        }
    }

    public bool IsCurrentOn(DateOnly day) => ExpiresOn is null || ExpiresOn >= day;

    public RecordedCheck? Verification => RecordedCheck.VerificationOf(this);

    /// <summary>The date from which a DBS certificate's validity runs: its last status check, else its issue date.</summary>
    public DateOnly? DbsValidFrom => StatusCheckedOn ?? IssuedOn;
}

public static class ComplianceDocumentKindNames
{
    public static string DisplayName(this ComplianceDocumentKind kind) => kind switch
    {
        ComplianceDocumentKind.SocialWorkEnglandRegistration => "Social Work England registration",
        ComplianceDocumentKind.EnhancedDbs => "Enhanced DBS check",
        ComplianceDocumentKind.IndemnityInsurance => "Professional indemnity insurance",
        ComplianceDocumentKind.RightToWork => "Right to work",
        ComplianceDocumentKind.Qualification => "Social work qualification",
        _ => kind.ToString(),
    };
}
