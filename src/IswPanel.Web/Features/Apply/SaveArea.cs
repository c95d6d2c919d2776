using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>Question page: the regions the applicant covers, their home postcode district and how far they travel.</summary>
public static class SaveArea
{
    public const int MaximumRadiusMiles = 500;

    public sealed record Load : IQuery<Command>;

    public sealed record Command : ICommand<Result<Done>>
    {
        public List<EnglishRegion> Regions { get; init; } = [];
        public string? PostcodeDistrict { get; init; }

        /// <summary>Kept as typed, so a word or a fraction comes back exactly as entered with a clear message.</summary>
        public string? TravelRadiusMiles { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Regions).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select at least one region you can work in.")
                .Must(regions => regions.All(Enum.IsDefined)).WithMessage("Select the regions from the list.");
            RuleFor(c => c.PostcodeDistrict).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your home postcode district.")
                .Must(AssessmentRequest.IsValidPostcodeDistrict)
                .WithMessage("Enter the first part of your postcode only, like NE1 or SW1A.");
            RuleFor(c => c.TravelRadiusMiles).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter how far you can travel, in miles.")
                .Must(v => SaveCapacity.ParseWhole(v) is not null).WithMessage("Enter how far you can travel as a whole number of miles, like 30.")
                .Must(v => SaveCapacity.ParseWhole(v) is >= 0 and <= MaximumRadiusMiles)
                .WithMessage($"How far you can travel must be between 0 and {MaximumRadiusMiles} miles.");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Command>
    {
        public async ValueTask<Command> Handle(Load query, CancellationToken cancellationToken) =>
            (await ApplicationStore.ReadAsync(db, me, cancellationToken)).Area is { } a
                ? new Command
                {
                    Regions = [.. a.Regions],
                    PostcodeDistrict = a.PostcodeDistrict,
                    TravelRadiusMiles = a.TravelRadiusMiles.ToString(CultureInfo.InvariantCulture),
                }
                : new Command();
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock,
                a => a with
                {
                    Area = new([.. command.Regions.Distinct().Order()], command.PostcodeDistrict!.Trim().ToUpperInvariant(),
                        SaveCapacity.ParseWhole(command.TravelRadiusMiles)!.Value),
                },
                cancellationToken));
    }
}
