using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using IswPanel.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.MyProfile;

/// <summary>
/// An ISW keeps their practice details current: contact, assessment types and skills, area, languages,
/// capacity and rate. None of these is a vetted fact, so the change takes effect at once.
/// </summary>
public static class EditPractice
{
    public sealed record Load : IQuery<Result<Command>>;

    public sealed record Command : ICommand<Result<Done>>
    {
        public string? FullName { get; init; }
        public string? Phone { get; init; }
        public List<string> AssessmentTypes { get; init; } = [];
        public List<string> Skills { get; init; } = [];
        public string? OtherSkills { get; init; }
        public List<EnglishRegion> Regions { get; init; } = [];
        public string? HomePostcodeDistrict { get; init; }
        public string? TravelRadiusMiles { get; init; }
        public string? Languages { get; init; }
        public string? Capacity { get; init; }
        public string? HourlyRate { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter your full name.").MaximumLength(200).WithMessage("Your name must be 200 characters or fewer.");
            RuleFor(c => c.Phone).MaximumLength(32).WithMessage("Enter a phone number of 32 characters or fewer.");
            RuleFor(c => c.AssessmentTypes).NotEmpty().WithMessage("Select the assessment types you are competent in.");
            RuleFor(c => c).Must(c => !c.AssessmentTypes.Contains("parenting-pams") || c.Skills.Contains(AssessmentTypeCatalogue.PamsTrained))
                .WithName(nameof(Command.Skills)).OverridePropertyName(nameof(Command.Skills))
                .WithMessage("Select PAMS-trained to offer PAMS parenting assessments.");
            RuleFor(c => c.Regions).NotEmpty().WithMessage("Select the regions you cover.");
            RuleFor(c => c.HomePostcodeDistrict).Must(AssessmentRequest.IsValidPostcodeDistrict)
                .WithMessage("Enter your home postcode district, like NE1 or SW1A.");
            RuleFor(c => c.TravelRadiusMiles).Must(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 500)
                .WithMessage("Enter how far you will travel as a whole number of miles, 500 or fewer.");
            RuleFor(c => c.Languages).NotEmpty().WithMessage("Enter the languages you work in.");
            RuleFor(c => c.Capacity).Must(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= PanelRules.MaximumCapacity)
                .WithMessage($"Enter how many assessments you take at once, from 1 to {PanelRules.MaximumCapacity}.");
            RuleFor(c => c.HourlyRate).Must(v => Money.TryParse(v, out var rate) && rate is > 0 and <= 1000)
                .WithMessage("Enter your hourly rate in pounds, like 60 or 62.50, at most £1,000.");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<Command>>
    {
        public async ValueTask<Result<Command>> Handle(Load query, CancellationToken cancellationToken)
        {
            var p = await db.IswProfiles.AsNoTracking().VisibleTo(me).SingleOrDefaultAsync(x => x.Id == me.IswProfileId, cancellationToken);
            if (p is null) return Failure.NotFound;
            return new Command
            {
                FullName = p.FullName,
                Phone = p.Phone,
                AssessmentTypes = p.AssessmentTypeCodes,
                Skills = [.. p.Skills.Where(SpecialSkills.Listed.Contains)],
                OtherSkills = string.Join(", ", p.Skills.Where(s => !SpecialSkills.Listed.Contains(s))),
                Regions = p.RegionsCovered,
                HomePostcodeDistrict = p.HomePostcodeDistrict,
                TravelRadiusMiles = p.TravelRadiusMiles.ToString(CultureInfo.InvariantCulture),
                Languages = string.Join(", ", p.Languages),
                Capacity = p.Capacity.ToString(CultureInfo.InvariantCulture),
                HourlyRate = p.HourlyRate.ToString("0.00", CultureInfo.InvariantCulture),
            };
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IAuditLog audit) : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var profile = await db.IswProfiles.VisibleTo(me).SingleOrDefaultAsync(p => p.Id == me.IswProfileId, cancellationToken);
            if (profile is null) return Failure.NotFound;
            var known = await db.AssessmentTypes.Where(t => t.IsActive).Select(t => t.Code).ToListAsync(cancellationToken);
            if (command.AssessmentTypes.Except(known).Any())
                return Failure.Invalid(nameof(Command.AssessmentTypes), "Select assessment types from the list.");

            profile.SetContact(command.FullName!, command.Phone);
            profile.SetPractice(command.AssessmentTypes, [.. command.Skills, .. Split(command.OtherSkills)], command.Regions,
                Split(command.Languages), command.HomePostcodeDistrict!, int.Parse(command.TravelRadiusMiles!, CultureInfo.InvariantCulture),
                int.Parse(command.Capacity!, CultureInfo.InvariantCulture), Money.Parse(command.HourlyRate!));
            audit.Add(AuditActions.ProfileChanged, "IswProfile", profile.Id.ToString(), "practice");
            return Done.Value;
        }

        private static string[] Split(string? list) =>
            (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
