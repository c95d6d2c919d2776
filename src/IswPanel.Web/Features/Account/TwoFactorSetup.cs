using System.Security.Claims;
using System.Text;
using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace IswPanel.Web.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP), open to every user and required for panel
/// staff unless Security:RequireTwoFactorForStaff is false.
/// </summary>
public static class TwoFactorSetup
{
    public sealed record Query : IQuery<Result<Page>>;

    public sealed record Page(bool Enabled, bool Required, int RecoveryCodesLeft, string? SharedKey, string? QrCodeDataUri)
    {
        /// <summary>The code typed to confirm the app is set up; bound from the enable form.</summary>
        public string? Code { get; init; }
    }

    public sealed class QueryHandler(UserManager<AppUser> users, ICurrentUser me, IOptions<SecurityOptions> security)
        : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.UserId.ToString()!);
            if (user is null) return Failure.NotFound;

            var required = security.Value.RequireTwoFactorForStaff && Roles.Staff.Any(me.IsInRole);
            if (await users.GetTwoFactorEnabledAsync(user))
                return new Page(true, required, await users.CountRecoveryCodesAsync(user), null, null);

            // Reading the page changes nothing: the key is made by the Start command (a POST).
            var key = await users.GetAuthenticatorKeyAsync(user);
            return string.IsNullOrEmpty(key)
                ? new Page(false, required, 0, null, null)
                : new Page(false, required, 0, FormatKey(key), QrCode(AuthenticatorUri(user.Email!, key)));
        }

        private static string FormatKey(string key)
        {
            var formatted = new StringBuilder();
            for (var i = 0; i < key.Length; i += 4)
                formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
            return formatted.ToString().TrimEnd().ToLowerInvariant();
        }

        private static string AuthenticatorUri(string email, string key) =>
            $"otpauth://totp/IswPanel:{Uri.EscapeDataString(email)}?secret={key}&issuer=IswPanel&digits=6";

        private static string QrCode(string text)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(4);
            return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        }
    }

    /// <summary>Makes a new authenticator key to add to the app (again, if the user lost the first one).</summary>
    public sealed record Start : ICommand<Result<Done>>;

    public sealed class StartHandler(UserManager<AppUser> users, ICurrentUser me) : ICommandHandler<Start, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Start command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.UserId.ToString()!);
            if (user is null) return Failure.NotFound;
            if (await users.GetTwoFactorEnabledAsync(user)) return Failure.Conflict("Two-factor sign-in is already on.");
            await users.ResetAuthenticatorKeyAsync(user);
            return Done.Value;
        }
    }

    /// <summary>Confirms the app with a code, turns two-factor on, and returns fresh recovery codes to show once.</summary>
    public sealed record Enable : ICommand<Result<IReadOnlyList<string>>>
    {
        public string? Code { get; init; }
    }

    public sealed class EnableValidator : AbstractValidator<Enable>
    {
        public EnableValidator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app.");
    }

    public sealed class EnableHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentUser me, IAuditLog audit)
        : ICommandHandler<Enable, Result<IReadOnlyList<string>>>
    {
        public async ValueTask<Result<IReadOnlyList<string>>> Handle(Enable command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.UserId.ToString()!);
            if (user is null) return Failure.NotFound;

            var code = TwoFactorCodes.Normalise(command.Code!);
            if (!TwoFactorCodes.IsAuthenticatorCode(code)
                || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                return Failure.Invalid(nameof(Enable.Code), "The code is not correct. Enter the current 6-digit code from your authenticator app.");

            await users.SetTwoFactorEnabledAsync(user, true);
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            audit.Add(AuditActions.TwoFactorEnabled, "User", user.Id.ToString());

            // This session has now proved the second factor too.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorClaims.AuthenticationMethod, TwoFactorClaims.MultiFactor)]);
            return codes;
        }
    }

    public sealed record Disable : ICommand<Result<Done>>;

    public sealed class DisableHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentUser me,
        IOptions<SecurityOptions> security) : ICommandHandler<Disable, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Disable command, CancellationToken cancellationToken)
        {
            if (security.Value.RequireTwoFactorForStaff && Roles.Staff.Any(me.IsInRole))
                return Failure.Invalid("", "Panel staff must keep two-factor sign-in turned on.");
            var user = await users.FindByIdAsync(me.UserId.ToString()!);
            if (user is null) return Failure.NotFound;
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            return Done.Value;
        }
    }

    public sealed record NewRecoveryCodes : ICommand<Result<IReadOnlyList<string>>>;

    public sealed class NewRecoveryCodesHandler(UserManager<AppUser> users, ICurrentUser me)
        : ICommandHandler<NewRecoveryCodes, Result<IReadOnlyList<string>>>
    {
        public async ValueTask<Result<IReadOnlyList<string>>> Handle(NewRecoveryCodes command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.UserId.ToString()!);
            if (user is null || !await users.GetTwoFactorEnabledAsync(user)) return Failure.NotFound;
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        }
    }
}
