using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Matching;

/// <summary>
/// Everything the matcher needs to know about one ISW for one request, precomputed by the caller from one
/// query. Only value types, so an array of them is one block of memory and ranking allocates nothing.
/// Build it with an object initializer (<c>new CandidateFacts { Index = i, ... }</c>): the histories then
/// start as unknown (NaN) rather than zero. <see cref="EarliestLapse"/> starts at <see cref="DateOnly.MinValue"/>
/// (lapsed), so forgetting to set it excludes the candidate rather than letting stale evidence through.
/// </summary>
public readonly record struct CandidateFacts
{
    public CandidateFacts() { }

    // Declared widest first so the struct packs tightly (about 88 bytes).

    /// <summary>The assessment types the ISW offers, one bit each in the caller's numbering.</summary>
    public ulong AssessmentTypeMask { get; init; }

    /// <summary>The skills the ISW holds, one bit each in the caller's numbering.</summary>
    public ulong SkillMask { get; init; }

    /// <summary>Position in the caller's arrays of ids and names; also the last tie-break (lower first). Keep it unique.</summary>
    public int Index { get; init; }

    public PanelMemberStatus Status { get; init; }

    /// <summary>The qualification date; whole years from it to the request's today are the PQE.</summary>
    public DateOnly QualifiedOn { get; init; }

    /// <summary>
    /// The first day one of the ISW's compliance documents (registration, DBS, insurance) stops counting: the day
    /// after its last valid day. <see cref="DateOnly.MaxValue"/> when none lapses. A missing document: pass the
    /// request's today (it counts as already lapsed).
    /// </summary>
    public DateOnly EarliestLapse { get; init; }

    /// <summary>Which document lapses on <see cref="EarliestLapse"/>, for the explanation.</summary>
    public ComplianceDocumentKind LapsingDocument { get; init; }

    /// <summary>Assessments currently in hand (assigned, in progress, in QA).</summary>
    public int ActiveAssignments { get; init; }

    /// <summary>The most assessments the ISW takes at once.</summary>
    public int Capacity { get; init; }

    /// <summary>
    /// The first unavailable period (both days inclusive) that overlaps the window from the request's today to its
    /// start-by date; leave both default when there is none. The matcher checks the overlap itself, so passing a
    /// period outside the window is harmless.
    /// </summary>
    public DateOnly UnavailableFrom { get; init; }

    /// <summary>The last unavailable day of <see cref="UnavailableFrom"/>'s period.</summary>
    public DateOnly UnavailableTo { get; init; }

    /// <summary>Miles from the ISW's home district to the request's district; NaN when unknown.</summary>
    public float DistanceMiles { get; init; } = float.NaN;

    public int TravelRadiusMiles { get; init; }

    /// <summary>Assessments completed (delivered) in the ISW's history; 0 means no on-time history.</summary>
    public int CompletedAssessments { get; init; }

    /// <summary>Of <see cref="CompletedAssessments"/>, how many were filed by their deadline.</summary>
    public int OnTimeAssessments { get; init; }

    /// <summary>Share of reports approved at the first QA review, 0 to 1; NaN when there is no QA history.</summary>
    public float FirstPassApprovalRate { get; init; } = float.NaN;

    /// <summary>Mean QA rubric score, 1 to 4; NaN when there is none.</summary>
    public float MeanQaScore { get; init; } = float.NaN;

    /// <summary>Mean rating given by the requesting authority to this ISW, 1 to 5; NaN when it has not rated them.</summary>
    public float MeanAuthorityRating { get; init; } = float.NaN;

    /// <summary>The requesting authority is in the ISW's <see cref="ExclusionReason.NonSolicitationConflict">non-solicitation</see> period (from <see cref="NonSolicitation.IsConflictedWith"/>).</summary>
    public bool ConflictedWithAuthority { get; init; }

    /// <summary>The ISW declined, or let lapse, an offer of this request.</summary>
    public bool DeclinedOrLapsedOfferForThisRequest { get; init; }

    /// <summary>The ISW assessed this case reference before (continuity).</summary>
    public bool AssessedThisCaseBefore { get; init; }

    /// <summary>The region mask of <see cref="MatchBits.Regions"/>: the regions the ISW covers.</summary>
    public ushort RegionMask { get; init; }
}
