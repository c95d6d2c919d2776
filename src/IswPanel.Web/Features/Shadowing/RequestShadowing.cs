using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// The request page's shadowing section, for the authority's own commissioners only: the nominations on the request
/// (name, role, status, consent) and, while a social worker is assigned, the link to nominate a practitioner.
/// Anyone else (the ISW, panel staff) gets nothing here; the read is covered by the request page's own audit.
/// </summary>
public static class RequestShadowing
{
    public sealed record Query(Guid RequestId) : IQuery<Result<Section>>;

    public sealed record Section(Guid RequestId, bool CanNominate, IReadOnlyList<Row> Nominations);

    public sealed record Row(Guid Id, string FullName, ShadowerRole Role, NominationStatus Status, FamilyConsent Consent, DateOnly? ConsentDate);

    public sealed class Handler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Result<Section>>
    {
        public async ValueTask<Result<Section>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is null) return Failure.NotFound;
            var request = await db.AssessmentRequests.AsNoTracking().VisibleTo(me).Where(r => r.Id == query.RequestId)
                .Select(r => new { r.Id, r.Status }).SingleOrDefaultAsync(cancellationToken);
            if (request is null) return Failure.NotFound;

            var assigned = request.Status.IsActiveAssignment()
                && await db.Assignments.AnyAsync(a => a.AssessmentRequestId == request.Id && a.IsActive, cancellationToken);
            var rows = await (
                from n in db.ShadowingNominations.AsNoTracking().OfMyAuthority(me)
                where n.AssessmentRequestId == request.Id
                join s in db.Shadowers on n.ShadowerId equals s.Id
                orderby n.NominatedAt
                select new Row(n.Id, s.FullName, s.Role, n.Status, n.Consent, n.ConsentDate))
                .ToListAsync(cancellationToken);
            return new Section(request.Id, assigned, rows);
        }
    }
}

/// <summary>Renders <see cref="RequestShadowing"/> on the request page; nothing for readers it is not for.</summary>
public sealed class RequestShadowingViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var section = await mediator.Send(new RequestShadowing.Query(requestId));
        return section.IsSuccess && (section.Value!.CanNominate || section.Value.Nominations.Count > 0)
            ? View("~/Features/Shadowing/_RequestShadowing.cshtml", section.Value)
            : Content("");
    }
}
