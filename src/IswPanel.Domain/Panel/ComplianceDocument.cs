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

/// <summary>Evidence an ISW keeps current. A document that lapses suspends matching.</summary>
public sealed class ComplianceDocument : Entity
{
    private ComplianceDocument() { }

    public Guid IswProfileId { get; private set; }
    public ComplianceDocumentKind Kind { get; private set; }
    public string? Reference { get; private set; }
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>When the document stops being valid; null for documents that do not expire (qualification).</summary>
    public DateOnly? ExpiresOn { get; private set; }

    /// <summary>For DBS: whether the certificate is on the DBS Update Service (annual status check).</summary>
    public bool OnUpdateService { get; private set; }
    public DateTime? VerifiedAt { get; private set; }
    public Guid? VerifiedByUserId { get; private set; }

    public static ComplianceDocument Record(Guid iswProfileId, ComplianceDocumentKind kind, string? reference,
        DateOnly? issuedOn, DateOnly? expiresOn, bool onUpdateService = false)
    {
        if (issuedOn is not null && expiresOn is not null && expiresOn < issuedOn)
            throw new DomainException("The expiry date must be after the issue date.");
        return new ComplianceDocument
        {
            IswProfileId = iswProfileId,
            Kind = kind,
            Reference = reference,
            IssuedOn = issuedOn,
            ExpiresOn = expiresOn,
            OnUpdateService = onUpdateService,
        };
    }

    public void Verify(Guid byUserId, DateTime at)
    {
        VerifiedByUserId = byUserId;
        VerifiedAt = at;
    }

    public bool IsCurrentOn(DateOnly day) => ExpiresOn is null || ExpiresOn >= day;
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
