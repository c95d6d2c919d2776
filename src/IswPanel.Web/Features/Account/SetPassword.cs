using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Results;
using IswPanel.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Account;

/// <summary>
/// Setting a password from an emailed link: accepting an invitation (a new account) or resetting a
/// forgotten password. Either token dies once used, because the security stamp changes.
/// </summary>
public static class SetPassword
{
    public enum Purpose
    {
        AcceptInvitation,
        ResetPassword,
    }

    public sealed record Link(Guid User, string Token, Purpose Purpose);

    /// <summary>Whether the link is still good, before showing the form.</summary>
    public sealed record CheckLink(Guid User, string? Token, Purpose Purpose) : IQuery<Result<Form>>;

    public sealed record Form
    {
        public Guid User { get; init; }
        public string? Token { get; init; }
        public Purpose Purpose { get; init; }
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? ConfirmPassword { get; init; }
    }

    public sealed record Command : ICommand<Result<Done>>
    {
        public Guid User { get; init; }
        public string? Token { get; init; }
        public Purpose Purpose { get; init; }
        public string? Password { get; init; }
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter a password.")
                .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Password must be {PasswordRules.MinimumLength} characters or more.")
                .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Password must be {PasswordRules.MaximumLength} characters or fewer.");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The passwords do not match.")
                .When(c => !string.IsNullOrEmpty(c.Password));
        }
    }

    internal static async Task<bool> IsValidAsync(UserManager<AppUser> users, AppUser user, string token, Purpose purpose) =>
        purpose == Purpose.AcceptInvitation
            ? user.PasswordHash is null && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    public sealed class CheckLinkHandler(UserManager<AppUser> users) : IQueryHandler<CheckLink, Result<Form>>
    {
        public async ValueTask<Result<Form>> Handle(CheckLink query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(query.User.ToString());
            if (user is null || user.IsDisabled || string.IsNullOrEmpty(query.Token)
                || !await IsValidAsync(users, user, query.Token, query.Purpose))
                return Failure.NotFound;
            return new Form { User = user.Id, Token = query.Token, Purpose = query.Purpose, Email = user.Email };
        }
    }

    public sealed class Handler(UserManager<AppUser> users, IAuditLog audit, UserSessions sessions) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.User.ToString());
            if (user is null || user.IsDisabled || string.IsNullOrEmpty(command.Token)
                || !await IsValidAsync(users, user, command.Token, command.Purpose))
                return Failure.NotFound;

            IdentityResult result;
            if (command.Purpose == Purpose.AcceptInvitation)
            {
                result = await users.AddPasswordAsync(user, command.Password!);
                if (result.Succeeded)
                {
                    user.EmailConfirmed = true;
                    user.InvitedAt = null;
                    result = await users.UpdateAsync(user);
                }
            }
            else
            {
                result = await users.ResetPasswordAsync(user, command.Token, command.Password!);
            }

            if (!result.Succeeded)
                return new Failure(ResultStatus.Invalid, new Dictionary<string, string[]>
                {
                    [nameof(Command.Password)] = [.. result.Errors.Select(e => e.Description)],
                });

            // Ends other sessions and kills the link.
            await users.UpdateSecurityStampAsync(user);
            if (command.Purpose == Purpose.ResetPassword)
                await sessions.EndAllAsync(user.Id, SessionEndReasons.PasswordChanged, cancellationToken);
            audit.Add(AuditActions.PasswordSet, "User", user.Id.ToString(), command.Purpose.ToString());
            return Done.Value;
        }
    }
}
