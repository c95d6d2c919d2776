using IswPanel.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using IswPanel.Web.Infrastructure.Security;

namespace IswPanel.Web.Features.Auth;

[Route("api/v1/auth")]
public sealed class AuthApiController(IMediator mediator) : ApiController
{
    /// <summary>
    /// Returns { accessToken, tokenType: "Bearer", expiresIn, refreshToken }. Send the access token as
    /// "Authorization: Bearer ..." on every other API call.
    /// </summary>
    [HttpPost("token"), AllowAnonymous, EnableRateLimiting(RateLimits.ApiToken)]
    [ProducesResponseType<AccessTokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public async Task<IActionResult> Token(IssueApiToken.Command command)
    {
        var result = await mediator.Send(command);
        if (result.IsSuccess) return SignIn(result.Value!, IdentityConstants.BearerScheme);
        if (result.Status == Infrastructure.Results.ResultStatus.Invalid) return ToProblem(result);
        return Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: IssueApiToken.Rejected);
    }
}
