using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Paging;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// The requests a user may see, newest first: a commissioner's authority's, or all for panel staff, with the
/// at-risk flag. No child details in the list: those are read (and audited) on the request's own page.
/// </summary>
public static class ListRequests
{
    public sealed record Query : IQuery<Result<Paged<Item>>>
    {
        public AssessmentRequestStatus? Status { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Item(
        Guid Id,
        string CaseReference,
        string AssessmentType,
        string AssessmentTypeName,
        AuthorityRef Authority,
        AssessmentRequestStatus Status,
        DateOnly FilingDeadline,
        IswRef? AssignedIsw,
        DateTime CreatedAt,
        bool AtRisk,
        int ShortfallWorkingDays);

    public sealed record AuthorityRef(Guid Id, string Name);

    public sealed record IswRef(Guid Id, string Name);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Page must be 1 or more.");
            RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"Page size must be between 1 and {Paging.MaxPageSize}.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Result<Paged<Item>>>
    {
        public async ValueTask<Result<Paged<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, query.PageSize);
            var requests = db.AssessmentRequests.AsNoTracking().VisibleTo(me);
            if (query.Status is { } status) requests = requests.Where(r => r.Status == status);

            var items =
                from r in requests
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                join i in db.IswProfiles on r.AssignedIswId equals i.Id into assigned
                from i in assigned.DefaultIfEmpty()
                orderby r.CreatedAt descending, r.Id descending
                select new Item(r.Id, r.CaseReference, t.Code, t.Name, new AuthorityRef(a.Id, a.Name), r.Status, r.FilingDeadline,
                    i == null ? null : new IswRef(i.Id, i.FullName), r.CreatedAt, r.AtRisk, r.ShortfallWorkingDays);

            return await items.ToPagedAsync(page, pageSize, cancellationToken);
        }
    }
}
