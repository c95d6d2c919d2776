using System.Security.Claims;
using IswPanel.Domain.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using IswPanel.Web.Infrastructure.Configuration;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>How IswPanel tells whether the current sign-in used a second factor.</summary>
public static class TwoFactorClaims
{
    /// <summary>Identity adds amr=mfa when the user signed in with a second factor.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";

    public static Claim Mfa => new(AuthenticationMethod, MultiFactor);

    public static bool SignedInWithSecondFactor(this ClaimsPrincipal user) =>
        user.HasClaim(AuthenticationMethod, MultiFactor);

    /// <summary>True when this user must use two-factor sign-in but the current session did not.</summary>
    public static bool StillNeedsSecondFactor(this ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForStaff
        && user.Identity?.IsAuthenticated == true
        && Roles.Staff.Any(user.IsInRole)
        && !user.SignedInWithSecondFactor();
}

/// <summary>Staff policies include this requirement, so no staff route works on a password alone when 2FA is required.</summary>
public sealed class TwoFactorRequirement : IAuthorizationRequirement;

public sealed class TwoFactorRequirementHandler(IOptions<SecurityOptions> options) : AuthorizationHandler<TwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (!context.User.StillNeedsSecondFactor(options.Value)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>
/// When a staff policy fails only because the session lacks a second factor, a page request is sent to
/// set up two-factor sign-in instead of a bare "access denied". The API keeps its 403.
/// </summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/account/two-factor";
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<TwoFactorRequirement>().Any() == true
            && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return authorizeResult.Forbidden ? ForbidAsync(next, context, policy, authorizeResult)
            : fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Every 403 is audited; the request's own unit of work is never saved, so the row is written now.</summary>
    private async Task ForbidAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await Audit.AuditRefusals.WriteAsync(context, Audit.AuditActions.AccessForbidden);
        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
