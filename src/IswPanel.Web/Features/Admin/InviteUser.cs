using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>
/// There is no open sign-up: an administrator creates a commissioner (for one authority) or a member of
/// panel staff, and IswPanel emails them a link to set their own password.
/// </summary>
public static class InviteUser
{
    public static readonly IReadOnlyList<string> InvitableRoles = [Roles.Commissioner, Roles.PanelAdmin, Roles.QaReviewer];

    public sealed record Command : ICommand<Result<Guid>>
    {
        public string? DisplayName { get; init; }
        public string? Email { get; init; }
        public string? Role { get; init; }
        public Guid? AuthorityId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's full name.")
                .MaximumLength(200).WithMessage("The name must be 200 characters or fewer.");
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the person's work email address.")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.gov.uk.");
            RuleFor(c => c.Role).NotEmpty().WithMessage("Select what the person will do.")
                .Must(r => InvitableRoles.Contains(r)).When(c => !string.IsNullOrEmpty(c.Role)).WithMessage("Select what the person will do.");
            RuleFor(c => c.AuthorityId).NotNull().When(c => c.Role == Roles.Commissioner)
                .WithMessage("Select the authority the commissioner works for.");
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, Invitations invitations, IClock clock, IAuditLog audit)
        : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim();
            // Shadowers are an authority's permanent staff: the agency never recruits them, so never invites them to
            // join it. Only their own authority may make them one of its commissioners.
            var lowered = email.ToLowerInvariant();
            var staff = await (
                from s in db.Shadowers.AsNoTracking()
                where s.WorkEmail == lowered
                join a in db.Authorities on s.AuthorityId equals a.Id
                select new { s.FullName, s.AuthorityId, Authority = a.Name })
                .FirstOrDefaultAsync(cancellationToken);
            if (staff is not null && !(command.Role == Roles.Commissioner && command.AuthorityId == staff.AuthorityId))
                return Failure.Invalid(nameof(Command.Email),
                    $"{email} ({staff.FullName}) is {staff.Authority}'s permanent staff: the agency does not recruit them.");
            if (await users.FindByEmailAsync(email) is not null)
                return Failure.Invalid(nameof(Command.Email), "Someone already has an account with this email address.");
            var authorityId = command.Role == Roles.Commissioner ? command.AuthorityId : null;
            if (authorityId is not null && !await db.Authorities.AnyAsync(a => a.Id == authorityId, cancellationToken))
                return Failure.Invalid(nameof(Command.AuthorityId), "Select the authority the commissioner works for.");

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                DisplayName = command.DisplayName!.Trim(),
                AuthorityId = authorityId,
                CreatedAt = clock.UtcNow,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                return Failure.Invalid(nameof(Command.Email), string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, command.Role!);
            audit.Add(AuditActions.RoleAssigned, "User", user.Id.ToString(), command.Role);
            await invitations.SendAsync(user, cancellationToken);
            audit.Add(AuditActions.UserInvited, "User", user.Id.ToString(), $"role {command.Role}");
            return user.Id;
        }
    }

    public sealed record Resend(Guid UserId) : ICommand<Result<Done>>;

    public sealed class ResendHandler(UserManager<AppUser> users, Invitations invitations, IAuditLog audit) : ICommandHandler<Resend, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Resend command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null) return Failure.NotFound;
            if (user.PasswordHash is not null) return Failure.Conflict("This person has already accepted their invitation.");
            await invitations.SendAsync(user, cancellationToken);
            audit.Add(AuditActions.UserInvited, "User", user.Id.ToString(), "invitation sent again");
            return Done.Value;
        }
    }
}

/// <summary>Creates the invitation link and emails it.</summary>
public sealed class Invitations(UserManager<AppUser> users, IEmailSender email, PublicLinks links, IClock clock)
{
    public const string ByAdministrator = "An IswPanel administrator has created an account for you.";

    public Task SendAsync(AppUser user, CancellationToken cancellationToken) => SendAsync(user, ByAdministrator, cancellationToken);

    /// <param name="why">The email's first sentence: who created the account, and why (a shadowing nomination, say).</param>
    public async Task SendAsync(AppUser user, string why, CancellationToken cancellationToken)
    {
        user.InvitedAt = clock.UtcNow;
        await users.UpdateAsync(user);
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var link = links.Absolute($"/account/accept-invitation?user={user.Id}&token={Uri.EscapeDataString(token)}");
        await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, "Your IswPanel account",
            $"""
            Hello {user.DisplayName},

            {why} Open this link within 7 days to choose your password:

            {link}

            If you were not expecting this, you can ignore this email.
            """), cancellationToken);
    }
}
