using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Panel;

/// <summary>
/// Suspending, reinstating or removing a panel member, always with a reason that goes into their history.
/// Reinstatement is refused while any vetting check fails: nobody returns to matching on stale evidence.
/// </summary>
public static class ChangeMembership
{
    public enum Change
    {
        Suspend,
        Reinstate,
        Remove,
    }

    public sealed record Command : ICommand<Result<string>>
    {
        public Guid MemberId { get; init; }
        public Change Change { get; init; }
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Enter the reason; it is kept in the member's history.")
                .MaximumLength(2000).WithMessage("Write 2000 characters or fewer.");
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.LoadForVettingAsync(command.MemberId, cancellationToken);
            if (member is null) return Failure.NotFound;
            var actor = me.UserId!.Value;

            switch (command.Change)
            {
                case Change.Suspend:
                    member.Suspend(SuspensionCause.Administrator, command.Reason!, clock.UtcNow, actor);
                    break;
                case Change.Reinstate:
                    var vetting = member.Vet(await db.ClientTermsAsync(cancellationToken), clock.Today, await db.ShadowerSpellsAsync(member, cancellationToken));
                    if (!vetting.CanApprove)
                        return new Failure(ResultStatus.Invalid, new Dictionary<string, string[]>
                        {
                            [""] = ["Reinstatement refused until every check passes:", .. vetting.RefusalReasons()],
                        });
                    member.Reinstate(command.Reason!, clock.UtcNow, actor);
                    break;
                case Change.Remove:
                    member.Remove(command.Reason!, clock.UtcNow, actor);
                    break;
            }

            audit.Add(AuditActions.MembershipChanged, "IswProfile", member.Id.ToString(), $"{command.Change}: {command.Reason}");
            return command.Change switch
            {
                Change.Suspend => $"{member.FullName} is suspended from matching.",
                Change.Reinstate => $"{member.FullName} is back on the panel for matching.",
                _ => $"{member.FullName} is removed from the panel.",
            };
        }
    }
}
