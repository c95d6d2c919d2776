using System.Security.Claims;
using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Auth;

/// <summary>
/// Refuses sign-in to disabled accounts and to invitations whose password is not yet set, and ties every
/// sign-in to a new server-side session (<see cref="UserSessions"/>): the cookie issued at sign-in names a
/// session that did not exist before, so no cookie from before sign-in can become an authenticated one.
/// </summary>
public sealed class AppSignInManager(UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation,
    UserSessions sessions)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Set while <see cref="RefreshSignInAsync"/> re-issues the cookie: the session carries on.</summary>
    private Guid? refreshedSession;

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Every sign-in (password, second factor, recovery code, confirmed email) comes through here.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var sessionId = refreshedSession;
        if (sessionId is null)
        {
            // Signing in again over an existing sign-in replaces it.
            await sessions.EndCurrentAsync(Context.User, SessionEndReasons.SignedOut);
            sessionId = await sessions.StartAsync(user.Id);
        }

        var claims = additionalClaims.Where(c => c.Type != AppClaimTypes.SessionId)
            .Append(new Claim(AppClaimTypes.SessionId, sessionId.Value.ToString()));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Re-issues the cookie (new roles or claims) within the same session.</summary>
    public override async Task RefreshSignInAsync(AppUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        refreshedSession = UserSessions.SessionId(current.Principal);
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshedSession = null;
        }
    }

    /// <summary>Sign-out ends the server-side session too, so a copy of the cookie is worthless.</summary>
    public override async Task SignOutAsync()
    {
        await sessions.EndCurrentAsync(Context.User, SessionEndReasons.SignedOut);
        await base.SignOutAsync();
    }
}
