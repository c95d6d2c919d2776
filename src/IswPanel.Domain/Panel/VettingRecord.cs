using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// A check an administrator carries out in person and records, with who and when: identity (documents
/// seen) and the interview. Document checks are recorded by verifying the document instead.
/// </summary>
public sealed class VettingRecord : Entity
{
    private VettingRecord() { }

    public Guid IswProfileId { get; private set; }
    public VettingCheck Check { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string? Note { get; private set; }

    public static readonly IReadOnlyList<VettingCheck> RecordedInPerson = [VettingCheck.Identity, VettingCheck.Interview];

    public static VettingRecord Record(Guid iswProfileId, VettingCheck check, Guid byUserId, DateTime at, string? note)
    {
        if (!RecordedInPerson.Contains(check))
            throw new DomainException($"The {check} check is recorded by verifying its evidence, not directly.");
        return new VettingRecord
        {
            IswProfileId = iswProfileId,
            Check = check,
            RecordedByUserId = byUserId,
            RecordedAt = at,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
    }

    public RecordedCheck ToRecordedCheck() => new(RecordedByUserId, RecordedAt);
}
