using System.Numerics;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Matching;

/// <summary>
/// One assessment request as the matcher sees it, built once per shortlist. The bits use the caller's
/// numbering (see <see cref="MatchBits"/>); the same numbering must be used for every <see cref="CandidateFacts"/>.
/// </summary>
public readonly record struct MatchRequest
{
    /// <param name="assessmentTypeBit">The requested type's bit: exactly one bit set (<see cref="MatchBits.Bit"/>).</param>
    /// <param name="requiredSkillMask">Every skill the request requires (the type's required skill, special requirements); 0 for none.</param>
    /// <param name="minPqeYears">The type's minimum whole years of post-qualifying experience (0 or more).</param>
    /// <param name="authorityRegion">The requesting authority's region.</param>
    /// <param name="filingDeadline">The filing deadline (or target date); every compliance document must still count on this day.</param>
    /// <param name="today">Today (UK date): the day PQE is counted on and the start of the availability window.</param>
    /// <param name="startBy">The "first visit by" date: an ISW unavailable on any day from <paramref name="today"/> to this date
    /// cannot start in time. A date before today means the window is today alone.</param>
    /// <param name="weights">How the score weighs its components; <see cref="MatchWeights.Default"/> unless configured.</param>
    public MatchRequest(ulong assessmentTypeBit, ulong requiredSkillMask, int minPqeYears, EnglishRegion authorityRegion,
        DateOnly filingDeadline, DateOnly today, DateOnly startBy, MatchWeights weights)
    {
        if (!BitOperations.IsPow2(assessmentTypeBit))
            throw new ArgumentOutOfRangeException(nameof(assessmentTypeBit), assessmentTypeBit, "Set exactly one bit for the assessment type.");
        ArgumentOutOfRangeException.ThrowIfNegative(minPqeYears);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minPqeYears, MaxPqeYears);

        AssessmentTypeBit = assessmentTypeBit;
        RequiredSkillMask = requiredSkillMask;
        MinPqeYears = minPqeYears;
        QualifiedOnOrBefore = LatestQualification(minPqeYears, today);
        AuthorityRegion = authorityRegion;
        AuthorityRegionBit = MatchBits.Region(authorityRegion);
        FilingDeadline = filingDeadline;
        Today = today;
        StartBy = startBy;
        StartWindowEnd = startBy > today ? startBy : today;
        Weights = weights;
        WeightTotal = weights.Total;
    }

    /// <summary>The largest minimum PQE a request may ask for.</summary>
    public const int MaxPqeYears = 100;

    public ulong AssessmentTypeBit { get; }
    public ulong RequiredSkillMask { get; }
    public int MinPqeYears { get; }

    /// <summary>
    /// The latest qualification date that gives <see cref="MinPqeYears"/> whole years on <see cref="Today"/>, by
    /// <see cref="PostQualifyingExperience.WholeYears"/>: a candidate has enough PQE exactly when they qualified on or
    /// before it. Computed once, so the per-candidate check is one comparison.
    /// </summary>
    public DateOnly QualifiedOnOrBefore { get; }
    public EnglishRegion AuthorityRegion { get; }

    /// <summary>The bit of <see cref="AuthorityRegion"/>, as in <see cref="CandidateFacts.RegionMask"/>.</summary>
    public ushort AuthorityRegionBit { get; }
    public DateOnly FilingDeadline { get; }
    public DateOnly Today { get; }
    public DateOnly StartBy { get; }

    /// <summary>The last day of the availability window: the later of <see cref="Today"/> and <see cref="StartBy"/>.</summary>
    public DateOnly StartWindowEnd { get; }
    public MatchWeights Weights { get; }

    /// <summary><see cref="MatchWeights.Total"/>, computed once.</summary>
    public double WeightTotal { get; }

    /// <summary>
    /// Whole years never decrease as the qualification date moves earlier, so the dates giving at least
    /// <paramref name="years"/> are those up to a cutoff. The same day <paramref name="years"/> earlier always qualifies;
    /// a day or so later can too (qualified on 29 February, the anniversary falls on 28 February), so step on while
    /// <see cref="PostQualifyingExperience.WholeYears"/> still agrees.
    /// </summary>
    internal static DateOnly LatestQualification(int years, DateOnly today)
    {
        var cutoff = today.AddYears(-years);
        while (cutoff < today && PostQualifyingExperience.WholeYears(cutoff.AddDays(1), today) >= years) cutoff = cutoff.AddDays(1);
        return cutoff;
    }
}
