using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Admin;

/// <summary>Adds a client authority or changes one, including the contract terms the server enforces.</summary>
public static class SaveAuthority
{
    /// <summary>The form, and the command it sends. Id is null when adding.</summary>
    public sealed record Command : ICommand<Result<Guid>>
    {
        public Guid? Id { get; init; }
        public string? Name { get; init; }
        public string? OnsCode { get; init; }
        public EnglishRegion? Region { get; init; }
        public OfstedGrade? OfstedGrade { get; init; }
        public DateInput InspectedOn { get; init; } = new();
        public int? NonSolicitationMonths { get; init; } = AuthorityContract.DefaultNonSolicitationMonths;
        public bool WaiversAllowed { get; init; }
        public bool CommissionerApprovesIsw { get; init; }

        /// <summary>How many of the authority's junior practitioners may shadow one session (1 to 5).</summary>
        public int? MaxShadowersPerSession { get; init; } = ShadowingCap.Default;
    }

    public sealed record Load(Guid Id) : IQuery<Result<Command>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the authority's name.")
                .MaximumLength(200).WithMessage("The name must be 200 characters or fewer.");
            RuleFor(c => c.OnsCode).NotEmpty().WithMessage("Enter the authority's ONS code.")
                .Must(Authority.IsValidOnsCode).When(c => !string.IsNullOrEmpty(c.OnsCode))
                .WithMessage("Enter an ONS code like E08000025: the letter E and 8 digits.");
            RuleFor(c => c.Region).NotNull().WithMessage("Select the region.");
            RuleFor(c => c.OfstedGrade).NotNull().WithMessage("Select the latest Ofsted grade.");
            RuleFor(c => c.InspectedOn).Must(d => d.ToDate() is not null)
                .When(c => c.OfstedGrade is not null and not Domain.Authorities.OfstedGrade.NotYetInspected)
                .WithMessage("Enter the date of the inspection as a real date, like 27 3 2024.");
            RuleFor(c => c.NonSolicitationMonths).NotNull().WithMessage("Enter the non-solicitation period in months.")
                .InclusiveBetween(0, AuthorityContract.MaxNonSolicitationMonths)
                .WithMessage($"The non-solicitation period must be between 0 and {AuthorityContract.MaxNonSolicitationMonths} months.");
            RuleFor(c => c.MaxShadowersPerSession).NotNull().WithMessage("Enter how many shadowers may join one session.")
                .InclusiveBetween(1, ShadowingCap.Maximum)
                .WithMessage($"Shadowers per session must be between 1 and {ShadowingCap.Maximum}.");
        }
    }

    public sealed class LoadHandler(AppDbContext db) : IQueryHandler<Load, Result<Command>>
    {
        public async ValueTask<Result<Command>> Handle(Load query, CancellationToken cancellationToken)
        {
            var a = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == query.Id, cancellationToken);
            if (a is null) return Failure.NotFound;
            return new Command
            {
                Id = a.Id,
                Name = a.Name,
                OnsCode = a.OnsCode,
                Region = a.Region,
                OfstedGrade = a.OfstedGrade,
                InspectedOn = DateInput.From(a.OfstedInspectionDate),
                NonSolicitationMonths = a.Contract.NonSolicitationMonths,
                WaiversAllowed = a.Contract.WaiversAllowed,
                CommissionerApprovesIsw = a.Contract.CommissionerApprovesIsw,
                MaxShadowersPerSession = a.Contract.MaxShadowersPerSession,
            };
        }
    }

    public sealed class Handler(AppDbContext db, IAuditLog audit) : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name!.Trim();
            var ons = command.OnsCode!.Trim().ToUpperInvariant();
            if (await db.Authorities.AnyAsync(a => a.Id != command.Id && a.OnsCode == ons, cancellationToken))
                return Failure.Invalid(nameof(Command.OnsCode), "Another authority already has this ONS code.");
            if (await db.Authorities.AnyAsync(a => a.Id != command.Id && a.Name == name, cancellationToken))
                return Failure.Invalid(nameof(Command.Name), "Another authority already has this name.");

            var grade = command.OfstedGrade!.Value;
            var inspectedOn = grade == Domain.Authorities.OfstedGrade.NotYetInspected ? null : command.InspectedOn.ToDate();
            var contract = AuthorityContract.Create(command.NonSolicitationMonths!.Value, command.WaiversAllowed, command.CommissionerApprovesIsw,
                command.MaxShadowersPerSession!.Value);

            if (command.Id is { } id)
            {
                var authority = await db.Authorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
                if (authority is null) return Failure.NotFound;
                authority.Update(name, ons, command.Region!.Value, grade, inspectedOn, contract);
                audit.Add(AuditActions.AuthorityUpdated, "Authority", id.ToString(),
                    $"non-solicitation {contract.NonSolicitationMonths} months; waivers {(contract.WaiversAllowed ? "allowed" : "not allowed")}; " +
                    $"shadowers per session {contract.MaxShadowersPerSession}");
                return id;
            }

            var created = Authority.Create(name, ons, command.Region!.Value, grade, inspectedOn, contract);
            db.Authorities.Add(created);
            audit.Add(AuditActions.AuthorityCreated, "Authority", created.Id.ToString(), name);
            return created.Id;
        }
    }
}
