using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// Question pages: the dates the applicant already knows they cannot take work (leave, training), a list
/// they add periods to and remove them from. None is a complete answer; overlapping periods are refused.
/// </summary>
public static class Unavailability
{
    public const int MaximumPeriods = 50;
    public const string EndBeforeStartMessage = "The end date must be the same as or after the start date.";

    public sealed record Query : IQuery<Page>;

    public sealed record Page(IReadOnlyList<ApplicationAnswers.Period> Periods);

    public sealed record AddPeriod : ICommand<Result<Done>>
    {
        public DateInput From { get; init; } = new();
        public DateInput To { get; init; } = new();
        public string? Reason { get; init; }
    }

    public sealed record RemovePeriod(Guid Id) : ICommand<Result<Done>>;

    /// <summary>"Save and continue" on the list.</summary>
    public sealed record Continue : ICommand<Result<Done>>;

    public sealed class AddPeriodValidator : AbstractValidator<AddPeriod>
    {
        public AddPeriodValidator(IClock clock)
        {
            RuleFor(c => c.From).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter the first day you are not available.")
                .Must(d => d.ToDate() is not null).WithMessage("The start date must be a real date.");
            RuleFor(c => c.To).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter the last day you are not available.")
                .Must(d => d.ToDate() is not null).WithMessage("The end date must be a real date.")
                .Must((c, d) => c.From.ToDate() is not { } from || d.ToDate() >= from).WithMessage(EndBeforeStartMessage)
                .Must(d => d.ToDate() >= clock.Today).WithMessage("The end date must be today or in the future.");
            RuleFor(c => c.Reason).MaximumLength(200).WithMessage("The reason must be 200 characters or fewer.");
        }
    }

    public sealed class QueryHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken) =>
            new([.. ((await ApplicationStore.ReadAsync(db, me, cancellationToken)).Unavailability?.Periods ?? []).OrderBy(p => p.From)]);
    }

    public sealed class AddPeriodHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<AddPeriod, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(AddPeriod command, CancellationToken cancellationToken)
        {
            var open = await ApplicationStore.OpenAsync(db, me, clock, cancellationToken);
            if (!open.IsSuccess) return new Failure(open.Status, open.Errors);
            var (application, answers) = open.Value;
            var periods = answers.Unavailability?.Periods ?? [];
            if (periods.Count >= MaximumPeriods)
                return Failure.Invalid("", $"You can add up to {MaximumPeriods} periods. Remove one to add another.");

            var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
            var period = new ApplicationAnswers.Period(Guid.CreateVersion7(), command.From.ToDate()!.Value, command.To.ToDate()!.Value, reason);
            try
            {
                // The rule lives in the domain; its message names both periods.
                UnavailablePeriod.EnsureNoOverlap([.. periods.Select(p => p.ToDomain()), period.ToDomain()]);
            }
            catch (DomainException overlap)
            {
                return Failure.Invalid(nameof(AddPeriod.From), overlap.Message);
            }

            application.SaveAnswers((answers with
            {
                Unavailability = new([.. periods, period], answers.Unavailability?.Confirmed ?? false),
            }).Write(), clock.UtcNow);
            return Done.Value;
        }
    }

    public sealed class RemovePeriodHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<RemovePeriod, Result<Done>>
    {
        /// <summary>Another applicant's period (or one already removed) is not found; nothing is saved.</summary>
        public async ValueTask<Result<Done>> Handle(RemovePeriod command, CancellationToken cancellationToken)
        {
            var open = await ApplicationStore.OpenAsync(db, me, clock, cancellationToken);
            if (!open.IsSuccess) return new Failure(open.Status, open.Errors);
            var (application, answers) = open.Value;
            if (answers.Unavailability is not { } unavailability || unavailability.Periods.All(p => p.Id != command.Id)) return Failure.NotFound;
            application.SaveAnswers((answers with
            {
                Unavailability = unavailability with { Periods = [.. unavailability.Periods.Where(p => p.Id != command.Id)] },
            }).Write(), clock.UtcNow);
            return Done.Value;
        }
    }

    public sealed class ContinueHandler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Continue, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Continue command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock,
                a => a with { Unavailability = new(a.Unavailability?.Periods ?? [], Confirmed: true) }, cancellationToken));
    }
}
