using IswPanel.Domain.Assessments;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Files;
using IswPanel.Web.Infrastructure.Mvc;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IswPanel.Web.Features.Requests;

[Route("requests")]
public sealed class RequestsController(IMediator mediator) : AppController
{
    private const string FormPrefix = "Form";
    private const string LetterField = FormPrefix + "." + nameof(SaveRequest.Command.LetterOfInstruction);

    /// <summary>A commissioner's home page: their authority's requests. Administrators see every authority's.</summary>
    [HttpGet(""), Authorize(Policy = Policies.ListRequests)]
    public async Task<IActionResult> Index(AssessmentRequestStatus? status, int? page, int? pageSize, string? after, [FromQuery] ListRequests.RequestFilter filter)
    {
        var narrower = filter.IsEmpty ? null : filter;
        var result = await mediator.Send(new ListRequests.Query { Status = status, Page = page, PageSize = pageSize, After = after, Filter = narrower });
        return result.IsSuccess ? View(new RequestsPage(result.Value!, status) { Filter = narrower }) : NotFound();
    }

    /// <param name="fileTooLarge">Sent back here by <see cref="UploadTooLargeAttribute"/>: the request was too large to read.</param>
    [HttpGet("new"), Authorize(Policy = Policies.Commissioner)]
    public Task<IActionResult> New([FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) => ShowForm(null, fileTooLarge);

    [HttpPost("new"), Authorize(Policy = Policies.Commissioner)]
    [RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit)]
    [UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public Task<IActionResult> New([Bind(Prefix = FormPrefix)] SaveRequest.Command command) => Save(command with { Id = null });

    [HttpGet("{id:guid}/edit"), Authorize(Policy = Policies.Commissioner)]
    public Task<IActionResult> Edit(Guid id, [FromQuery(Name = UploadTooLargeAttribute.QueryKey)] bool fileTooLarge) => ShowForm(id, fileTooLarge);

    [HttpPost("{id:guid}/edit"), Authorize(Policy = Policies.Commissioner)]
    [RequestSizeLimit(UploadPolicy.EvidenceRequestLimit), RequestFormLimits(MultipartBodyLengthLimit = UploadPolicy.EvidenceRequestLimit)]
    [UploadTooLarge(UploadPolicy.EvidenceRequestLimit)]
    public Task<IActionResult> Edit(Guid id, [Bind(Prefix = FormPrefix)] SaveRequest.Command command) => Save(command with { Id = id });

    /// <summary>The request with the child's details (audited); tenancy by the query: anyone else's is 404.</summary>
    [HttpGet("{id:guid}"), Authorize(Policy = Policies.AnyRole)]
    public async Task<IActionResult> Details(Guid id) => ViewOrNotFound(await mediator.Send(new RequestDetails.PageQuery(id)));

    /// <summary>Confirmation with a reason; for the authority's commissioners and panel administrators.</summary>
    [HttpGet("{id:guid}/cancel"), Authorize(Policy = Policies.ListRequests)]
    public async Task<IActionResult> Cancel(Guid id)
    {
        var request = await mediator.Send(new CancelRequest.Load(id));
        return request.IsSuccess ? View(new CancelRequest.FormPage(request.Value!, new CancelRequest.Command { Id = id })) : NotFound();
    }

    [HttpPost("{id:guid}/cancel"), Authorize(Policy = Policies.ListRequests)]
    public async Task<IActionResult> Cancel(Guid id, [Bind(Prefix = FormPrefix)] CancelRequest.Command command)
    {
        var request = await mediator.Send(new CancelRequest.Load(id));
        if (!request.IsSuccess) return NotFound();
        return await Submit(command with { Id = id }, _ =>
        {
            Notify($"Request {request.Value!.CaseReference} has been cancelled.");
            return Redirect($"/requests/{id}");
        }, () => View(new CancelRequest.FormPage(request.Value!, command)), prefix: FormPrefix);
    }

    /// <summary>Where the contract asks for it: the commissioner approves the social worker who accepted.</summary>
    [HttpPost("{id:guid}/approve-isw"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> ApproveIsw(Guid id)
    {
        var result = await mediator.Send(new ApproveProposedIsw.Command(id));
        if (result.IsSuccess)
        {
            Notify($"You have approved {result.Value}. We have told them they can start work.");
            return Redirect($"/requests/{id}");
        }

        if (result.Status == ResultStatus.NotFound) return NotFound();
        ModelState.AddErrors(result.Errors);
        var page = await mediator.Send(new RequestDetails.PageQuery(id));
        return page.IsSuccess ? View(nameof(Details), page.Value) : NotFound();
    }

    [HttpGet("{id:guid}/decline-isw"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> DeclineIsw(Guid id)
    {
        var proposal = await mediator.Send(new DeclineProposedIsw.Load(id));
        return proposal.IsSuccess ? View(new DeclineProposedIsw.FormPage(proposal.Value!, new DeclineProposedIsw.Command { Id = id })) : NotFound();
    }

    [HttpPost("{id:guid}/decline-isw"), Authorize(Policy = Policies.Commissioner)]
    public async Task<IActionResult> DeclineIsw(Guid id, [Bind(Prefix = FormPrefix)] DeclineProposedIsw.Command command)
    {
        var proposal = await mediator.Send(new DeclineProposedIsw.Load(id));
        if (!proposal.IsSuccess) return NotFound();
        return await Submit(command with { Id = id }, name =>
        {
            Notify($"You did not approve {name}. The panel team will find another social worker.");
            return Redirect($"/requests/{id}");
        }, () => View(new DeclineProposedIsw.FormPage(proposal.Value!, command)), prefix: FormPrefix);
    }

    private async Task<IActionResult> ShowForm(Guid? id, bool fileTooLarge)
    {
        var page = await mediator.Send(new SaveRequest.Load(id));
        if (!page.IsSuccess) return NotFound();
        if (fileTooLarge) ModelState.AddModelError(LetterField, UploadPolicy.Evidence.TooLargeMessage);
        return View("Form", page.Value);
    }

    private async Task<IActionResult> Save(SaveRequest.Command command)
    {
        var page = await mediator.Send(new SaveRequest.Load(command.Id));
        if (!page.IsSuccess) return NotFound();
        var posted = command with { Channel = RequestChannel.Page };
        return await Submit(posted, saved =>
        {
            Notify(!saved.Submitted
                ? $"Request {saved.CaseReference} saved as a draft. Submit it when it is ready."
                : saved.RiskExplanation is { } risk
                    ? $"Request {saved.CaseReference} submitted. It is at risk: {risk}"
                    : $"Request {saved.CaseReference} submitted. The panel team will find a social worker.");
            return Redirect($"/requests/{saved.Id}");
        }, () =>
        {
            // A browser cannot be given a file back: if one was chosen and the form has other errors, ask for it again.
            if (posted.LetterOfInstruction is { Length: > 0 } && ModelState.GetFieldValidationState(LetterField) != ModelValidationState.Invalid)
                ModelState.AddModelError(LetterField, SaveRequest.ChooseLetterAgain);
            return View("Form", page.Value! with { Form = posted.WithRows() });
        }, prefix: FormPrefix);
    }
}

public sealed record RequestsPage(Infrastructure.Paging.Paged<ListRequests.Item> Requests, AssessmentRequestStatus? Status)
{
    /// <summary>A dashboard figure's rows: the list narrowed further than by status.</summary>
    public ListRequests.RequestFilter? Filter { get; init; }
}
