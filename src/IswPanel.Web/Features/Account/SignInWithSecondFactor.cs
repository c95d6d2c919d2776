using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Account;

/// <summary>The second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
public static class SignInWithSecondFactor
{
    public sealed record Command : ICommand<Result<Done>>
    {
        public string? Code { get; init; }
        public string? ReturnUrl { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the code from your authenticator app.");
    }

    public sealed class Handler(SignInManager<AppUser> signIn, IAuditLog audit) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null) return Failure.Invalid("", "Your sign-in took too long. Sign in again.");

            var code = TwoFactorCodes.Normalise(command.Code!);
            var result = TwoFactorCodes.IsAuthenticatorCode(code)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCodes.AsRecoveryCode(code));

            if (result.Succeeded)
            {
                await audit.WriteAsync(AuditActions.SignedIn, "User", user.Id.ToString(), "password and second factor", user.Id, cancellationToken);
                return Done.Value;
            }

            if (result.IsLockedOut)
            {
                await audit.WriteAsync(AuditActions.LockedOut, "User", user.Id.ToString(), "second factor", user.Id, cancellationToken);
                return Failure.Invalid("", SignIn.LockedMessage);
            }

            await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(), "wrong second-factor code", user.Id, cancellationToken);
            return Failure.Invalid(nameof(Command.Code), "The code is not correct. Enter the current code from your authenticator app, or a recovery code.");
        }
    }
}

public static class TwoFactorCodes
{
    /// <summary>People type codes with spaces; authenticator codes are 6 digits, recovery codes "XXXXX-XXXXX".</summary>
    public static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Trim();

    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>Identity stores recovery codes with a dash in the middle; accept them typed without it.</summary>
    public static string AsRecoveryCode(string code) =>
        code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;
}
