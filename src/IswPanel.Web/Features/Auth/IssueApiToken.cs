using System.Security.Claims;
using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Account;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Results;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Auth;

/// <summary>
/// Exchanges an email, password and (when two-factor is on) a code for a bearer token. Failures all
/// read the same, whether or not the email exists; the same lockout applies as on the sign-in page.
/// </summary>
public static class IssueApiToken
{
    public const string Rejected = "The email address, password or code is not correct.";

    public sealed record Command : ICommand<Result<ClaimsPrincipal>>
    {
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? Otp { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the email address.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter the password.");
        }
    }

    public sealed class Handler(SignInManager<AppUser> signIn, UserManager<AppUser> users, IOptions<SecurityOptions> security, IAuditLog audit,
        UserSessions sessions)
        : ICommandHandler<Command, Result<ClaimsPrincipal>>
    {
        private static readonly Failure Unauthorised = new(ResultStatus.Forbidden, new Dictionary<string, string[]> { [""] = [Rejected] });

        public async ValueTask<Result<ClaimsPrincipal>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null)
            {
                await audit.WriteAsync(AuditActions.SignInFailed, "User", null, "api: unknown email", cancellationToken: cancellationToken);
                return Unauthorised;
            }

            var password = await signIn.CheckPasswordSignInAsync(user, command.Password!, lockoutOnFailure: true);
            if (!password.Succeeded)
            {
                await audit.WriteAsync(password.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "User", user.Id.ToString(),
                    "api", user.Id, cancellationToken);
                return Unauthorised;
            }

            var secondFactor = false;
            if (await users.GetTwoFactorEnabledAsync(user))
            {
                var code = TwoFactorCodes.Normalise(command.Otp ?? "");
                if (!TwoFactorCodes.IsAuthenticatorCode(code)
                    || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                {
                    await users.AccessFailedAsync(user);
                    await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(), "api: wrong code", user.Id, cancellationToken);
                    return Unauthorised;
                }

                secondFactor = true;
            }
            else if (security.Value.RequireTwoFactorForStaff && (await users.GetRolesAsync(user)).Any(Roles.Staff.Contains))
            {
                await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(), "api: staff without two-factor", user.Id, cancellationToken);
                return Unauthorised;
            }

            var principal = await signIn.CreateUserPrincipalAsync(user);
            var identity = (ClaimsIdentity)principal.Identity!;
            if (secondFactor) identity.AddClaim(TwoFactorClaims.Mfa);
            // Each token is a session of its own: disabling the account or changing the password ends it.
            identity.AddClaim(new Claim(AppClaimTypes.SessionId, (await sessions.StartAsync(user.Id, cancellationToken)).ToString()));
            await audit.WriteAsync(AuditActions.TokenIssued, "User", user.Id.ToString(), null, user.Id, cancellationToken);
            return principal;
        }
    }
}
