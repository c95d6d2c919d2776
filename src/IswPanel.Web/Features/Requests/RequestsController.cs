using IswPanel.Domain.Assessments;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Requests;

[Route("requests")]
public sealed class RequestsController(IMediator mediator) : AppController
{
    /// <summary>A commissioner's home page: their authority's requests. Administrators see every authority's.</summary>
    [HttpGet(""), Authorize(Policy = Policies.ListRequests)]
    public async Task<IActionResult> Index(AssessmentRequestStatus? status, int? page)
    {
        var result = await mediator.Send(new ListRequests.Query { Status = status, Page = page });
        return result.IsSuccess ? View(new RequestsPage(result.Value!, status)) : NotFound();
    }

    [HttpGet("{id:guid}"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> Details(Guid id) => ViewOrNotFound(await mediator.Send(new RequestDetails.Query(id)));
}

public sealed record RequestsPage(Infrastructure.Paging.Paged<ListRequests.Item> Requests, AssessmentRequestStatus? Status);
