using IswPanel.Domain.Authorities;

namespace IswPanel.Domain.Matching;

/// <summary>
/// Builds the bit masks the matcher compares. The caller numbers assessment types (e.g. by catalogue order)
/// and skills (e.g. the skills any type requires) from 0 to 63 once per request, and uses the same numbering
/// for the request and every candidate. Regions use <see cref="EnglishRegion"/>'s own order.
/// </summary>
public static class MatchBits
{
    /// <summary>The most positions a <see cref="ulong"/> mask can number.</summary>
    public const int MaxPositions = 64;

    /// <summary>The mask with only bit <paramref name="position"/> (0 to 63) set.</summary>
    public static ulong Bit(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, MaxPositions);
        return 1UL << position;
    }

    /// <summary>The mask of every position in <paramref name="positions"/>.</summary>
    public static ulong Mask(IEnumerable<int> positions)
    {
        var mask = 0UL;
        foreach (var position in positions) mask |= Bit(position);
        return mask;
    }

    /// <summary>The bit of one region.</summary>
    public static ushort Region(EnglishRegion region)
    {
        if (!Enum.IsDefined(region)) throw new ArgumentOutOfRangeException(nameof(region), region, "Not an English region.");
        return (ushort)(1 << (int)region);
    }

    /// <summary>The mask of the regions an ISW covers.</summary>
    public static ushort Regions(IEnumerable<EnglishRegion> regions)
    {
        ushort mask = 0;
        foreach (var region in regions) mask |= Region(region);
        return mask;
    }
}
