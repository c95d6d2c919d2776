using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Matching;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Matching;

/// <summary>Section "Matching": the scoring weights (see <see cref="MatchWeights.Default"/> for why they are what they are).</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";
    public float Quality { get; set; } = MatchWeights.Default.Quality;
    public float OnTime { get; set; } = MatchWeights.Default.OnTime;
    public float Load { get; set; } = MatchWeights.Default.Load;
    public float Distance { get; set; } = MatchWeights.Default.Distance;
    public float Continuity { get; set; } = MatchWeights.Default.Continuity;
    public float AuthorityRating { get; set; } = MatchWeights.Default.AuthorityRating;

    public MatchWeights Weights => new(Quality, OnTime, Load, Distance, Continuity, AuthorityRating);
}

/// <summary>
/// Turns a request and the whole panel into the matcher's inputs: every candidate's facts come from one
/// database query (scalar subqueries, no query per ISW), the eligible ones' history from one more, then the pure
/// domain functions rank and explain.
/// </summary>
public sealed class Shortlister(AppDbContext db, IClock clock, IOptions<MatchingOptions> options)
{
    private static readonly AssessmentRequestStatus[] InHand =
        [AssessmentRequestStatus.Assigned, AssessmentRequestStatus.InProgress, AssessmentRequestStatus.InQa];

    /// <summary>The request, the whole panel's facts, and the names the explanations need.</summary>
    public sealed record Evaluation(AssessmentRequest Request, MatchRequest Match, MatchLabels Labels, CandidateFacts[] Candidates,
        Guid[] Ids, string[] Names);

    public sealed record Candidate(Guid IswId, string Name);

    /// <summary>Evaluates the panel (or just <paramref name="only"/>) for a request.</summary>
    public async Task<Evaluation> EvaluateAsync(AssessmentRequest request, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var types = await db.AssessmentTypes.AsNoTracking().OrderBy(t => t.DisplayOrder).ThenBy(t => t.Code)
            .Select(t => new { t.Id, t.Code, t.Name, t.MinPqeYears, t.RequiredSkill }).ToListAsync(cancellationToken);
        var type = types.Single(t => t.Id == request.AssessmentTypeId);
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == request.AuthorityId, cancellationToken);

        // Bits: the catalogue's types in display order; skills are the ones this request requires, in a fixed order.
        var typeBits = types.Select((t, i) => (t.Code, Bit: MatchBits.Bit(i))).ToDictionary(x => x.Code, x => x.Bit, StringComparer.OrdinalIgnoreCase);
        var required = new List<string>();
        if (type.RequiredSkill is { } skill) required.Add(skill);
        required.AddRange(request.SpecialRequirements.Where(r => SpecialSkills.Listed.Contains(r, StringComparer.OrdinalIgnoreCase)));
        required = [.. required.Distinct(StringComparer.OrdinalIgnoreCase)];
        var skillBits = required.Select((s, i) => (s, Bit: MatchBits.Bit(i))).ToDictionary(x => x.s, x => x.Bit, StringComparer.OrdinalIgnoreCase);

        var startBy = request.Milestones.FirstOrDefault(m => m.Name == MilestoneNames.FirstVisitBy)?.Due ?? today;
        var match = new MatchRequest(typeBits[type.Code], skillBits.Values.Aggregate(0UL, (a, b) => a | b), type.MinPqeYears,
            authority.Region, request.FilingDeadline, today, startBy, options.Value.Weights);

        // Employment that ended on or after this day still conflicts today (the domain's rule, inverted once).
        var months = authority.Contract.NonSolicitationMonths;
        var conflictedIfEndedOnOrAfter = FirstConflictedEndDate(today, months);
        var windowEnd = match.StartWindowEnd;
        var requestId = request.Id;
        var caseReference = request.CaseReference;
        var authorityId = request.AuthorityId;

        var profiles = db.IswProfiles.AsNoTracking();
        if (only is not null) profiles = profiles.Where(p => only.Contains(p.Id));
        var rows = await profiles
            .OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.FullName, p.Status, p.QualifiedOn, p.AssessmentTypeCodes, p.Skills, p.RegionsCovered, p.Capacity, p.TravelRadiusMiles,
                Registration = p.Documents.Where(d => d.Kind == ComplianceDocumentKind.SocialWorkEnglandRegistration).Select(d => (DateOnly?)(d.ExpiresOn ?? DateOnly.MaxValue)).FirstOrDefault(),
                Dbs = p.Documents.Where(d => d.Kind == ComplianceDocumentKind.EnhancedDbs).Select(d => (DateOnly?)(d.ExpiresOn ?? DateOnly.MaxValue)).FirstOrDefault(),
                Insurance = p.Documents.Where(d => d.Kind == ComplianceDocumentKind.IndemnityInsurance).Select(d => (DateOnly?)(d.ExpiresOn ?? DateOnly.MaxValue)).FirstOrDefault(),
                InHand = db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id && InHand.Contains(r.Status)),
                Conflicted = p.EmploymentHistory.Any(e => e.AuthorityId == authorityId && e.Kind == EmploymentKind.Permanent
                        && (e.EndedOn == null || e.EndedOn >= conflictedIfEndedOnOrAfter))
                    // A linked shadower record (same registration number, or confirmed) is the authority's permanent staff too.
                    || db.Shadowers.Any(s => s.AuthorityId == authorityId
                        && (s.SocialWorkEnglandNumber == p.SweNumber || s.ConfirmedApplicantProfileId == p.Id)
                        && (s.LeftOn == null || s.LeftOn >= conflictedIfEndedOnOrAfter)),
                UnavailableFrom = p.UnavailablePeriods.Where(u => u.From <= windowEnd && u.To >= today).OrderBy(u => u.From).Select(u => (DateOnly?)u.From).FirstOrDefault(),
                UnavailableTo = p.UnavailablePeriods.Where(u => u.From <= windowEnd && u.To >= today).OrderBy(u => u.From).Select(u => (DateOnly?)u.To).FirstOrDefault(),
                // Declined or let lapse an offer for this request, or was proposed and not approved by the commissioner.
                Declined = db.Offers.Any(o => o.AssessmentRequestId == requestId && o.IswProfileId == p.Id
                        && (o.Status == OfferStatus.Declined || o.Status == OfferStatus.Expired))
                    || db.Assignments.Any(a => a.AssessmentRequestId == requestId && a.IswProfileId == p.Id && !a.IsActive),
                Continuity = db.AssessmentRequests.Any(r => r.AuthorityId == authorityId && r.CaseReference == caseReference
                    && r.Id != requestId && r.AssignedIswId == p.Id),
            })
            .ToListAsync(cancellationToken);
        var facts = new CandidateFacts[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (lapse, lapsing) = EarliestLapse(today, row.Registration, row.Dbs, row.Insurance);
            facts[i] = new CandidateFacts
            {
                Index = i,
                Status = row.Status,
                QualifiedOn = row.QualifiedOn,
                AssessmentTypeMask = row.AssessmentTypeCodes.Aggregate(0UL, (mask, code) => typeBits.TryGetValue(code, out var bit) ? mask | bit : mask),
                SkillMask = row.Skills.Aggregate(0UL, (mask, s) => skillBits.TryGetValue(s, out var bit) ? mask | bit : mask),
                RegionMask = MatchBits.Regions(row.RegionsCovered),
                EarliestLapse = lapse,
                LapsingDocument = lapsing,
                ActiveAssignments = row.InHand,
                Capacity = row.Capacity,
                UnavailableFrom = row.UnavailableFrom ?? default,
                UnavailableTo = row.UnavailableTo ?? default,
                TravelRadiusMiles = row.TravelRadiusMiles,
                ConflictedWithAuthority = row.Conflicted,
                DeclinedOrLapsedOfferForThisRequest = row.Declined,
                AssessedThisCaseBefore = row.Continuity,
                // No history until the measures below: only an eligible candidate is scored, so only they need it.
                // Distances are not recorded yet: the matcher treats them as unknown and says so.
            };
        }

        // Delivery and QA history, in one query, for the candidates the exclusions leave: the measures are the costly
        // part (a national panel's whole history), and an excluded candidate is never scored. Ratings are the
        // requesting authority's.
        var eligible = new List<Guid>();
        foreach (ref readonly var candidate in facts.AsSpan())
            if (Matcher.Exclusions(match, candidate) == ExclusionReason.None) eligible.Add(rows[candidate.Index].Id);
        var measures = eligible.Count == 0
            ? []
            : await Measures.IswMeasures.ForAsync(db, eligible, authorityId, cancellationToken);
        for (var i = 0; i < facts.Length; i++)
        {
            if (measures.GetValueOrDefault(rows[i].Id) is not { } history) continue;
            facts[i] = facts[i] with
            {
                CompletedAssessments = history.Completed,
                OnTimeAssessments = history.OnTime,
                FirstPassApprovalRate = history.FirstPassRate is { } firstPass ? (float)firstPass : float.NaN,
                MeanQaScore = history.MeanQaScore is { } qa ? (float)qa : float.NaN,
                MeanAuthorityRating = history.MeanRatingByAuthority is { } rating ? (float)rating : float.NaN,
            };
        }

        return new Evaluation(request, match, new MatchLabels(type.Name, required), facts,
            [.. rows.Select(r => r.Id)], [.. rows.Select(r => r.FullName)]);
    }

    /// <summary>The best eligible candidate not in <paramref name="exclude"/>, for cascading an offer.</summary>
    public async Task<Candidate?> BestEligibleAsync(AssessmentRequest request, IReadOnlySet<Guid> exclude, CancellationToken cancellationToken)
    {
        var evaluation = await EvaluateAsync(request, only: null, cancellationToken);
        var best = new Ranked[evaluation.Candidates.Length];
        var counts = Matcher.Rank(evaluation.Match, evaluation.Candidates, best);
        foreach (var ranked in best.AsSpan(0, counts.Written))
            if (!exclude.Contains(evaluation.Ids[ranked.Index])) return new Candidate(evaluation.Ids[ranked.Index], evaluation.Names[ranked.Index]);
        return null;
    }

    /// <summary>
    /// The first day a document stops counting, and which: the day after its last valid day. A missing
    /// document counts as lapsed today (nobody is offered work on evidence they have not given).
    /// </summary>
    private static (DateOnly Lapse, ComplianceDocumentKind Kind) EarliestLapse(DateOnly today, DateOnly? registration, DateOnly? dbs, DateOnly? insurance)
    {
        var earliest = (Lapse: DateOnly.MaxValue, Kind: ComplianceDocumentKind.SocialWorkEnglandRegistration);
        foreach (var (lastValid, kind) in new[]
        {
            (registration, ComplianceDocumentKind.SocialWorkEnglandRegistration),
            (dbs, ComplianceDocumentKind.EnhancedDbs),
            (insurance, ComplianceDocumentKind.IndemnityInsurance),
        })
        {
            var lapse = lastValid is not { } day ? today : day == DateOnly.MaxValue ? DateOnly.MaxValue : day.AddDays(1);
            if (lapse < earliest.Lapse) earliest = (lapse, kind);
        }

        return earliest;
    }

    /// <summary>The earliest end of employment that still conflicts today under the domain's rule (free from end + months).</summary>
    internal static DateOnly FirstConflictedEndDate(DateOnly today, int months)
    {
        var candidate = today.AddMonths(-months).AddDays(-3);
        while (NonSolicitation.FreeFrom(candidate, months) <= today) candidate = candidate.AddDays(1);
        return candidate;
    }
}
