using IswPanel.Data;
using IswPanel.Data.Tenancy;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// Where the authority's contract says so, its commissioner approves the social worker who accepted the
/// request before work starts. The approval is recorded in the request's history and the ISW is told.
/// </summary>
public static class ApproveProposedIsw
{
    public sealed record Command(Guid Id) : ICommand<Result<string>>;

    public const string NothingToDecide = "There is no proposed social worker waiting for your approval on this request.";

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit)
        : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var proposal = await Proposal.LoadAsync(db, me, command.Id, cancellationToken);
            if (proposal is null) return Failure.NotFound;
            if (proposal.Refusal is { } refusal) return Failure.Conflict(refusal);

            var now = clock.UtcNow;
            proposal.Assignment!.ApproveByCommissioner(me.UserId!.Value, now);
            var request = proposal.Request;
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId, $"{proposal.IswName} approved as the social worker for this request."));
            await notifier.TellIswAsync(proposal.Assignment.IswProfileId, NotificationCategories.Assignments,
                $"{proposal.AuthorityName} approved you for {RequestWording.Name(proposal.TypeName, request.CaseReference)}. You can start work.",
                $"/requests/{request.Id}", cancellationToken);
            audit.Add(AuditActions.ProposedIswApproved, nameof(AssessmentRequest), request.Id.ToString(), proposal.IswName,
                subjectAuthorityId: request.AuthorityId);
            return proposal.IswName;
        }
    }

    /// <summary>
    /// A request of the commissioner's own authority with the assignment they are asked to decide on. Null when the
    /// request is not theirs; <see cref="Refusal"/> says why there is nothing to decide (no approval in the contract,
    /// not assigned, already approved).
    /// </summary>
    internal sealed record Proposal(AssessmentRequest Request, Assignment? Assignment, string IswName, string TypeName, string AuthorityName,
        string? Refusal)
    {
        public static async Task<Proposal?> LoadAsync(AppDbContext db, ICurrentUser me, Guid requestId, CancellationToken cancellationToken)
        {
            if (!me.IsInRole(Roles.Commissioner) || me.AuthorityId is not { } authorityId || me.UserId is null) return null;
            var request = await db.AssessmentRequests.VisibleTo(me).Where(r => r.AuthorityId == authorityId)
                .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
            if (request is null) return null;

            var authority = await db.Authorities.Where(a => a.Id == authorityId)
                .Select(a => new { a.Name, a.Contract.CommissionerApprovesIsw }).SingleAsync(cancellationToken);
            var type = await db.AssessmentTypes.Where(t => t.Id == request.AssessmentTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
            var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.AssessmentRequestId == request.Id && a.IsActive, cancellationToken);
            var iswName = assignment is null
                ? ""
                : await db.IswProfiles.Where(p => p.Id == assignment.IswProfileId).Select(p => p.FullName).SingleAsync(cancellationToken);

            var refusal =
                !authority.CommissionerApprovesIsw ? $"{authority.Name}'s contract does not ask commissioners to approve the social worker."
                : request.Status != AssessmentRequestStatus.Assigned || assignment is null ? NothingToDecide
                : assignment.CommissionerApprovedAt is not null ? $"You have already approved {iswName}."
                : null;
            return new Proposal(request, assignment, iswName, type, authority.Name, refusal);
        }
    }
}
