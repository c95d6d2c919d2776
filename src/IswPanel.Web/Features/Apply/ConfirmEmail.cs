using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// The emailed link confirms the applicant's address and signs them in, once: a link used again (or an
/// address already confirmed) does not sign anyone in, so a forwarded email is not a key to the account.
/// </summary>
public static class ConfirmEmail
{
    public enum Outcome
    {
        Confirmed,
        AlreadyConfirmed,
    }

    public sealed record Command(Guid User, string? Token) : ICommand<Result<Outcome>>;

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, IAuditLog audit)
        : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.User.ToString());
            if (user is null || user.IsDisabled || !await users.IsInRoleAsync(user, Roles.Isw)) return Failure.NotFound;
            if (user.EmailConfirmed) return Outcome.AlreadyConfirmed;
            if (string.IsNullOrEmpty(command.Token) || !(await users.ConfirmEmailAsync(user, command.Token)).Succeeded)
                return Failure.NotFound;

            await signIn.SignInAsync(user, isPersistent: false);
            audit.Add(AuditActions.ApplicantEmailConfirmed, "User", user.Id.ToString(), null, user.Id);
            return Outcome.Confirmed;
        }
    }

    /// <summary>A signed-in applicant whose address is not confirmed yet asks for a new link.</summary>
    public sealed record SendAgain : ICommand<Result<string>>;

    public sealed class SendAgainHandler(AppDbContext db, UserManager<AppUser> users, IEmailSender email, PublicLinks links, ICurrentUser me)
        : ICommandHandler<SendAgain, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(SendAgain command, CancellationToken cancellationToken)
        {
            var user = me.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            if (user is null) return Failure.NotFound;
            if (user.EmailConfirmed) return Failure.Conflict("Your email address is already confirmed.");
            await new ApplicantMail(db, users, email, links).SendConfirmationAsync(user, cancellationToken);
            return user.Email!;
        }
    }
}
