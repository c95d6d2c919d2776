using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Features.Admin;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Shadowing;

/// <summary>
/// A commissioner nominates one of their authority's junior practitioners to shadow the ISW on an assigned request.
/// The practitioner is recorded once per authority (found again by work email, as permanent staff for non-solicitation)
/// and gets a Shadower account by invitation, with no authority claim: the record carries the authority. The ISW is
/// told and decides. Another authority's request is NotFound; a request without an active assignment is refused.
/// Pages and the API (POST /api/v1/shadowing/nominations) send the same command.
/// </summary>
public static class NominateShadower
{
    public const string NoSocialWorker = "This request has no social worker assigned yet. You can nominate a practitioner once one is assigned.";
    public const string NotAShadowerAccount = "This email address belongs to an IswPanel account that is not a shadowing account. Enter the practitioner's own work email address.";
    public const string AnotherAuthoritysShadower = "This email address belongs to a practitioner recorded by another authority. Enter your practitioner's own work email address.";

    public sealed record Load(Guid RequestId) : IQuery<Result<FormPage>>;

    /// <param name="Refusal">Why no one can be nominated on this request now (no social worker assigned), or null.</param>
    public sealed record FormPage(RequestRef Request, string? Refusal, Command Form);

    public sealed record RequestRef(Guid Id, string CaseReference, string AssessmentTypeName, string? IswName);

    public sealed record Command : ICommand<Result<Nominated>>
    {
        [BindNever]
        public Guid RequestId { get; init; }

        public string? FullName { get; init; }
        public ShadowerRole? Role { get; init; }
        public string? WorkEmail { get; init; }
        public string? SocialWorkEnglandNumber { get; init; }
        public string? HopesToLearn { get; init; }
    }

    /// <summary>The nomination as created: the API's 201 body.</summary>
    /// <param name="Invited">A new account was created (or one never used) and the invitation emailed.</param>
    public sealed record Nominated(Guid Id, Guid AssessmentRequestId, Guid AssignmentId, NominationStatus Status, FamilyConsent Consent,
        DateOnly? ConsentDate, DateTime NominatedAt, string HopesToLearn, ShadowerRef Shadower, IswRef Isw, bool Invited);

    public sealed record ShadowerRef(Guid Id, string FullName, ShadowerRole Role, string WorkEmail, string? SocialWorkEnglandNumber);

    public sealed record IswRef(Guid Id, string Name);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty().WithMessage("Give the id of the assessment request.");
            RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter the practitioner's full name.")
                .MaximumLength(Shadower.MaxNameLength).WithMessage("The name must be 200 characters or fewer.");
            RuleFor(c => c.Role).NotNull().WithMessage("Select the practitioner's role.")
                .IsInEnum().WithMessage("Select the practitioner's role.");
            RuleFor(c => c.WorkEmail).NotEmpty().WithMessage("Enter the practitioner's work email address.")
                .Must(IsEmail).When(c => !string.IsNullOrWhiteSpace(c.WorkEmail))
                .WithMessage("Enter an email address in the correct format, like name@example.gov.uk.");
            RuleFor(c => c.SocialWorkEnglandNumber)
                .Must(n => IswProfile.IsValidSweNumber(n!.Trim().ToUpperInvariant())).When(c => !string.IsNullOrWhiteSpace(c.SocialWorkEnglandNumber))
                .WithMessage("Enter a Social Work England number like SW12345, or leave it blank.");
            RuleFor(c => c.HopesToLearn).NotEmpty().WithMessage("Enter what the practitioner hopes to learn.")
                .MaximumLength(ShadowingNomination.MaxHopesLength).WithMessage("What they hope to learn must be 2,000 characters or fewer.");
        }

        private static bool IsEmail(string? email)
        {
            try
            {
                Shadower.NormaliseEmail(email);
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<FormPage>>
    {
        public async ValueTask<Result<FormPage>> Handle(Load query, CancellationToken cancellationToken)
        {
            var target = await Target.FindAsync(db, me, query.RequestId, cancellationToken);
            if (target is null) return Failure.NotFound;
            return new FormPage(new RequestRef(target.RequestId, target.CaseReference, target.AssessmentTypeName, target.IswName),
                target.AssignmentId is null ? NoSocialWorker : null, new Command { RequestId = target.RequestId });
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, UserManager<AppUser> users, Invitations invitations, Notifier notifier,
        IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<Nominated>>
    {
        public async ValueTask<Result<Nominated>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (me.UserId is not { } commissionerId) return Failure.NotFound;
            var target = await Target.FindAsync(db, me, command.RequestId, cancellationToken);
            if (target is null) return Failure.NotFound;
            if (target.AssignmentId is not { } assignmentId || target.IswProfileId is not { } iswId || target.IswName is null)
                return Failure.Conflict(NoSocialWorker);

            var email = Shadower.NormaliseEmail(command.WorkEmail);
            var role = command.Role!.Value;
            var now = clock.UtcNow;
            var shadower = await db.Shadowers.SingleOrDefaultAsync(s => s.AuthorityId == target.AuthorityId && s.WorkEmail == email, cancellationToken);
            var known = shadower is not null;
            AppUser? account;
            if (shadower is not null)
            {
                if (await db.ShadowingNominations.AnyAsync(n => n.AssignmentId == assignmentId && n.ShadowerId == shadower.Id, cancellationToken))
                    return Failure.Invalid(nameof(Command.WorkEmail), $"{shadower.FullName} has already been nominated to shadow this assessment.");
                account = await users.FindByIdAsync(shadower.UserId.ToString());
            }
            else
            {
                account = await users.FindByEmailAsync(email);
                if (account is not null)
                {
                    if (!await users.IsInRoleAsync(account, Roles.Shadower))
                        return Failure.Invalid(nameof(Command.WorkEmail), NotAShadowerAccount);
                    if (await db.Shadowers.AnyAsync(s => s.UserId == account.Id, cancellationToken))
                        return Failure.Invalid(nameof(Command.WorkEmail), AnotherAuthoritysShadower);
                    // A Shadower account without a record: a nomination whose save failed after the account was made. Take it over.
                }

                shadower = Shadower.Record(target.AuthorityId, account?.Id ?? Guid.CreateVersion7(), command.FullName!, role, email,
                    command.SocialWorkEnglandNumber, clock.Today, now, commissionerId);
            }

            // Every rule is checked before anything is saved: the account is made (and saved by Identity) only for a valid nomination.
            var nomination = ShadowingNomination.Nominate(shadower, target.AuthorityId, target.RequestId, assignmentId, iswId,
                command.HopesToLearn, now, commissionerId);

            var invited = false;
            if (account is null)
            {
                account = new AppUser
                {
                    Id = shadower.UserId,
                    UserName = email,
                    Email = email,
                    DisplayName = shadower.FullName,
                    CreatedAt = now,
                };
                var created = await users.CreateAsync(account);
                if (!created.Succeeded)
                    return Failure.Invalid(nameof(Command.WorkEmail), string.Join(" ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(account, Roles.Shadower);
                audit.Add(AuditActions.RoleAssigned, "User", account.Id.ToString(), Roles.Shadower);
            }

            if (account.PasswordHash is null)
            {
                await invitations.SendAsync(account,
                    $"{target.AuthorityName} has nominated you to shadow an independent social worker, and has created an IswPanel account for you.",
                    cancellationToken);
                audit.Add(AuditActions.UserInvited, "User", account.Id.ToString(), "role Shadower (shadowing nomination)");
                invited = true;
            }

            if (known) shadower.Refresh(role, command.SocialWorkEnglandNumber);
            else db.Shadowers.Add(shadower);
            db.ShadowingNominations.Add(nomination);

            await notifier.TellIswAsync(iswId, NotificationCategories.Assignments,
                $"{target.AuthorityName} has nominated {shadower.FullName} ({shadower.Role.DisplayName()}) to shadow you on {target.CaseReference} " +
                $"({target.AssessmentTypeName}). Accept or decline the nomination.",
                $"/my-shadowing/{nomination.Id}", cancellationToken);
            audit.Add(AuditActions.ShadowerNominated, nameof(ShadowingNomination), nomination.Id.ToString(),
                $"request {target.RequestId}; shadower {shadower.Id}", subjectAuthorityId: target.AuthorityId);

            return new Nominated(nomination.Id, nomination.AssessmentRequestId, nomination.AssignmentId, nomination.Status, nomination.Consent,
                nomination.ConsentDate, nomination.NominatedAt, nomination.HopesToLearn,
                new ShadowerRef(shadower.Id, shadower.FullName, shadower.Role, shadower.WorkEmail, shadower.SocialWorkEnglandNumber),
                new IswRef(iswId, target.IswName), invited);
        }
    }

    /// <summary>The commissioner's own request, with its active assignment when there is one.</summary>
    private sealed record Target(Guid RequestId, Guid AuthorityId, string AuthorityName, string CaseReference, string AssessmentTypeName,
        Guid? AssignmentId, Guid? IswProfileId, string? IswName)
    {
        public static async Task<Target?> FindAsync(AppDbContext db, ICurrentUser me, Guid requestId, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is null) return null;
            var request = await (
                from r in db.AssessmentRequests.AsNoTracking().VisibleTo(me)
                where r.Id == requestId
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                join a in db.Authorities on r.AuthorityId equals a.Id
                select new { r.Id, r.AuthorityId, AuthorityName = a.Name, r.CaseReference, TypeName = t.Name, r.Status })
                .SingleOrDefaultAsync(cancellationToken);
            if (request is null) return null;

            var assignment = !request.Status.IsActiveAssignment() ? null : await (
                from x in db.Assignments.AsNoTracking()
                where x.AssessmentRequestId == request.Id && x.IsActive
                join i in db.IswProfiles on x.IswProfileId equals i.Id
                select new { x.Id, x.IswProfileId, i.FullName })
                .FirstOrDefaultAsync(cancellationToken);
            return new Target(request.Id, request.AuthorityId, request.AuthorityName, request.CaseReference, request.TypeName,
                assignment?.Id, assignment?.IswProfileId, assignment?.FullName);
        }
    }
}
