using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyProfile;

/// <summary>
/// A change to a vetted fact (Social Work England number, qualification date) goes back to the
/// administrators: the check is cleared and an active member is suspended from matching until it is verified.
/// </summary>
public static class ChangeRegistration
{
    public sealed record Load : IQuery<Result<Command>>;

    public sealed record Command : ICommand<Result<bool>>
    {
        public string? SweNumber { get; init; }
        public DateInput QualifiedOn { get; init; } = new();
        public bool WasActive { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            RuleFor(c => c.SweNumber).Must(IswProfile.IsValidSweNumber)
                .WithMessage("Enter your Social Work England number in the correct format, like SW12345.");
            RuleFor(c => c.QualifiedOn).Must(d => d.ToDate() is not null).WithMessage("Enter the date you qualified as a real date, like 27 6 2014.")
                .Must(d => d.ToDate() is not { } date || date <= clock.Today).WithMessage("The date you qualified must be today or in the past.");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<Command>>
    {
        public async ValueTask<Result<Command>> Handle(Load query, CancellationToken cancellationToken)
        {
            var p = await db.IswProfiles.AsNoTracking().VisibleTo(me).SingleOrDefaultAsync(x => x.Id == me.IswProfileId, cancellationToken);
            return p is null
                ? Failure.NotFound
                : new Command { SweNumber = p.SweNumber, QualifiedOn = DateInput.From(p.QualifiedOn), WasActive = p.Status == PanelMemberStatus.Active };
        }
    }

    /// <summary>Returns whether the member is now suspended pending verification.</summary>
    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<bool>>
    {
        public async ValueTask<Result<bool>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await db.IswProfiles.VisibleTo(me).Include(p => p.Documents)
                .SingleOrDefaultAsync(p => p.Id == me.IswProfileId, cancellationToken);
            if (profile is null) return Failure.NotFound;
            var number = command.SweNumber!.Trim().ToUpperInvariant();
            if (number != profile.SweNumber && await db.IswProfiles.AnyAsync(p => p.SweNumber == number && p.Id != profile.Id, cancellationToken))
                return Failure.Invalid(nameof(Command.SweNumber), "Another panel member is registered with this Social Work England number.");

            var wasActive = profile.Status == PanelMemberStatus.Active;
            profile.ChangeRegistration(number, command.QualifiedOn.ToDate()!.Value, clock.UtcNow, me.UserId!.Value);
            audit.Add(AuditActions.ProfileChanged, "IswProfile", profile.Id.ToString(), "registration");
            return wasActive && profile.Status == PanelMemberStatus.Suspended;
        }
    }
}
