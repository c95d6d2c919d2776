using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Apply;

/// <summary>Question page: where the applicant has practised (local authority, Cafcass, or both).</summary>
public static class SaveBackground
{
    public sealed record Load : IQuery<Command>;

    public sealed record Command : ICommand<Result<Done>>
    {
        public SocialWorkBackground? Background { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Background).NotNull().WithMessage("Select where you have worked as a social worker.")
            .IsInEnum().WithMessage("Select where you have worked as a social worker.");
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Command>
    {
        public async ValueTask<Command> Handle(Load query, CancellationToken cancellationToken) =>
            new() { Background = (await ApplicationStore.ReadAsync(db, me, cancellationToken)).Background?.Background };
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock) : ICommandHandler<Command, Result<Done>>
    {
        public ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken) =>
            new(ApplicationStore.ChangeAsync(db, me, clock, a => a with { Background = new(command.Background!.Value) }, cancellationToken));
    }
}
