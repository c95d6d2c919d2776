using IswPanel.Domain.Common;

namespace IswPanel.Domain.Insight;

/// <summary>
/// The plan section of an authority's evidence pack for one period ("what are your plans"), written and saved
/// by a commissioner. The figures are computed from the records each time; only the plan is stored.
/// </summary>
public sealed class EvidencePlan : Entity
{
    private EvidencePlan() { }

    public const int MaxTextLength = 8000;

    public Guid AuthorityId { get; private set; }
    public DateOnly PeriodFrom { get; private set; }

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly PeriodTo { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime SavedAt { get; private set; }
    public Guid SavedByUserId { get; private set; }

    public static EvidencePlan Write(Guid authorityId, DateOnly from, DateOnly to, string? text, DateTime now, Guid userId)
    {
        if (to < from) throw new DomainException("The end of the period must be on or after its start.", nameof(PeriodTo));
        var plan = new EvidencePlan { AuthorityId = authorityId, PeriodFrom = from, PeriodTo = to };
        plan.Revise(text, now, userId);
        return plan;
    }

    public void Revise(string? text, DateTime now, Guid userId)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0) throw new DomainException("Enter your plans.", nameof(Text));
        if (value.Length > MaxTextLength) throw new DomainException("The plan must be 8,000 characters or fewer.", nameof(Text));
        Text = value;
        SavedAt = now;
        SavedByUserId = userId;
    }
}
