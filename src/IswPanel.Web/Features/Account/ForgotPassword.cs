using FluentValidation;
using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Account;

/// <summary>Emails a reset link if the account exists; says the same thing either way.</summary>
public static class ForgotPassword
{
    public sealed record Command : ICommand<Result<Done>>
    {
        public string? Email { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.gov.uk.");
    }

    public sealed class Handler(UserManager<AppUser> users, IEmailSender email, PublicLinks links) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null || user.IsDisabled || user.PasswordHash is null) return Done.Value;

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Absolute($"/account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}");
            await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, "Reset your IswPanel password",
                $"""
                Hello {user.DisplayName},

                Someone asked to reset the password for your IswPanel account. If it was you, open this link within 24 hours:

                {link}

                If it was not you, you can ignore this email: your password has not changed.
                """), cancellationToken);
            return Done.Value;
        }
    }
}
