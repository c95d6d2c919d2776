using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Audit;

/// <summary>
/// "Who has accessed your authority's requests": a commissioner sees the audit events recorded against their own
/// authority's requests (reads, downloads of letters, changes): who (name and role only), what, which request, when.
/// Filterable by request (case reference, or one request's own page) and period. Another authority's request is NotFound.
/// The IP address, the detail and the actor's own tenant are not shown: they are the panel's records, not the authority's.
/// </summary>
public static class AccessHistory
{
    public sealed record Query : IQuery<Result<Page>>, IUkPeriod
    {
        /// <summary>Set by the route for one request's history; never bound from the query string.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public Guid? RequestId { get; init; }

        public string? CaseReference { get; init; }
        public DateInput From { get; init; } = new();
        public DateInput To { get; init; } = new();
        public string? After { get; init; }
    }

    public sealed record Row(DateTime OccurredAt, string Who, string Role, string What, Guid? RequestId, string? CaseReference);

    public sealed record Page(Query Filter, RequestRef? Request, IReadOnlyList<Row> Rows, string? NextCursor);

    public sealed record RequestRef(Guid Id, string CaseReference);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            Include(new UkPeriodValidator());
            RuleFor(f => f.CaseReference).MaximumLength(64).WithMessage("The case reference must be 64 characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is not { } authorityId) return Failure.NotFound;
            var own = db.AssessmentRequests.AsNoTracking().Where(r => r.AuthorityId == authorityId);

            RequestRef? request = null;
            var events = db.AuditEvents.AsNoTracking().Where(e => e.SubjectAuthorityId == authorityId);
            if (query.RequestId is { } requestId)
            {
                request = await own.Where(r => r.Id == requestId).Select(r => new RequestRef(r.Id, r.CaseReference)).SingleOrDefaultAsync(cancellationToken);
                if (request is null) return Failure.NotFound;
                events = await RequestKeys.OnlyAsync(db, events, [requestId], cancellationToken);
            }
            else if (query.CaseReference is { Length: > 0 } reference)
            {
                var ids = await own.Where(r => r.CaseReference == reference.Trim()).Select(r => r.Id).ToListAsync(cancellationToken);
                events = await RequestKeys.OnlyAsync(db, events, ids, cancellationToken);
            }

            events = events.Within(query);

            var page = await AuditPaging.NewestFirstAfter(events, query.After).Take(AuditPaging.PageSize + 1).ToListAsync(cancellationToken);
            string? next = null;
            if (page.Count > AuditPaging.PageSize)
            {
                page = page[..AuditPaging.PageSize];
                next = AuditPaging.Cursor(page[^1]);
            }

            var requests = await RequestKeys.ResolveAsync(db, page, cancellationToken);
            var requestIds = requests.Values.Distinct().ToList();
            var references = await own.Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.CaseReference, cancellationToken);
            var userIds = page.Select(e => e.UserId).OfType<Guid>().Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.AuthorityId }, cancellationToken);

            var rows = page.Select(e =>
            {
                var user = e.UserId is { } id && users.TryGetValue(id, out var u) ? u : null;
                // Someone of another authority is never named to this one (the app gives them no access; this is a backstop).
                var who = user is null ? (e.UserId is null ? "IswPanel" : "A former user")
                    : user.AuthorityId is { } theirs && theirs != authorityId ? "A user of another authority" : user.DisplayName;
                Guid? requestId = requests.TryGetValue(e.Id, out var r) && references.ContainsKey(r) ? r : null;
                return new Row(e.OccurredAt, who, RoleName(e.UserRole), Describe(e.Action), requestId,
                    requestId is { } rid ? references[rid] : null);
            }).ToList();
            return new Page(query, request, rows, next);
        }
    }

    /// <summary>The role as the authority would say it.</summary>
    public static string RoleName(string? role) => role switch
    {
        Roles.Commissioner => "Commissioner",
        Roles.Isw => "Independent social worker",
        Roles.PanelAdmin => "Panel administrator",
        Roles.QaReviewer => "Quality assurance reviewer",
        null => "",
        _ => role,
    };

    /// <summary>The action in words.</summary>
    public static string Describe(string action) => action switch
    {
        AuditActions.RequestViewed => "Viewed the request",
        AuditActions.RequestDraftSaved => "Saved the draft",
        AuditActions.RequestSubmitted => "Submitted the request",
        AuditActions.RequestCancelled => "Cancelled the request",
        AuditActions.ProposedIswApproved => "Approved the proposed social worker",
        AuditActions.ProposedIswDeclined => "Did not approve the proposed social worker",
        AuditActions.DocumentDownloaded => "Downloaded the letter of instruction",
        AuditActions.RequestPurged => "Purged the child's details after the retention date",
        AuditActions.OffersSent => "Sent offers to social workers",
        AuditActions.OfferAccepted => "Accepted the offer and was assigned",
        _ => action.Replace('.', ' ').Replace('-', ' '),
    };
}
