using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>A panel administrator's home: what needs attention today.</summary>
public static class AdminOverview
{
    public sealed record Query : IQuery<Overview>;

    public sealed record Overview(
        IReadOnlyDictionary<AssessmentRequestStatus, int> RequestsByStatus,
        IReadOnlyDictionary<PanelMemberStatus, int> MembersByStatus,
        IReadOnlyList<ExpiringDocument> ExpiringSoon,
        int Authorities);

    public sealed record ExpiringDocument(Guid IswId, string Name, ComplianceDocumentKind Kind, DateOnly ExpiresOn);

    public const int ExpiryWarningDays = 30;

    public sealed class Handler(AppDbContext db, IClock clock) : IQueryHandler<Query, Overview>
    {
        public async ValueTask<Overview> Handle(Query query, CancellationToken cancellationToken)
        {
            var requests = await db.AssessmentRequests.GroupBy(r => r.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var members = await db.IswProfiles.GroupBy(p => p.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

            var today = clock.Today;
            var horizon = today.AddDays(ExpiryWarningDays);
            var expiring = await (
                from d in db.ComplianceDocuments
                join p in db.IswProfiles on d.IswProfileId equals p.Id
                where d.ExpiresOn != null && d.ExpiresOn <= horizon
                      && (p.Status == PanelMemberStatus.Active || p.Status == PanelMemberStatus.Suspended)
                orderby d.ExpiresOn
                select new ExpiringDocument(p.Id, p.FullName, d.Kind, d.ExpiresOn!.Value))
                .Take(20).ToListAsync(cancellationToken);

            return new Overview(requests, members, expiring, await db.Authorities.CountAsync(cancellationToken));
        }
    }
}
