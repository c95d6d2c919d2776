using IswPanel.Web.Infrastructure.Api;
using IswPanel.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>
/// Checks the server-side session behind every authenticated request.
/// Cookies: in <see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>, before Identity's security-stamp
/// check, so a dead session is rejected and its cookie deleted. Bearer tokens: the bearer handler has no such
/// event, so <see cref="ApiSessions"/> (a middleware after UseAuthentication) authenticates the bearer scheme
/// itself for /api requests that carry a token and answers 401 when the token's session is over.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is null
            || await sessions.CheckAsync(context.Principal, context.HttpContext.RequestAborted) is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Identity rebuilds the principal from the database every SecurityStampValidator interval; the session id
    /// and the second-factor claim are not in the database, so they are carried over.
    /// </summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is AppClaimTypes.SessionId or TwoFactorClaims.AuthenticationMethod))
                if (!identity.HasClaim(claim.Type, claim.Value)) identity.AddClaim(new(claim.Type, claim.Value));
        }

        return Task.CompletedTask;
    }
}

/// <summary>Refuses API bearer tokens whose session has ended or timed out (see <see cref="SessionValidation"/>).</summary>
public sealed class ApiSessions(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, UserSessions sessions, IProblemDetailsService problems)
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Authorization.Count > 0)
        {
            var result = await context.AuthenticateAsync(ApiAuthentication.Scheme);
            if (result.Succeeded && await sessions.CheckAsync(result.Principal, context.RequestAborted) is not null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "Unauthorized",
                        Detail = "The token's session has ended. Ask for a new token.",
                    },
                });
                return;
            }
        }

        await next(context);
    }
}
