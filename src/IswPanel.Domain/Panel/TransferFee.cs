using IswPanel.Domain.Common;

namespace IswPanel.Domain.Panel;

/// <summary>One period during which the agency supplied an ISW to an authority; <see cref="EndedOn"/> (the last day) is null while ongoing.</summary>
public sealed record SupplyPeriod(DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>
/// When a transfer fee may still be charged if the authority hires the ISW directly. The fee may apply on
/// any day up to and including <see cref="ClosesOn"/>; while supply is ongoing there is no closing day yet.
/// </summary>
public sealed record TransferFeeWindow(
    DateOnly CountStartsOn,
    DateOnly FourteenWeeksEndOn,
    DateOnly? SupplyEndedOn,
    DateOnly? EightWeeksEndOn,
    DateOnly? ClosesOn,
    bool CountRestarted,
    string Explanation)
{
    /// <summary>Whether supply is still going on, so the window cannot have closed.</summary>
    public bool IsSupplyOngoing => SupplyEndedOn is null;

    /// <summary>Whether a transfer fee may apply to a direct hire on <paramref name="day"/>: yes up to and including the closing day.</summary>
    public bool FeeMayApplyOn(DateOnly day) => ClosesOn is not { } closes || day <= closes;
}

/// <summary>
/// The Conduct of Employment Agencies and Employment Businesses Regulations 2003 (reg. 10) let an employment
/// business charge a transfer fee only within the "relevant period": whichever ends later of the 14 weeks
/// beginning with the first day of supply and the 8 weeks beginning the day after supply last happened.
/// Supply before a break of more than 42 days is disregarded, so the 14 weeks start again. The rule records
/// the request; it never blocks the hire.
/// </summary>
public static class TransferFee
{
    /// <summary>14 weeks, counted from (and including) the first day of supply: its last day is that day + 97.</summary>
    public const int FourteenWeeksInDays = 98;

    /// <summary>8 weeks, counted from the day after the last day of supply: its last day is that day + 56.</summary>
    public const int EightWeeksInDays = 56;

    /// <summary>A break of more than this many days without supply restarts the 14-week count.</summary>
    public const int MaximumBreakInDays = 42;

    /// <summary>The transfer-fee window for the supply of one ISW to one authority. Periods may be unsorted and may overlap.</summary>
    public static TransferFeeWindow Window(IReadOnlyList<SupplyPeriod> periods)
    {
        if (periods.Count == 0) throw new DomainException("Enter at least one period of supply.");
        var sorted = new SupplyPeriod[periods.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var period = periods[i];
            if (period.EndedOn is { } end && end < period.StartedOn)
                throw new DomainException(
                    $"A period of supply cannot end before it starts: it starts on {DisplayDates.Show(period.StartedOn)} and ends on {DisplayDates.Show(end)}.");
            sorted[i] = period;
        }
        Array.Sort(sorted, static (a, b) => a.StartedOn.CompareTo(b.StartedOn));

        var firstSupply = sorted[0].StartedOn;
        var countStartsOn = firstSupply;
        DateOnly? coveredUntil = sorted[0].EndedOn;   // null: ongoing
        for (var i = 1; i < sorted.Length && coveredUntil is { } lastDay; i++)
        {
            var next = sorted[i];
            var daysWithoutSupply = next.StartedOn.DayNumber - lastDay.DayNumber - 1;
            if (daysWithoutSupply > MaximumBreakInDays) countStartsOn = next.StartedOn;
            coveredUntil = next.EndedOn is { } nextEnd ? (nextEnd > lastDay ? nextEnd : lastDay) : null;
        }

        var fourteenWeeksEnd = countStartsOn.AddDays(FourteenWeeksInDays - 1);
        var restarted = countStartsOn != firstSupply;
        var fourteenWeeks = $"the 14 weeks beginning with the first day of supply on {DisplayDates.Show(countStartsOn)}"
                            + (restarted ? $" (counted again after a break in supply of more than {MaximumBreakInDays} days)" : "");

        if (coveredUntil is not { } supplyEnded)
        {
            return new TransferFeeWindow(countStartsOn, fourteenWeeksEnd, null, null, null, restarted,
                $"Supply is ongoing, so a transfer fee may apply. Once supply ends, the fee may apply until the later of the end of {fourteenWeeks} ({DisplayDates.Show(fourteenWeeksEnd)}) and 8 weeks after the last day of supply.");
        }

        var eightWeeksEnd = supplyEnded.AddDays(EightWeeksInDays);
        var closes = fourteenWeeksEnd > eightWeeksEnd ? fourteenWeeksEnd : eightWeeksEnd;
        var eightWeeks = $"the 8 weeks after supply ended on {DisplayDates.Show(supplyEnded)}";
        var why = fourteenWeeksEnd.CompareTo(eightWeeksEnd) switch
        {
            > 0 => $"{fourteenWeeks} end later than {eightWeeks}.",
            < 0 => $"{eightWeeks} end later than {fourteenWeeks}.",
            _ => $"{fourteenWeeks} and {eightWeeks} both end that day.",
        };
        return new TransferFeeWindow(countStartsOn, fourteenWeeksEnd, supplyEnded, eightWeeksEnd, closes, restarted,
            $"A transfer fee may apply up to and including {DisplayDates.Show(closes)}: {why} After that day no transfer fee may be charged.");
    }
}
