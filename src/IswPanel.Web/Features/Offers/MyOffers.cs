using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Paging;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Offers;

/// <summary>
/// An ISW's open and recent offers with what they need to decide — type, authority, district, deadline,
/// estimated hours, rate — and no child details until they accept.
/// </summary>
public static class MyOffers
{
    public const int RecentDays = 30;

    public sealed record Query : IQuery<Result<Paged<Item>>>
    {
        public Guid? OfferId { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Item(
        Guid OfferId,
        Guid AssessmentRequestId,
        OfferStatus Status,
        string AssessmentType,
        string AssessmentTypeName,
        string Authority,
        string PostcodeDistrict,
        DateOnly FilingDeadline,
        int? EstimatedHours,
        decimal HourlyRate,
        DateTime SentAt,
        DateTime ExpiresAt,
        IReadOnlyList<string> SpecialRequirements,
        string? Language,
        bool InterpreterNeeded)
    {
        public bool IsOpen(DateTime now) => Status == OfferStatus.Open && now < ExpiresAt;
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : IQueryHandler<Query, Result<Paged<Item>>>
    {
        public async ValueTask<Result<Paged<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, query.PageSize);
            // An applicant (an ISW without a panel profile yet) has no offers: an empty list, and no single offer.
            if (me.IswProfileId is not { } iswId)
                return query.OfferId is null ? new Paged<Item>([], page, pageSize, 0) : Failure.NotFound;
            var since = clock.UtcNow.AddDays(-RecentDays);
            var offers =
                from o in db.Offers.AsNoTracking()
                where o.IswProfileId == iswId && (query.OfferId == null ? o.Status == OfferStatus.Open || o.SentAt >= since : o.Id == query.OfferId)
                join r in db.AssessmentRequests on o.AssessmentRequestId equals r.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                join p in db.IswProfiles on o.IswProfileId equals p.Id
                orderby o.Status == OfferStatus.Open descending, o.SentAt descending
                select new Item(o.Id, r.Id, o.Status, t.Code, t.Name, a.Name, r.PostcodeDistrict, r.FilingDeadline, r.BudgetHours,
                    p.HourlyRate, o.SentAt, o.ExpiresAt, r.SpecialRequirements, r.Language, r.InterpreterNeeded);
            var result = await offers.ToPagedAsync(page, pageSize, cancellationToken);
            return query.OfferId is not null && result.Total == 0 ? Failure.NotFound : result;
        }
    }
}
