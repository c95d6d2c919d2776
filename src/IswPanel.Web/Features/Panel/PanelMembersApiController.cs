using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Panel;

/// <summary>Read-only panel data for administrators' own tools: status, PQE, types, regions and document expiry dates.</summary>
[Route("api/v1/panel/members")]
public sealed class PanelMembersApiController(IMediator mediator) : ApiController
{
    public sealed record Member(Guid Id, string Name, string SweNumber, PanelMemberStatus Status, int PqeYears,
        IReadOnlyList<string> AssessmentTypes, IReadOnlyList<EnglishRegion> Regions, IReadOnlyList<DocumentExpiry> Documents);

    public sealed record DocumentExpiry(ComplianceDocumentKind Kind, DateOnly? ExpiresOn, bool Verified);

    public sealed record MemberDetail(Guid Id, string Name, string SweNumber, PanelMemberStatus Status, int PqeYears, DateOnly QualifiedOn,
        IReadOnlyList<string> AssessmentTypes, IReadOnlyList<string> Skills, IReadOnlyList<EnglishRegion> Regions, IReadOnlyList<string> Languages,
        int Capacity, IReadOnlyList<DocumentExpiry> Documents, IReadOnlyList<VettingOutcome> Checks, IReadOnlyList<ConflictDto> Conflicts);

    public sealed record ConflictDto(Guid AuthorityId, string Authority, DateOnly? Until, bool BlocksApproval);

    /// <summary>Panel members, filtered and paged like the panel page: ?status=&amp;assessmentType=&amp;region=&amp;expiringWithinDays=&amp;search=&amp;sort=&amp;page=&amp;pageSize=</summary>
    [HttpGet, Authorize(Policy = Policies.PanelAdmin)]
    [ProducesResponseType<Paged<Member>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Paged<Member>>> List([FromQuery] ListPanelMembers.Query query)
    {
        var result = await mediator.Send(query);
        if (!result.IsSuccess) return ToProblem(result);
        var page = result.Value!;
        return new Paged<Member>([.. page.Items.Select(m => new Member(m.Id, m.Name, m.SweNumber, m.Status, m.PqeYears, m.AssessmentTypes,
            m.Regions, [.. m.Documents.Select(d => new DocumentExpiry(d.Kind, d.ExpiresOn, d.Verified))]))], page.Page, page.PageSize, page.Total);
    }

    [HttpGet("{id:guid}"), Authorize(Policy = Policies.PanelAdmin)]
    [ProducesResponseType<MemberDetail>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MemberDetail>> Get(Guid id)
    {
        var result = await mediator.Send(new MemberDetails.Query(id));
        if (!result.IsSuccess) return ToProblem(result);
        var m = result.Value!;
        return new MemberDetail(m.Id, m.Name, m.SweNumber, m.Status, m.PqeYears, m.QualifiedOn, m.Practice.AssessmentTypes, m.Practice.Skills,
            m.Practice.Regions, m.Practice.Languages, m.Practice.Capacity,
            [.. m.Documents.Select(d => new DocumentExpiry(d.Kind, d.ExpiresOn, d.VerifiedAt is not null))],
            m.Vetting.Outcomes, [.. m.Conflicts.Select(c => new ConflictDto(c.AuthorityId, c.Authority, c.Until, c.BlocksApproval))]);
    }
}
