using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Features.Shadowing;

[Route("api/v1/shadowing")]
public sealed class ShadowingApiController(IMediator mediator) : ApiController
{
    /// <summary>A nomination: role is one of asye, nqsw, student, other.</summary>
    public sealed record NominationBody(Guid? AssessmentRequestId, string? FullName, string? Role, string? WorkEmail,
        string? SocialWorkEnglandNumber = null, string? HopesToLearn = null);

    public const string RoleValues = "Role must be one of: asye, nqsw, student, other.";

    [HttpPost("nominations"), Authorize(Policy = Policies.Commissioner), Idempotent]
    [EndpointSummary("Nominates one of the caller's authority's junior practitioners to shadow the ISW assigned to a request.")]
    [EndpointDescription(
        "The request must be the caller's authority's (another authority's is 404) and have a social worker assigned (409 otherwise). " +
        "The practitioner is recorded once per authority by work email; a new one gets an invitation to a Shadower account. " +
        "The assigned ISW is told and accepts or declines. Send an Idempotency-Key header to make retries safe.")]
    [ProducesResponseType<NominateShadower.Nominated>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<NominateShadower.Nominated>> CreateNomination(NominationBody body)
    {
        var role = ParseRole(body.Role);
        var result = await mediator.Send(new NominateShadower.Command
        {
            RequestId = body.AssessmentRequestId ?? Guid.Empty,
            FullName = body.FullName,
            Role = role,
            WorkEmail = body.WorkEmail,
            SocialWorkEnglandNumber = body.SocialWorkEnglandNumber,
            HopesToLearn = body.HopesToLearn,
        }, HttpContext.RequestAborted);
        if (result.IsSuccess) return StatusCode(StatusCodes.Status201Created, result.Value);
        if (result.Status == ResultStatus.NotFound)
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "There is no assessment request with this id for your authority.");
        return ToProblem(WithBodyNames(result, roleGivenButUnknown: role is null && !string.IsNullOrWhiteSpace(body.Role)));
    }

    private static ShadowerRole? ParseRole(string? role) =>
        Enum.GetValues<ShadowerRole>().Select(r => (ShadowerRole?)r)
            .FirstOrDefault(r => string.Equals(r.ToString(), role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Errors under the body's names ("RequestId" → "assessmentRequestId", "WorkEmail" → "workEmail").</summary>
    private static Result<T> WithBodyNames<T>(Result<T> result, bool roleGivenButUnknown)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, messages) in result.Errors)
        {
            var key = field switch
            {
                "" => "",
                nameof(NominateShadower.Command.RequestId) => "assessmentRequestId",
                _ => char.ToLowerInvariant(field[0]) + field[1..],
            };
            errors[key] = key == "role" && roleGivenButUnknown ? [RoleValues] : messages;
        }

        return new Failure(result.Status, errors);
    }
}
