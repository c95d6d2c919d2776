using System.Security.Cryptography;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using IswPanel.Web.Infrastructure.Email;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// The first step of applying: an Isw account with an unconfirmed email, an empty application, and an email
/// with a link that confirms the address. An address that already has an account gets the same "check your
/// email" page (so the form does not reveal who has an account) and an email saying so, and nothing is created.
/// </summary>
public static class CreateAccount
{
    public sealed record Command : ICommand<Result<string>>
    {
        public string? FullName { get; init; }
        public string? Email { get; init; }
        public string? Password { get; init; }
        public string? ConfirmPassword { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter your full name.")
                .MaximumLength(200).WithMessage("Your full name must be 200 characters or fewer.");
            RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your email address.")
                .MaximumLength(256).WithMessage("Your email address must be 256 characters or fewer.")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com.");
            RuleFor(c => c.Password).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter a password.")
                .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Password must be {PasswordRules.MinimumLength} characters or more.")
                .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Password must be {PasswordRules.MaximumLength} characters or fewer.");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The passwords do not match.")
                .When(c => !string.IsNullOrEmpty(c.Password));
        }
    }

    /// <returns>The reference the "check your email" page is shown with (see <see cref="CheckEmailReference"/>).</returns>
    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, IEmailSender email, PublicLinks links,
        IDataProtectionProvider protection, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var mail = new ApplicantMail(db, users, email, links);
            var address = command.Email!.Trim();
            var existing = await users.FindByEmailAsync(address);
            if (existing is not null)
            {
                // The same work as creating an account, so the answer takes as long either way.
                users.PasswordHasher.HashPassword(existing, command.Password!);
                await mail.SendAgainAsync(existing, cancellationToken);
                return CheckEmailReference.Create(protection, address);
            }

            var user = new AppUser
            {
                UserName = address,
                Email = address,
                DisplayName = command.FullName!.Trim(),
                EmailConfirmed = false,
                CreatedAt = clock.UtcNow,
            };
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded)
            {
                var passwordErrors = created.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
                return new Failure(ResultStatus.Invalid, passwordErrors.Count > 0
                    ? new Dictionary<string, string[]> { [nameof(Command.Password)] = [.. passwordErrors.Select(e => e.Description)] }
                    : new Dictionary<string, string[]> { [nameof(Command.Email)] = [.. created.Errors.Select(e => e.Description)] });
            }

            await users.AddToRoleAsync(user, Roles.Isw);
            audit.Add(AuditActions.RoleAssigned, "User", user.Id.ToString(), Roles.Isw, user.Id);
            db.PanelApplications.Add(PanelApplication.Start(user.Id, clock.UtcNow));
            await mail.SendConfirmationAsync(user, cancellationToken);
            audit.Add(AuditActions.ApplicantAccountCreated, "User", user.Id.ToString(), null, user.Id);
            return CheckEmailReference.Create(protection, address);
        }
    }

    /// <summary>The "check your email" page: which address the link went to.</summary>
    public sealed record CheckYourEmail(string? Reference) : IQuery<Result<string>>;

    public sealed class CheckYourEmailHandler(IDataProtectionProvider protection) : IQueryHandler<CheckYourEmail, Result<string>>
    {
        public ValueTask<Result<string>> Handle(CheckYourEmail query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<Result<string>>(CheckEmailReference.Read(protection, query.Reference) is { } address ? Result<string>.Ok(address) : Failure.NotFound);
    }

    /// <summary>"Send it again" on the check-your-email page, before the applicant can sign in.</summary>
    public sealed record SendAgain : ICommand<Result<string>>
    {
        public string? Reference { get; init; }
    }

    public sealed class SendAgainHandler(AppDbContext db, UserManager<AppUser> users, IEmailSender email, PublicLinks links,
        IDataProtectionProvider protection) : ICommandHandler<SendAgain, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(SendAgain command, CancellationToken cancellationToken)
        {
            if (CheckEmailReference.Read(protection, command.Reference) is not { } address) return Failure.NotFound;
            var mail = new ApplicantMail(db, users, email, links);
            if (await users.FindByEmailAsync(address) is { } user) await mail.SendAgainAsync(user, cancellationToken);
            return command.Reference!;
        }
    }
}

/// <summary>
/// The check-your-email page's address, encrypted and valid for a day, so the page can say where the link went
/// and send it again without anyone being able to make IswPanel email an address they choose.
/// </summary>
public static class CheckEmailReference
{
    private const string Purpose = "IswPanel.Apply.CheckYourEmail";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public static string Create(IDataProtectionProvider protection, string email) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(email.Trim().ToLowerInvariant(), Lifetime);

    public static string? Read(IDataProtectionProvider protection, string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        try
        {
            return protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(reference, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// The emails of the application journey. Subjects carry no personal data; bodies link to the pages. Handlers
/// create one from their own dependencies.
/// </summary>
public sealed class ApplicantMail(AppDbContext db, UserManager<AppUser> users, IEmailSender email, PublicLinks links)
{
    public const string ConfirmSubject = "Confirm your email address for IswPanel";
    public const string AccountExistsSubject = "Your IswPanel account";
    public const string SubmittedSubject = "Your application to join the IswPanel panel";

    public async Task SendConfirmationAsync(AppUser user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.Absolute($"/apply/confirm-email?user={user.Id}&token={Uri.EscapeDataString(token)}");
        await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, ConfirmSubject,
            $"""
            Hello {user.DisplayName},

            You have started an application to join the IswPanel panel of independent social workers. Confirm your email address by opening this link within 24 hours:

            {link}

            The link signs you in so that you can carry on with your application.

            If you did not start an application, you can ignore this email.
            """), cancellationToken);
    }

    /// <summary>
    /// What someone who asks again gets: the confirmation link while their own application waits for it, or a
    /// note that the address already has an account (with the links to sign in or reset the password).
    /// </summary>
    public async Task SendAgainAsync(AppUser user, CancellationToken cancellationToken)
    {
        if (user.IsDisabled) return;
        if (!user.EmailConfirmed && await users.IsInRoleAsync(user, Roles.Isw)
            && !await db.IswProfiles.AnyAsync(p => p.UserId == user.Id, cancellationToken))
        {
            await SendConfirmationAsync(user, cancellationToken);
            return;
        }

        await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, AccountExistsSubject,
            $"""
            Hello {user.DisplayName},

            Someone tried to create an IswPanel account with this email address, but you already have one.

            Sign in: {links.Absolute("/account/sign-in")}

            If you have forgotten your password, you can reset it: {links.Absolute("/account/forgot-password")}

            If it was not you, you can ignore this email: nothing has changed.
            """), cancellationToken);
    }

    public Task SendSubmittedAsync(string to, string name, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(to, name, SubmittedSubject,
            $"""
            Hello {name},

            Thank you: we have received your application to join the IswPanel panel of independent social workers.

            What happens next:

            1. Upload your evidence (enhanced DBS certificate, indemnity insurance, right to work and qualification) and name two referees: {links.Absolute("/my-evidence")}
            2. A panel administrator checks your registration with Social Work England, your evidence and your references, and may invite you to an interview.
            3. We email you when we have decided.
            """), cancellationToken);
}
