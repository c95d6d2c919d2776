using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Account;

/// <summary>
/// Password sign-in. An unknown email and a wrong password get the same message (and take the same
/// time), so the form does not reveal who has an account. Five failures lock the account for 15 minutes.
/// </summary>
public static class SignIn
{
    public const string IncorrectMessage = "Enter a correct email address and password.";
    public const string LockedMessage = "Your account is locked because of too many failed attempts. Try again in 15 minutes, or reset your password.";

    public sealed record Command : ICommand<Result<Outcome>>
    {
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? ReturnUrl { get; init; }
    }

    public enum Outcome
    {
        SignedIn,
        SecondFactorRequired,
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.");
        }
    }

    public sealed class Handler(SignInManager<AppUser> signIn, UserManager<AppUser> users, IAuditLog audit)
        : ICommandHandler<Command, Result<Outcome>>
    {
        // Verified against when the email is unknown, so both paths cost one password hash.
        private static readonly AppUser Nobody = new() { UserName = "nobody" };
        private static string? nobodyHash;

        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null)
            {
                nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString());
                users.PasswordHasher.VerifyHashedPassword(Nobody, nobodyHash, command.Password!);
                // The address tried is recorded (neutralised: it cannot forge a line of the trail).
                await audit.WriteAsync(AuditActions.SignInFailed, "User", null, $"unknown email: {command.Email.Trim()}", cancellationToken: cancellationToken);
                return Failure.Invalid("", IncorrectMessage);
            }

            var wasLockedOut = await users.IsLockedOutAsync(user);
            var result = await signIn.PasswordSignInAsync(user, command.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await audit.WriteAsync(AuditActions.SignedIn, "User", user.Id.ToString(), "password", user.Id, cancellationToken);
                return Outcome.SignedIn;
            }

            if (result.RequiresTwoFactor) return Outcome.SecondFactorRequired;

            if (result.IsLockedOut)
            {
                await audit.WriteAsync(AuditActions.LockedOut, "User", user.Id.ToString(), null, user.Id, cancellationToken);
                // The failure that triggers the lock was a wrong password, and says so; every attempt after it
                // (the sixth onwards, right password or not) is told the account is locked.
                return Failure.Invalid("", wasLockedOut ? LockedMessage : IncorrectMessage);
            }

            await audit.WriteAsync(AuditActions.SignInFailed, "User", user.Id.ToString(),
                result.IsNotAllowed ? "not allowed" : "wrong password", user.Id, cancellationToken);
            return Failure.Invalid("", IncorrectMessage);
        }
    }
}
