using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Matching;
using IswPanel.Domain.Panel;

namespace IswPanel.Domain.Tests.Matching;

/// <summary>One request and one ISW who fits it on every count, for tests to change one fact at a time.</summary>
internal static class MatchingExamples
{
    public static readonly DateOnly Today = new(2026, 12, 1);
    public static readonly DateOnly FilingDeadline = new(2027, 2, 15);
    public static readonly DateOnly StartBy = new(2026, 12, 15);

    // The caller's numbering: types by catalogue position, skills by the order the page lists them.
    public const int ParentingPams = 2;
    public const int SpecialistRisk = 8;
    public const int Pams = 0;
    public const int SexualHarm = 1;
    public const int CourtExpertWitness = 3;

    public static readonly MatchLabels Labels = new("Parenting assessment, PAMS",
        [AssessmentTypeCatalogue.PamsTrained, "Sexual harm risk (AIM3)", "Domestic abuse (SafeLives)", "Court expert witness"]);

    /// <summary>A PAMS parenting assessment for a North West authority, due in February 2027.</summary>
    public static MatchRequest Request(MatchWeights? weights = null, int minPqeYears = 5, ulong? requiredSkills = null,
        int type = ParentingPams, DateOnly? startBy = null) =>
        new(MatchBits.Bit(type), requiredSkills ?? MatchBits.Bit(Pams), minPqeYears, EnglishRegion.NorthWest,
            FilingDeadline, Today, startBy ?? StartBy, weights ?? MatchWeights.Default);

    /// <summary>An active, PAMS-trained ISW with 14 years' PQE, current documents, room, and a good record.</summary>
    public static CandidateFacts Eligible(int index = 0) => new()
    {
        Index = index,
        Status = PanelMemberStatus.Active,
        QualifiedOn = new DateOnly(2012, 9, 1),
        AssessmentTypeMask = MatchBits.Bit(1) | MatchBits.Bit(ParentingPams),
        SkillMask = MatchBits.Bit(Pams) | MatchBits.Bit(2),
        RegionMask = MatchBits.Regions([EnglishRegion.NorthWest, EnglishRegion.NorthEast]),
        EarliestLapse = new DateOnly(2027, 7, 1),
        LapsingDocument = ComplianceDocumentKind.IndemnityInsurance,
        ActiveAssignments = 1,
        Capacity = 4,
        DistanceMiles = 12,
        TravelRadiusMiles = 40,
        CompletedAssessments = 10,
        OnTimeAssessments = 9,
        FirstPassApprovalRate = 0.8f,
        MeanQaScore = 3.2f,
        MeanAuthorityRating = 4.5f,
        AssessedThisCaseBefore = true,
    };

    /// <summary>An eligible ISW with no history at all: nothing completed, reviewed or rated, distance unknown.</summary>
    public static CandidateFacts WithoutHistory(int index = 0) => Eligible(index) with
    {
        CompletedAssessments = 0,
        OnTimeAssessments = 0,
        FirstPassApprovalRate = float.NaN,
        MeanQaScore = float.NaN,
        MeanAuthorityRating = float.NaN,
        DistanceMiles = float.NaN,
        AssessedThisCaseBefore = false,
    };
}
