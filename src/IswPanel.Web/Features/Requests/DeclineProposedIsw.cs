using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// Where the contract asks for approval, the commissioner may instead decline the proposed social worker,
/// with a reason: the assignment ends and the request goes back to the panel administrators for matching.
/// The administrators and the ISW are told.
/// </summary>
public static class DeclineProposedIsw
{
    public sealed record Command : ICommand<Result<string>>
    {
        [BindNever]
        public Guid Id { get; init; }

        public string? Reason { get; init; }
    }

    /// <summary>The reason page: who is proposed for which request, or NotFound / a refusal.</summary>
    public sealed record Load(Guid Id) : IQuery<Result<Confirm>>;

    public sealed record Confirm(Guid Id, string CaseReference, string AssessmentTypeName, string IswName, string? Refusal);

    public sealed record FormPage(Confirm Request, Command Form);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Enter why you do not approve this social worker.")
                .MaximumLength(400).WithMessage("The reason must be 400 characters or fewer.");
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<Confirm>>
    {
        public async ValueTask<Result<Confirm>> Handle(Load query, CancellationToken cancellationToken)
        {
            var proposal = await ApproveProposedIsw.Proposal.LoadAsync(db, me, query.Id, cancellationToken);
            return proposal is null
                ? Failure.NotFound
                : new Confirm(proposal.Request.Id, proposal.Request.CaseReference, proposal.TypeName, proposal.IswName, proposal.Refusal);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var proposal = await ApproveProposedIsw.Proposal.LoadAsync(db, me, command.Id, cancellationToken);
            if (proposal is null) return Failure.NotFound;
            if (proposal.Refusal is { } refusal) return Failure.Conflict(refusal);

            var now = clock.UtcNow;
            var reason = command.Reason!.Trim();
            var request = proposal.Request;
            var assignment = proposal.Assignment!;
            assignment.End($"Not approved by the commissioner: {reason}", now);
            request.Unassign(now);

            var name = RequestWording.Name(proposal.TypeName, request.CaseReference);
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId,
                $"{proposal.IswName} was not approved as the social worker: {reason.TrimEnd('.', ' ')}. The request is back with the panel team for matching."));
            await notifier.TellAdministratorsAsync(NotificationCategories.Requests,
                $"{proposal.AuthorityName} did not approve {proposal.IswName} for {name}. It needs matching again.",
                $"/requests/{request.Id}", cancellationToken);
            await notifier.TellIswAsync(assignment.IswProfileId, NotificationCategories.Assignments,
                $"{proposal.AuthorityName} did not approve you for {name}, so the assignment has ended. Please do not start work on it.",
                "/my-work", cancellationToken);
            audit.Add(AuditActions.ProposedIswDeclined, nameof(AssessmentRequest), request.Id.ToString(), $"{proposal.IswName}: {reason}",
                subjectAuthorityId: request.AuthorityId);
            return proposal.IswName;
        }
    }
}
