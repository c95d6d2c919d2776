using IswPanel.Domain.Assessments;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Requests;

[Route("api/v1/assessment-requests")]
public sealed class RequestsApiController(IMediator mediator) : ApiController
{
    /// <summary>Requests newest first: a commissioner's own authority's, or all for a panel administrator.</summary>
    [HttpGet, Authorize(Policy = Policies.ListRequests)]
    [ProducesResponseType<Paged<ListRequests.Item>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Paged<ListRequests.Item>>> List(AssessmentRequestStatus? status, int? page, int? pageSize) =>
        OkOrProblem(await mediator.Send(new ListRequests.Query { Status = status, Page = page, PageSize = pageSize }));

    /// <summary>One request; another authority's request is 404.</summary>
    [HttpGet("{id:guid}"), Authorize(Policy = Policies.ReadRequest)]
    [ProducesResponseType<RequestDetails.Details>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<RequestDetails.Details>> Get(Guid id) => OkOrProblem(await mediator.Send(new RequestDetails.Query(id)));
}
