using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// An authority's written waiver of non-solicitation for one panel member, as recorded by an
/// administrator: who granted it, when, the document's reference and the uploaded letter.
/// </summary>
public sealed class RecordedWaiver : Entity
{
    private RecordedWaiver() { }

    public Guid IswProfileId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public DateOnly GrantedOn { get; private set; }
    public string DocumentReference { get; private set; } = "";
    public Guid? LetterFileId { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    /// <summary>Refused unless the authority's contract allows waivers (DOMAIN.md, Non-solicitation).</summary>
    public static RecordedWaiver Record(Guid iswProfileId, ClientAuthorityTerms authority, string grantedBy, DateOnly grantedOn,
        string documentReference, Guid? letterFileId, Guid recordedBy, DateTime at, DateOnly today)
    {
        if (!authority.WaiversAllowed)
            throw new DomainException($"{authority.Name}'s contract does not allow non-solicitation waivers.");
        if (grantedOn > today) throw new DomainException("The date the waiver was granted cannot be in the future.", nameof(GrantedOn));
        var rule = new NonSolicitationWaiver(authority.AuthorityId, grantedBy, grantedOn, documentReference);
        return new RecordedWaiver
        {
            IswProfileId = iswProfileId,
            AuthorityId = authority.AuthorityId,
            GrantedBy = rule.GrantedBy,
            GrantedOn = grantedOn,
            DocumentReference = rule.DocumentReference,
            LetterFileId = letterFileId,
            RecordedByUserId = recordedBy,
            RecordedAt = at,
        };
    }

    public NonSolicitationWaiver ToRule() => new(AuthorityId, GrantedBy, GrantedOn, DocumentReference);
}
