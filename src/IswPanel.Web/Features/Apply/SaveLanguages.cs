using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>Question page: the languages the applicant can assess in, comma-separated (English unless they say otherwise).</summary>
public static class SaveLanguages
{
    public const string Default = "English";

    public sealed record Load : IQuery<Command>;

    public sealed record Command : ICommand<Result<Done>>
    {
        public string? Languages { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Languages).Cascade(CascadeMode.Stop)
                .Must(l => ApplicationStore.SplitList(l).Count > 0).WithMessage("Enter the languages you can work in.")
                .MaximumLength(500).WithMessage("The languages must be 500 characters or fewer.")
                .Must(l => ApplicationStore.SplitList(l).All(x => x.Length <= 50))
                .WithMessage("Each language must be 50 characters or fewer. Separate languages with commas.");
        }
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Command>
    {
        public async ValueTask<Command> Handle(Load query, CancellationToken cancellationToken) =>
            new()
            {
                Languages = (await ApplicationStore.ReadAsync(db, me, cancellationToken)).Languages is { } l
                    ? string.Join(", ", l.Languages)
                    : Default,
            };
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock,
                a => a with { Languages = new(ApplicationStore.SplitList(command.Languages)) }, cancellationToken));
    }
}
