using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Govuk;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>
/// Question page: the Social Work England number and the date the applicant qualified. Post-qualifying
/// experience is computed from that date (and shown on the check-answers page), never asked for.
/// </summary>
public static class SaveRegistration
{
    public const string SweFormatMessage = "Enter your Social Work England number in the correct format, like SW12345.";
    public const string QualifiedInFutureMessage = "The date you qualified must be today or in the past.";

    public sealed record Load : IQuery<Command>;

    public sealed record Command : ICommand<Result<Done>>
    {
        public string? SweNumber { get; init; }
        public DateInput QualifiedOn { get; init; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IClock clock)
        {
            RuleFor(c => c.SweNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your Social Work England number.")
                .Must(IswProfile.IsValidSweNumber).WithMessage(SweFormatMessage);
            RuleFor(c => c.QualifiedOn).Cascade(CascadeMode.Stop)
                .Must(d => !d.IsEmpty).WithMessage("Enter the date you qualified.")
                .Must(d => d.ToDate() is not null).WithMessage("The date you qualified must be a real date.")
                .Must(d => d.ToDate() <= clock.Today).WithMessage(QualifiedInFutureMessage);
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Command>
    {
        public async ValueTask<Command> Handle(Load query, CancellationToken cancellationToken)
        {
            var answers = await ApplicationStore.ReadAsync(db, me, cancellationToken);
            return answers.Registration is { } r
                ? new Command { SweNumber = r.SweNumber, QualifiedOn = DateInput.From(r.QualifiedOn) }
                : new Command();
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock,
                a => a with { Registration = new(command.SweNumber!.Trim().ToUpperInvariant(), command.QualifiedOn.ToDate()!.Value) },
                cancellationToken));
    }
}
