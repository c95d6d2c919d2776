using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;

namespace IswPanel.Web.Features.Panel;

/// <summary>Records a check done in person (identity documents seen, interview held) or a reference received.</summary>
public static class RecordVettingCheck
{
    public sealed record Command : ICommand<Result<string>>
    {
        public Guid MemberId { get; init; }
        public VettingCheck Check { get; init; }

        /// <summary>For references: which referee's reference arrived.</summary>
        public Guid? RefereeId { get; init; }
        public string? Note { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Check).Must(c => c is VettingCheck.Identity or VettingCheck.Interview or VettingCheck.References)
                .WithMessage("Only identity, interview and references are recorded here.");
            RuleFor(c => c.RefereeId).NotNull().When(c => c.Check == VettingCheck.References).WithMessage("Select the referee.");
            RuleFor(c => c.Note).MaximumLength(1000).WithMessage("The note must be 1000 characters or fewer.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, IAuditLog audit) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var member = await db.LoadForVettingAsync(command.MemberId, cancellationToken);
            if (member is null) return Failure.NotFound;

            string done;
            if (command.Check == VettingCheck.References)
            {
                var referee = member.Referees.SingleOrDefault(r => r.Id == command.RefereeId);
                if (referee is null) return Failure.NotFound;
                referee.RecordReceived(clock.Today, me.UserId!.Value);
                done = $"Reference from {referee.Name} recorded as received.";
            }
            else
            {
                member.RecordCheck(command.Check, me.UserId!.Value, clock.UtcNow, command.Note);
                done = command.Check == VettingCheck.Identity ? "Identity check recorded." : "Interview recorded.";
            }

            audit.Add(AuditActions.VettingCheckRecorded, "IswProfile", member.Id.ToString(), command.Check.ToString());
            return done;
        }
    }
}
