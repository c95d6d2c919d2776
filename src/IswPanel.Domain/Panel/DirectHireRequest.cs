using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>
/// An authority asks to hire a panel member directly. Recorded, never blocked; the page shows whether a
/// transfer fee may still apply under the Conduct of Employment Agencies Regulations 2003.
/// </summary>
public sealed class DirectHireRequest : Entity
{
    private DirectHireRequest() { }

    public Guid IswProfileId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    public string? Notes { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public List<SupplyPeriod> SupplyPeriods { get; private set; } = [];

    public static DirectHireRequest Record(Guid iswProfileId, Guid authorityId, DateOnly requestedOn, IEnumerable<SupplyPeriod> supply,
        string? notes, Guid recordedBy, DateTime at)
    {
        var periods = supply.ToList();
        _ = TransferFee.Window(periods); // validates the periods: at least one, none ending before it starts
        return new DirectHireRequest
        {
            IswProfileId = iswProfileId,
            AuthorityId = authorityId,
            RequestedOn = requestedOn,
            SupplyPeriods = periods,
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            RecordedByUserId = recordedBy,
            RecordedAt = at,
        };
    }

    public TransferFeeWindow Window() => TransferFee.Window(SupplyPeriods);
}
