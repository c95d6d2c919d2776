using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Insight.Figures;

/// <summary>The administrators' figures: matching speed, offers, the panel's load, demand against coverage, lapsing documents.</summary>
public static class PanelFigures
{
    public sealed record Band(string Label, int Count);

    public sealed record TimeToAssignment(int Assignments, double? MeanWorkingDays, IReadOnlyList<Band> Bands);

    private static readonly (string Label, int Min, int Max)[] AssignmentBands =
        [("Same or next working day", 0, 1), ("2 to 3 working days", 2, 3), ("4 to 5 working days", 4, 5), ("6 to 10 working days", 6, 10), ("More than 10 working days", 11, int.MaxValue)];

    /// <summary>
    /// Working days from a request's submission to the acceptance of an offer (the assignment), over assignments
    /// accepted in the period. The database counts assignments per (submitted date, accepted date), UTC dates; the
    /// working days between each pair come from the calendar.
    /// </summary>
    public static async Task<TimeToAssignment> TimeToAssignmentAsync(AppDbContext db, Guid? authorityId, InsightPeriod period,
        WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var pairs = await (
            from a in db.Assignments.AsNoTracking()
            where a.AcceptedAt >= start && a.AcceptedAt < end
            join r in RequestFigures.Of(db, authorityId) on a.AssessmentRequestId equals r.Id
            where r.SubmittedAt != null
            group a by new
            {
                SubmittedYear = r.SubmittedAt!.Value.Year, SubmittedMonth = r.SubmittedAt!.Value.Month, SubmittedDay = r.SubmittedAt!.Value.Day,
                a.AcceptedAt.Year, a.AcceptedAt.Month, a.AcceptedAt.Day,
            } into g
            select new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var days = pairs.Select(p =>
        {
            var submitted = new DateOnly(p.Key.SubmittedYear, p.Key.SubmittedMonth, p.Key.SubmittedDay);
            var accepted = new DateOnly(p.Key.Year, p.Key.Month, p.Key.Day);
            var working = calendar.Covers(submitted) && calendar.Covers(accepted)
                ? Math.Max(0, calendar.WorkingDaysBetween(submitted, accepted))
                : Math.Max(0, accepted.DayNumber - submitted.DayNumber);
            return (Days: working, p.Count);
        }).ToList();
        var total = days.Sum(d => d.Count);
        return new TimeToAssignment(total, total == 0 ? null : (double)days.Sum(d => d.Days * d.Count) / total,
            [.. AssignmentBands.Select(b => new Band(b.Label, days.Where(d => d.Days >= b.Min && d.Days <= b.Max).Sum(d => d.Count)))]);
    }

    public sealed record ReasonCount(string Reason, int Count);

    public sealed record Offers(int Accepted, int Declined, int Lapsed, int Withdrawn, IReadOnlyList<ReasonCount> DeclineReasons)
    {
        public int Answered => Accepted + Declined + Lapsed;
    }

    /// <summary>
    /// Offers closed in the period (by the day they were answered or lapsed): accepted, declined, lapsed (expired
    /// unanswered) and withdrawn (another ISW accepted first, or the request was cancelled); and the decline reasons,
    /// identical reasons (case ignored) counted together, most frequent first.
    /// </summary>
    public static async Task<Offers> OffersAsync(AppDbContext db, Guid? authorityId, InsightPeriod period, CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var closed =
            from o in db.Offers.AsNoTracking()
            where o.RespondedAt >= start && o.RespondedAt < end
            join r in RequestFigures.Of(db, authorityId) on o.AssessmentRequestId equals r.Id
            select o;
        var byStatus = await closed.GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var reasons = await closed.Where(o => o.Status == OfferStatus.Declined && o.DeclineReason != null)
            .GroupBy(o => o.DeclineReason!.ToLower())
            .Select(g => new { Reason = g.Max(o => o.DeclineReason), Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(OfferStatus s) => byStatus.SingleOrDefault(b => b.Status == s)?.Count ?? 0;
        return new Offers(Count(OfferStatus.Accepted), Count(OfferStatus.Declined), Count(OfferStatus.Expired), Count(OfferStatus.Withdrawn),
            [.. reasons.Select(r => new ReasonCount(r.Reason!, r.Count)).OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)]);
    }

    public sealed record MemberLoad(Guid IswId, string Name, int Capacity, int Active)
    {
        public int Free => Math.Max(0, Capacity - Active);
    }

    public sealed record Utilisation(int Members, int Capacity, int Active, IReadOnlyList<MemberLoad> NearCapacity, IReadOnlyList<Band> ByFreePlaces)
    {
        public double? Rate => Capacity == 0 ? null : (double)Active / Capacity;
    }

    /// <summary>A member with this many free places or fewer is near capacity.</summary>
    public const int NearCapacityFreePlaces = 1;

    /// <summary>
    /// Today's load of the active panel: assessments each active member is working on (assigned, in progress or in QA)
    /// against their capacity, in one query; who is near capacity (at most <see cref="NearCapacityFreePlaces"/> place free).
    /// </summary>
    public static async Task<Utilisation> UtilisationAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var working = MilestoneSchedule.Assigned;
        var members = await db.IswProfiles.AsNoTracking().Where(p => p.Status == PanelMemberStatus.Active)
            .Select(p => new { p.Id, p.FullName, p.Capacity, Active = db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id && working.Contains(r.Status)) })
            .ToListAsync(cancellationToken);
        var loads = members.Select(m => new MemberLoad(m.Id, m.FullName, m.Capacity, m.Active)).ToList();
        return new Utilisation(loads.Count, loads.Sum(m => m.Capacity), loads.Sum(m => m.Active),
            [.. loads.Where(m => m.Free <= NearCapacityFreePlaces).OrderBy(m => m.Free).ThenBy(m => m.Name, StringComparer.Ordinal)],
            [
                new Band("No places free", loads.Count(m => m.Free == 0)),
                new Band("1 place free", loads.Count(m => m.Free == 1)),
                new Band("2 places free", loads.Count(m => m.Free == 2)),
                new Band("3 or more places free", loads.Count(m => m.Free >= 3)),
            ]);
    }

    public sealed record DemandCell(string TypeCode, string TypeName, EnglishRegion Region, int Requests, int Covering)
    {
        /// <summary>Requests per active member who could take them; all of the demand when nobody covers it.</summary>
        public double Pressure => Covering == 0 ? Requests * 2.0 : (double)Requests / Covering;
    }

    /// <summary>
    /// Demand by assessment type and region (requests submitted in the period, by the type and the requesting
    /// authority's region, grouped in the database) against coverage (active members who offer that type and cover that
    /// region), the most pressed first: where recruitment should focus. The panel's active members are read once and
    /// cross-tabulated here (a member's types and regions are lists). The region is the authority's region today.
    /// </summary>
    public static async Task<IReadOnlyList<DemandCell>> DemandAsync(AppDbContext db, Guid? authorityId, InsightPeriod period,
        CancellationToken cancellationToken)
    {
        var start = period.FromUtc;
        var end = period.ToExclusiveUtc;
        var demand = await (
            from r in RequestFigures.Of(db, authorityId)
            where r.SubmittedAt >= start && r.SubmittedAt < end
            join a in db.Authorities on r.AuthorityId equals a.Id
            join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
            group r by new { t.Code, t.Name, a.Region } into g
            select new { g.Key.Code, g.Key.Name, g.Key.Region, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var members = await db.IswProfiles.AsNoTracking().Where(p => p.Status == PanelMemberStatus.Active)
            .Select(p => new { p.AssessmentTypeCodes, p.RegionsCovered }).ToListAsync(cancellationToken);
        return [.. demand.Select(d => new DemandCell(d.Code, d.Name, d.Region, d.Count,
                members.Count(m => m.AssessmentTypeCodes.Contains(d.Code) && m.RegionsCovered.Contains(d.Region))))
            .OrderByDescending(d => d.Pressure).ThenByDescending(d => d.Requests).ThenBy(d => d.TypeName, StringComparer.Ordinal).ThenBy(d => d.Region)];
    }

    public sealed record ExpiringDocument(Guid IswId, string Isw, ComplianceDocumentKind Kind, DateOnly ExpiresOn);

    public sealed record Expiring(DateOnly Today, DateOnly Until, IReadOnlyList<ExpiringDocument> Documents)
    {
        public IReadOnlyList<(ComplianceDocumentKind Kind, int Count)> ByKind =>
            [.. Enum.GetValues<ComplianceDocumentKind>().Select(k => (k, Documents.Count(d => d.Kind == k))).Where(x => x.Item2 > 0)];
    }

    /// <summary>Documents of active and suspended members whose last valid day is from today to <paramref name="days"/> days ahead, soonest first.</summary>
    public static async Task<Expiring> DocumentsExpiringAsync(AppDbContext db, DateOnly today, int days, CancellationToken cancellationToken)
    {
        var until = today.AddDays(days);
        var documents = await (
            from d in db.ComplianceDocuments.AsNoTracking()
            where d.ExpiresOn >= today && d.ExpiresOn <= until
            join p in db.IswProfiles on d.IswProfileId equals p.Id
            where p.Status == PanelMemberStatus.Active || p.Status == PanelMemberStatus.Suspended
            orderby d.ExpiresOn, p.FullName
            select new ExpiringDocument(p.Id, p.FullName, d.Kind, d.ExpiresOn!.Value))
            .ToListAsync(cancellationToken);
        return new Expiring(today, until, documents);
    }
}
