using System.Security.Claims;
using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Results;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Account;

/// <summary>
/// A signed-in user changes their password. Every session of the account ends (a stolen cookie or token
/// stops working everywhere), then this browser is signed in again with a fresh session.
/// </summary>
public static class ChangePassword
{
    public const string WrongCurrentPassword = "Your current password is not correct.";

    public sealed record Command : ICommand<Result<Done>>
    {
        public string? CurrentPassword { get; init; }
        public string? NewPassword { get; init; }
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.")
                .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Password must be {PasswordRules.MinimumLength} characters or more.")
                .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Password must be {PasswordRules.MaximumLength} characters or fewer.");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("The passwords do not match.")
                .When(c => !string.IsNullOrEmpty(c.NewPassword));
        }
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentUser me,
        IHttpContextAccessor http, UserSessions sessions, IAuditLog audit) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.UserId is not { } userId || await users.FindByIdAsync(userId.ToString()) is not { } user || user.IsDisabled)
                return Failure.NotFound;

            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
            if (!changed.Succeeded)
            {
                var wrongCurrent = changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
                return wrongCurrent
                    ? Failure.Invalid(nameof(Command.CurrentPassword), WrongCurrentPassword)
                    : new Failure(ResultStatus.Invalid, new Dictionary<string, string[]>
                    {
                        [nameof(Command.NewPassword)] = [.. changed.Errors.Select(e => e.Description)],
                    });
            }

            // ChangePasswordAsync has renewed the security stamp; renew it explicitly all the same, so this
            // does not depend on Identity's internals, then end every session, this one included.
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, SessionEndReasons.PasswordChanged, cancellationToken);
            audit.Add(AuditActions.PasswordChanged, "User", user.Id.ToString());

            // A new session for this browser; a second factor used at sign-in still counts.
            var usedSecondFactor = http.HttpContext?.User.SignedInWithSecondFactor() == true;
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, usedSecondFactor ? [TwoFactorClaims.Mfa] : Array.Empty<Claim>());
            return Done.Value;
        }
    }
}
