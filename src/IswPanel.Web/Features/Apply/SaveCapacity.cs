using System.Globalization;
using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>Question page: how many assessments the applicant takes at once (4 unless they say otherwise) and their hourly rate.</summary>
public static class SaveCapacity
{
    public const decimal MaximumRate = 1000m;

    public sealed record Load : IQuery<Command>;

    /// <summary>Numbers are kept as typed, so "four" or "£45.505" comes back exactly as entered with a clear message.</summary>
    public sealed record Command : ICommand<Result<Done>>
    {
        public string? ConcurrentAssessments { get; init; }
        public string? HourlyRate { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ConcurrentAssessments).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter how many assessments you can take on at once.")
                .Must(v => ParseWhole(v) is not null).WithMessage("Enter the number of assessments as a whole number, like 4.")
                .Must(v => ParseWhole(v) is >= 1 and <= PanelRules.MaximumCapacity)
                .WithMessage($"The number of assessments must be between 1 and {PanelRules.MaximumCapacity}.");
            RuleFor(c => c.HourlyRate).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your hourly rate.")
                .Must(v => ParseRate(v) is not null).WithMessage("Enter your hourly rate in pounds, like 45 or 52.50.")
                .Must(v => ParseRate(v) > 0).WithMessage("Your hourly rate must be more than £0.")
                .Must(v => ParseRate(v) <= MaximumRate).WithMessage("Your hourly rate must be £1,000 or less.")
                .Must(v => ParseRate(v) is { } r && decimal.Round(r, 2) == r).WithMessage("Your hourly rate can have up to 2 decimal places, like 52.50.");
        }
    }

    public static int? ParseWhole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Pounds, with or without a £ sign and thousands commas.</summary>
    public static decimal? ParseRate(string? text)
    {
        var cleaned = (text ?? "").Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Command>
    {
        public async ValueTask<Command> Handle(Load query, CancellationToken cancellationToken) =>
            (await ApplicationStore.ReadAsync(db, me, cancellationToken)).Capacity is { } c
                ? new Command
                {
                    ConcurrentAssessments = c.ConcurrentAssessments.ToString(CultureInfo.InvariantCulture),
                    HourlyRate = c.HourlyRate.ToString("0.00", CultureInfo.InvariantCulture),
                }
                : new Command { ConcurrentAssessments = PanelRules.DefaultCapacity.ToString(CultureInfo.InvariantCulture) };
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock,
                a => a with { Capacity = new(ParseWhole(command.ConcurrentAssessments)!.Value, ParseRate(command.HourlyRate)!.Value) },
                cancellationToken));
    }
}
