using IswPanel.Domain.Common;

namespace IswPanel.Domain.Assessments;

/// <summary>
/// How many working days before the filing deadline (or target date) each milestone falls due. Data per
/// assessment type, editable by administrators. The offsets must be strictly decreasing in milestone order
/// (each milestone falls due after the one before it), each between 0 and <see cref="MaximumWorkingDays"/>.
/// An offset of 0 means "on the deadline itself".
/// </summary>
public sealed record MilestoneOffsets
{
    /// <summary>The largest offset accepted: two years of working days (104 weeks, the longest typical length).</summary>
    public const int MaximumWorkingDays = 520;

    private const int DefaultDraftToQaBefore = 8;
    private const int DefaultQaCompleteBefore = 3;
    private const int DefaultReleaseBefore = 2;

    /// <exception cref="DomainException">An offset is negative or too large, or they are not strictly decreasing.
    /// The exception's field names the offending parameter (e.g. "FirstVisitBefore").</exception>
    public MilestoneOffsets(int allocateBefore, int firstVisitBefore, int draftToQaBefore, int qaCompleteBefore, int releaseBefore)
    {
        ReadOnlySpan<int> values = [allocateBefore, firstVisitBefore, draftToQaBefore, qaCompleteBefore, releaseBefore];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < 0)
                throw new DomainException($"{MilestoneNames.All[i]} must be 0 or more working days before the deadline.", Fields[i]);
            if (values[i] > MaximumWorkingDays)
                throw new DomainException($"{MilestoneNames.All[i]} must be at most {MaximumWorkingDays} working days before the deadline.", Fields[i]);
            if (i > 0 && values[i] >= values[i - 1])
                throw new DomainException(
                    $"{MilestoneNames.All[i]} must be fewer working days before the deadline than {MilestoneNames.All[i - 1]} ({values[i - 1]}).",
                    Fields[i]);
        }

        AllocateBefore = allocateBefore;
        FirstVisitBefore = firstVisitBefore;
        DraftToQaBefore = draftToQaBefore;
        QaCompleteBefore = qaCompleteBefore;
        ReleaseBefore = releaseBefore;
    }

    /// <summary>Field names, in milestone order, used in validation messages' <see cref="DomainException.Field"/>.</summary>
    private static readonly string[] Fields =
        [nameof(AllocateBefore), nameof(FirstVisitBefore), nameof(DraftToQaBefore), nameof(QaCompleteBefore), nameof(ReleaseBefore)];

    public int AllocateBefore { get; }
    public int FirstVisitBefore { get; }
    public int DraftToQaBefore { get; }
    public int QaCompleteBefore { get; }
    public int ReleaseBefore { get; }

    /// <summary>
    /// The default offsets for a type that typically takes <paramref name="typicalWeeks"/> weeks:
    /// allocate typicalWeeks × 5 working days before, first visit 5 fewer, draft to QA 8, QA complete 3,
    /// release 2 (a 12-week type: 60, 55, 8, 3, 2; 4 weeks: 20, 15, 8, 3, 2).
    /// For short types the order is kept strictly decreasing by clamping, working from "Allocate by"
    /// (always typicalWeeks × 5) down: each later offset is lowered where needed to one less than the one
    /// before it, and raised where needed to leave room for those after it (so "Release by" never goes below 0).
    /// 3 weeks: 15, 10, 8, 3, 2; 2 weeks: 10, 5, 4, 3, 2; 1 week: 5, 3, 2, 1, 0.
    /// </summary>
    /// <exception cref="DomainException"><paramref name="typicalWeeks"/> is outside 1 to 104.</exception>
    public static MilestoneOffsets DefaultFor(int typicalWeeks)
    {
        if (typicalWeeks is < 1 or > MaximumWorkingDays / 5)
            throw new DomainException($"Typical length must be between 1 and {MaximumWorkingDays / 5} weeks.", "TypicalWeeks");

        Span<int> wished = [typicalWeeks * 5, typicalWeeks * 5 - 5, DefaultDraftToQaBefore, DefaultQaCompleteBefore, DefaultReleaseBefore];
        Span<int> values = stackalloc int[wished.Length];
        values[0] = wished[0];
        for (var i = 1; i < wished.Length; i++)
        {
            var roomNeededAfter = wished.Length - 1 - i;
            values[i] = Math.Max(Math.Min(wished[i], values[i - 1] - 1), roomNeededAfter);
        }

        return new MilestoneOffsets(values[0], values[1], values[2], values[3], values[4]);
    }

    /// <summary>The offsets in milestone order (the order of <see cref="MilestoneNames.All"/>).</summary>
    public IReadOnlyList<int> InOrder() => [AllocateBefore, FirstVisitBefore, DraftToQaBefore, QaCompleteBefore, ReleaseBefore];
}

/// <summary>The milestones' names, as shown to people, in the order they fall due.</summary>
public static class MilestoneNames
{
    public const string AllocateBy = "Allocate by";
    public const string FirstVisitBy = "First visit by";
    public const string DraftToQaBy = "Draft to QA by";
    public const string QaCompleteBy = "QA complete by";
    public const string ReleaseBy = "Release by";

    public static IReadOnlyList<string> All { get; } = [AllocateBy, FirstVisitBy, DraftToQaBy, QaCompleteBy, ReleaseBy];
}
