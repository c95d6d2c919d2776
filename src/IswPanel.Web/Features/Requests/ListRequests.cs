using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
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

        /// <summary>The previous page's <see cref="Paged{T}.Next"/>: seek past it instead of skipping rows.</summary>
        public string? After { get; init; }

        /// <summary>Narrower lists, for the dashboards' links to the rows behind a figure.</summary>
        public RequestFilter? Filter { get; init; }
    }

    /// <summary>
    /// The rows behind a dashboard figure: every part optional, all given parts must match. Date ranges are inclusive
    /// UK dates; instants (submitted, assigned, released, reviewed, rated) are compared by their UTC date, as the figures count them.
    /// </summary>
    public sealed record RequestFilter
    {
        public Guid? Authority { get; init; }

        /// <summary>Submitted and not yet delivered or cancelled.</summary>
        public bool? Open { get; init; }

        /// <summary>An assessment type's code.</summary>
        public string? Type { get; init; }
        public EnglishRegion? Region { get; init; }
        public DateOnly? DeadlineFrom { get; init; }
        public DateOnly? DeadlineTo { get; init; }
        public DateOnly? SubmittedFrom { get; init; }
        public DateOnly? SubmittedTo { get; init; }
        public DateOnly? AssignedFrom { get; init; }
        public DateOnly? AssignedTo { get; init; }
        public DateOnly? ReleasedFrom { get; init; }
        public DateOnly? ReleasedTo { get; init; }

        /// <summary>Released after the filing deadline.</summary>
        public bool? Late { get; init; }
        public DateOnly? ReviewedFrom { get; init; }
        public DateOnly? ReviewedTo { get; init; }
        public DateOnly? RatedFrom { get; init; }
        public DateOnly? RatedTo { get; init; }

        public bool IsEmpty => this == new RequestFilter();

        internal IQueryable<AssessmentRequest> Apply(IQueryable<AssessmentRequest> requests, AppDbContext db)
        {
            if (Authority is { } authority) requests = requests.Where(r => r.AuthorityId == authority);
            if (Open == true)
            {
                var open = Deadlines.MilestoneSchedule.Open;
                requests = requests.Where(r => open.Contains(r.Status));
            }

            if (Type is { } code) requests = requests.Where(r => db.AssessmentTypes.Any(t => t.Id == r.AssessmentTypeId && t.Code == code));
            if (Region is { } region) requests = requests.Where(r => db.Authorities.Any(a => a.Id == r.AuthorityId && a.Region == region));
            if (DeadlineFrom is { } deadlineFrom) requests = requests.Where(r => r.FilingDeadline >= deadlineFrom);
            if (DeadlineTo is { } deadlineTo) requests = requests.Where(r => r.FilingDeadline <= deadlineTo);
            var (submittedFrom, submittedTo) = Range(SubmittedFrom, SubmittedTo);
            if (SubmittedFrom is not null || SubmittedTo is not null)
                requests = requests.Where(r => r.SubmittedAt >= submittedFrom && r.SubmittedAt < submittedTo);
            var (assignedFrom, assignedTo) = Range(AssignedFrom, AssignedTo);
            if (AssignedFrom is not null || AssignedTo is not null)
                requests = requests.Where(r => db.Assignments.Any(a => a.AssessmentRequestId == r.Id && a.AcceptedAt >= assignedFrom && a.AcceptedAt < assignedTo));
            var (releasedFrom, releasedTo) = Range(ReleasedFrom, ReleasedTo);
            if (ReleasedFrom is not null || ReleasedTo is not null)
                requests = requests.Where(r => r.ReleasedAt >= releasedFrom && r.ReleasedAt < releasedTo);
            if (Late == true) requests = requests.Where(r => r.WorkingDaysLate > 0);
            var (reviewedFrom, reviewedTo) = Range(ReviewedFrom, ReviewedTo);
            if (ReviewedFrom is not null || ReviewedTo is not null)
                requests = requests.Where(r => db.QaReviews.Any(q => q.AssessmentRequestId == r.Id && q.DecidedAt >= reviewedFrom && q.DecidedAt < reviewedTo));
            var (ratedFrom, ratedTo) = Range(RatedFrom, RatedTo);
            if (RatedFrom is not null || RatedTo is not null)
                requests = requests.Where(r => db.AssessmentFeedback.Any(f => f.AssessmentRequestId == r.Id && f.GivenAt >= ratedFrom && f.GivenAt < ratedTo));
            return requests;
        }

        private static (DateTime From, DateTime ToExclusive) Range(DateOnly? from, DateOnly? to) =>
            ((from ?? DateOnly.MinValue).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                to is { } last && last < DateOnly.MaxValue ? last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : DateTime.MaxValue);
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
            RuleFor(q => q.After).Must(a => a is null || KeysetCursor.TryParse(a, out _))
                .WithMessage("'after' must be the 'next' value of the previous page, unchanged.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, LargeTotals totals) : IQueryHandler<Query, Result<Paged<Item>>>
    {
        public async ValueTask<Result<Paged<Item>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = Paging.Normalise(query.Page, query.PageSize);
            var requests = db.AssessmentRequests.AsNoTracking().VisibleTo(me);
            if (query.Status is { } status) requests = requests.Where(r => r.Status == status);
            if (query.Filter is { } filter) requests = filter.Apply(requests, db);

            var total = await totals.CountAsync(requests, (nameof(ListRequests), TenantScopes.RequestScopeName(me), query.Status, query.Filter),
                cancellationToken);
            // Newest first by (CreatedAt, Id): with a cursor, seek past the previous page's last row (the index
            // (AuthorityId, CreatedAt, Id) or (CreatedAt, Id) serves it) instead of skipping every earlier row.
            var ordered = requests.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
            var window = KeysetCursor.TryParse(query.After, out var after)
                // "At or before the cursor's instant" bounds the index range; the rest breaks ties by id.
                ? ordered.Where(r => r.CreatedAt <= after.At && (r.CreatedAt < after.At || r.Id.CompareTo(after.Id) < 0))
                : ordered.Skip((page - 1) * pageSize);
            // Only the page's rows are joined to their names; one more row tells whether there is a next page.
            var rows = await (
                from r in window.Take(pageSize + 1)
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                join i in db.IswProfiles on r.AssignedIswId equals i.Id into assigned
                from i in assigned.DefaultIfEmpty()
                orderby r.CreatedAt descending, r.Id descending
                select new Item(r.Id, r.CaseReference, t.Code, t.Name, new AuthorityRef(a.Id, a.Name), r.Status, r.FilingDeadline,
                    i == null ? null : new IswRef(i.Id, i.FullName), r.CreatedAt, r.AtRisk, r.ShortfallWorkingDays))
                .ToListAsync(cancellationToken);

            var items = rows.Take(pageSize).ToList();
            return new Paged<Item>(items, page, pageSize, total)
            {
                Next = rows.Count > pageSize ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode() : null,
            };
        }
    }
}
