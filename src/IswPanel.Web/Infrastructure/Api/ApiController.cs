using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using IswPanel.Web.Infrastructure.Mvc;

namespace IswPanel.Web.Infrastructure.Api;

/// <summary>
/// Base for the JSON API (/api/v1). Bearer tokens only: cookies are never accepted here, which is why
/// no antiforgery token is needed. Failures are RFC 9457 problem+json.
/// </summary>
[ApiController]
[Authorize(AuthenticationSchemes = ApiAuthentication.Scheme)]
[IgnoreAntiforgeryToken]
[ProducesResponseType(StatusCodes.Status401Unauthorized)]
public abstract class ApiController : ControllerBase
{
    protected ActionResult ToProblem(IUseCaseResult result) => result.Status switch
    {
        ResultStatus.NotFound => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no such resource, or you may not see it."),
        ResultStatus.Forbidden => Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        ResultStatus.Conflict => Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
            detail: string.Join(" ", result.Errors.Values.SelectMany(m => m))),
        _ => Invalid(result.Errors),
    };

    private ActionResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ModelState.AddErrors(errors);
        return ValidationProblem(ModelState);
    }

    protected ActionResult<T> OkOrProblem<T>(Result<T> result) => result.IsSuccess ? Ok(result.Value) : ToProblem(result);
}

public static class ApiAuthentication
{
    public const string Scheme = "Identity.Bearer";
}
