using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>Days an ISW cannot take work (leave, training), both inclusive.</summary>
public sealed record UnavailablePeriod(DateOnly From, DateOnly To, string? Reason)
{
    public DateOnly To { get; } = To < From ? throw new DomainException("The end date must be on or after the start date.") : To;

    public bool Overlaps(UnavailablePeriod other) => From <= other.To && other.From <= To;

    /// <summary>Refuses a set of periods in which any two overlap.</summary>
    public static void EnsureNoOverlap(IReadOnlyList<UnavailablePeriod> periods)
    {
        for (var i = 0; i < periods.Count; i++)
            for (var j = i + 1; j < periods.Count; j++)
                if (periods[i].Overlaps(periods[j]))
                    throw new DomainException($"The periods {Show(periods[i])} and {Show(periods[j])} overlap. Change or remove one.");
    }

    private static string Show(UnavailablePeriod p) => $"{DisplayDates.Show(p.From)} to {DisplayDates.Show(p.To)}";
}
