using IswPanel.Domain.Authorities;
using IswPanel.Domain.Matching;
using IswPanel.Domain.Panel;

namespace IswPanel.Benchmarks.Matching;

/// <summary>
/// One request and a panel of ISWs drawn from a seeded <see cref="Random"/>, for benchmark B1 and for the Domain test
/// that checks the plain baseline against the matcher (this file is linked into IswPanel.Domain.Tests). The mix is a
/// national panel's: most members active and in reach, and some excluded for each reason the matcher knows, so neither
/// ranking can skip the work of checking every rule.
/// </summary>
public static class MatchingWorkload
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>The requested type's position in the catalogue numbering (12 types).</summary>
    public const int RequestedType = 2;

    /// <summary>The required skill's position (PAMS-trained).</summary>
    public const int RequiredSkill = 0;

    private const int TypeCount = 12;
    private const int SkillCount = 6;

    private static readonly PanelMemberStatus[] NotActive =
    [
        PanelMemberStatus.Applicant, PanelMemberStatus.UnderReview, PanelMemberStatus.Suspended,
        PanelMemberStatus.Removed, PanelMemberStatus.Rejected,
    ];

    /// <summary>A PAMS parenting assessment for a North West authority: 3 years' PQE, first visit in 2 weeks, filed in 10.</summary>
    public static MatchRequest Request(MatchWeights? weights = null) =>
        new(MatchBits.Bit(RequestedType), MatchBits.Bit(RequiredSkill), minPqeYears: 3, EnglishRegion.NorthWest,
            filingDeadline: Today.AddDays(70), Today, startBy: Today.AddDays(14), weights ?? MatchWeights.Default);

    /// <summary><paramref name="count"/> candidates, the same for the same seed.</summary>
    public static CandidateFacts[] Candidates(int count, int seed)
    {
        var random = new Random(seed);
        var northWest = MatchBits.Region(EnglishRegion.NorthWest);
        var candidates = new CandidateFacts[count];
        for (var i = 0; i < count; i++)
        {
            // Status: about 1 in 11 is not active (applicants, under review, suspended, removed, rejected).
            var status = random.NextDouble() < 0.91 ? PanelMemberStatus.Active : NotActive[random.Next(NotActive.Length)];

            // 6 months to 30 years since qualifying: about 1 in 12 below the 3-year minimum.
            var qualifiedOn = Today.AddDays(-random.Next(180, 30 * 365));

            // Types: each catalogue type with even odds; the requested one in three quarters of the panel.
            var types = 0UL;
            for (var t = 0; t < TypeCount; t++)
                if (random.NextDouble() < (t == RequestedType ? 0.75 : 0.45)) types |= MatchBits.Bit(t);

            // Skills: most are PAMS-trained.
            var skills = 0UL;
            for (var k = 0; k < SkillCount; k++)
                if (random.NextDouble() < (k == RequiredSkill ? 0.85 : 0.3)) skills |= MatchBits.Bit(k);

            // Documents: 1 in 10 lapses before the filing deadline (or is missing: lapsed today), 1 in 10 never lapses.
            var documents = random.NextDouble();
            var earliestLapse = documents < 0.03 ? Today
                : documents < 0.10 ? Today.AddDays(random.Next(1, 71))
                : documents < 0.20 ? DateOnly.MaxValue
                : Today.AddDays(random.Next(71, 3 * 365));

            var capacity = random.Next(1, 7);
            var active = random.NextDouble() < 0.12 ? capacity : random.Next(0, capacity);

            // Unavailable: 1 in 15 during the start window, 1 in 10 later on (harmless), the rest never.
            DateOnly unavailableFrom = default, unavailableTo = default;
            var away = random.NextDouble();
            if (away < 0.067)
            {
                unavailableFrom = Today.AddDays(random.Next(-5, 14));
                unavailableTo = unavailableFrom.AddDays(random.Next(0, 21));
            }
            else if (away < 0.167)
            {
                unavailableFrom = Today.AddDays(random.Next(20, 200));
                unavailableTo = unavailableFrom.AddDays(random.Next(0, 21));
            }

            // Area: the distance is known for 60% (1 in 5 of those beyond the radius); otherwise the regions decide
            // (60% cover the North West).
            var radius = random.Next(10, 81);
            var distance = random.NextDouble() >= 0.6 ? float.NaN
                : random.NextDouble() < 0.8 ? (float)(random.NextDouble() * radius)
                : (float)(radius + 0.5 + random.NextDouble() * 60);
            ushort regions = 0;
            if (random.NextDouble() < 0.6) regions |= northWest;
            for (var r = 0; r < 2; r++) regions |= MatchBits.Region((EnglishRegion)random.Next(0, 9));

            // History: 15% have completed nothing; QA history and this authority's ratings are sparser.
            var completed = random.NextDouble() < 0.15 ? 0 : random.Next(1, 61);
            candidates[i] = new CandidateFacts
            {
                Index = i,
                Status = status,
                QualifiedOn = qualifiedOn,
                AssessmentTypeMask = types,
                SkillMask = skills,
                RegionMask = regions,
                EarliestLapse = earliestLapse,
                LapsingDocument = (ComplianceDocumentKind)random.Next(0, 3),
                ActiveAssignments = active,
                Capacity = capacity,
                UnavailableFrom = unavailableFrom,
                UnavailableTo = unavailableTo,
                DistanceMiles = distance,
                TravelRadiusMiles = radius,
                CompletedAssessments = completed,
                OnTimeAssessments = completed == 0 ? 0 : random.Next(completed / 2, completed + 1),
                FirstPassApprovalRate = random.NextDouble() < 0.2 ? float.NaN : (float)(0.4 + random.NextDouble() * 0.6),
                MeanQaScore = random.NextDouble() < 0.2 ? float.NaN : (float)(1 + random.NextDouble() * 3),
                MeanAuthorityRating = random.NextDouble() < 0.6 ? float.NaN : random.Next(1, 6) + (random.NextDouble() < 0.5 ? 0f : 0.5f),
                ConflictedWithAuthority = random.NextDouble() < 0.03,
                DeclinedOrLapsedOfferForThisRequest = random.NextDouble() < 0.01,
                AssessedThisCaseBefore = random.NextDouble() < 0.02,
            };
        }

        return candidates;
    }
}
