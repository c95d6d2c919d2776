using System.Globalization;
using System.Text;
using IswPanel.Domain.Assessments;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Paging;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IswPanel.Web.Features.Requests;

[Route("api/v1/assessment-requests")]
public sealed class RequestsApiController(IMediator mediator) : ApiController
{
    /// <summary>A new request. Dates are YYYY-MM-DD; <c>filingDeadline</c> is the target date when <c>forCourt</c> is false.</summary>
    public sealed record CreateBody(
        string? AssessmentType,
        string? CaseReference,
        string? ChildInitials,
        string? FilingDeadline,
        string? PostcodeDistrict,
        string? CourtCaseNumber = null,
        IReadOnlyList<string>? SpecialRequirements = null,
        string? Language = null,
        int? BudgetHours = null,
        string? Notes = null,
        IReadOnlyList<PartyBody>? Parties = null,
        bool? ForCourt = null,
        string? CourtName = null,
        bool? InterpreterNeeded = null);

    public sealed record PartyBody(string? Role, string? Initials);

    public sealed record CancelBody(string? Reason);

    public const string NoReasonGiven = "No reason given (cancelled through the API).";

    /// <summary>
    /// Requests newest first: a commissioner's own authority's, or all for a panel administrator. <c>after</c> is the
    /// previous page's <c>next</c>: it reads the following page by seeking, as fast at page 1,000 as at page 1.
    /// </summary>
    [HttpGet, Authorize(Policy = Policies.ListRequests)]
    [ProducesResponseType<Paged<ListRequests.Item>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<Paged<ListRequests.Item>>> List(AssessmentRequestStatus? status, int? page, int? pageSize, string? after) =>
        OkOrProblem(await mediator.Send(new ListRequests.Query { Status = status, Page = page, PageSize = pageSize, After = after }));

    /// <summary>One request; another authority's request is 404.</summary>
    [HttpGet("{id:guid}"), Authorize(Policy = Policies.ReadRequest)]
    [ProducesResponseType<RequestDetails.Details>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<RequestDetails.Details>> Get(Guid id) => OkOrProblem(await mediator.Send(new RequestDetails.Query(id)));

    [HttpPost, Authorize(Policy = Policies.Commissioner), Idempotent]
    [EndpointSummary("Creates and submits an assessment request for the caller's authority (no letter of instruction needed here).")]
    [EndpointDescription(
        "The request is submitted at once, so it can be matched: its milestone plan is worked back from filingDeadline " +
        "(YYYY-MM-DD; the target date when forCourt is false) in England-and-Wales working days. A deadline in the past or " +
        "on a weekend or bank holiday is refused (400 on filingDeadline); a short one is accepted with atRisk true and the " +
        "shortfall in working days. For court (forCourt defaults to true) give courtName or courtCaseNumber. childInitials " +
        "and parties' initials must be initials only, never names. Unlike the request form, the API does not need the letter " +
        "of instruction or the parties before submission. Send an Idempotency-Key header to make retries safe: the same key " +
        "and body return the first response; the same key with a different body is 422.")]
    [ProducesResponseType<RequestDetails.Details>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<RequestDetails.Details>> Create(CreateBody body)
    {
        var forCourt = body.ForCourt ?? true;
        var deadline = IsoDate(body.FilingDeadline);
        var command = new SaveRequest.Command
        {
            Channel = RequestChannel.Api,
            Intent = RequestIntent.Submit,
            AssessmentType = body.AssessmentType,
            CaseReference = body.CaseReference,
            ChildInitials = body.ChildInitials,
            Parties = [.. (body.Parties ?? []).Select(p => new SaveRequest.PartyRow { Role = p.Role, Initials = p.Initials })],
            ForCourt = forCourt,
            CourtName = body.CourtName,
            CourtCaseNumber = body.CourtCaseNumber,
            FilingDeadline = forCourt ? deadline : new DateInput(),
            TargetDate = forCourt ? new DateInput() : deadline,
            PostcodeDistrict = body.PostcodeDistrict,
            Language = body.Language,
            InterpreterNeeded = body.InterpreterNeeded ?? false,
            SpecialRequirements = [.. body.SpecialRequirements ?? []],
            BudgetHours = body.BudgetHours,
            Notes = body.Notes,
        };

        var saved = await mediator.Send(command);
        if (!saved.IsSuccess) return ToProblem(WithBodyNames(saved));
        var created = await mediator.Send(new RequestDetails.Query(saved.Value!.Id));
        if (!created.IsSuccess) return ToProblem(created);
        return Created($"/api/v1/assessment-requests/{saved.Value.Id}", created.Value);
    }

    /// <summary>Cancels a request before delivery: 200 with the request; 409 once delivered; another authority's is 404.</summary>
    [HttpPost("{id:guid}/cancel"), Authorize(Policy = Policies.ListRequests)]
    [EndpointSummary("Cancels a request (the authority's commissioner or a panel administrator); 409 once delivered.")]
    [ProducesResponseType<RequestDetails.Details>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<RequestDetails.Details>> Cancel(Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CancelBody? body)
    {
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? NoReasonGiven : body.Reason;
        var cancelled = await mediator.Send(new CancelRequest.Command { Id = id, Reason = reason });
        if (!cancelled.IsSuccess) return ToProblem(WithBodyNames(cancelled));
        return OkOrProblem(await mediator.Send(new RequestDetails.Query(id)));
    }

    /// <summary>A YYYY-MM-DD date as the form's date boxes; anything else stays there as not a real date.</summary>
    private static DateInput IsoDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new DateInput();
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateInput.From(date)
            : new DateInput { Day = "-", Month = "-", Year = text };
    }

    /// <summary>Errors keyed by the body's camelCase names ("Parties[0].Initials" → "parties[0].initials"; a target date is "filingDeadline").</summary>
    private static Result<T> WithBodyNames<T>(Result<T> result)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, messages) in result.Errors)
        {
            var key = field is nameof(SaveRequest.Command.TargetDate) ? "filingDeadline" : CamelCase(field);
            errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, .. messages] : messages;
        }

        return new Failure(result.Status, errors);
    }

    private static string CamelCase(string path)
    {
        var text = new StringBuilder(path.Length);
        var startOfSegment = true;
        foreach (var c in path)
        {
            text.Append(startOfSegment ? char.ToLowerInvariant(c) : c);
            startOfSegment = c == '.';
        }

        return text.ToString();
    }
}
