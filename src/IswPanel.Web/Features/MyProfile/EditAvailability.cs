using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyProfile;

/// <summary>Periods when an ISW cannot take work (leave, training). Overlapping periods are refused.</summary>
public static class EditAvailability
{
    public sealed record Add : ICommand<Result<Done>>
    {
        public DateInput From { get; init; } = new();
        public DateInput To { get; init; } = new();
        public string? Reason { get; init; }
    }

    public sealed record Remove(DateOnly From) : ICommand<Result<Done>>;

    public sealed class AddValidator : AbstractValidator<Add>
    {
        public AddValidator(IClock clock)
        {
            RuleFor(c => c.From).Must(d => d.ToDate() is not null).WithMessage("Enter the first day you are unavailable as a real date.");
            RuleFor(c => c.To).Must(d => d.ToDate() is not null).WithMessage("Enter the last day you are unavailable as a real date.");
            RuleFor(c => c.To).Must((c, to) => c.From.ToDate() is not { } from || to.ToDate() is not { } end || end >= from)
                .WithMessage("The last day must be the same as or after the first day.");
            RuleFor(c => c.To).Must(d => d.ToDate() is not { } end || end >= clock.Today).WithMessage("The period must not be entirely in the past.");
            RuleFor(c => c.Reason).MaximumLength(200).WithMessage("Write 200 characters or fewer.");
        }
    }

    public sealed class AddHandler(AppDbContext db, ICurrentUser me) : ICommandHandler<Add, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Add command, CancellationToken cancellationToken)
        {
            var profile = await db.IswProfiles.VisibleTo(me).SingleOrDefaultAsync(p => p.Id == me.IswProfileId, cancellationToken);
            if (profile is null) return Failure.NotFound;
            var added = new UnavailablePeriod(command.From.ToDate()!.Value, command.To.ToDate()!.Value, command.Reason);
            try
            {
                profile.SetUnavailability([.. profile.UnavailablePeriods, added]);
            }
            catch (DomainException overlap)
            {
                return Failure.Invalid(nameof(Add.From), overlap.Message);
            }

            return Done.Value;
        }
    }

    public sealed class RemoveHandler(AppDbContext db, ICurrentUser me) : ICommandHandler<Remove, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Remove command, CancellationToken cancellationToken)
        {
            var profile = await db.IswProfiles.VisibleTo(me).SingleOrDefaultAsync(p => p.Id == me.IswProfileId, cancellationToken);
            if (profile is null) return Failure.NotFound;
            profile.SetUnavailability([.. profile.UnavailablePeriods.Where(p => p.From != command.From)]);
            return Done.Value;
        }
    }
}
