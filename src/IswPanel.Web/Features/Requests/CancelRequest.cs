using FluentValidation;
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
using Microsoft.AspNetCore.Mvc.ModelBinding;
using IswPanel.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Requests;

/// <summary>
/// The authority's commissioner (or a panel administrator) cancels a request, with a reason, at any time
/// before delivery; after that it is a conflict. Open offers are withdrawn and an assigned ISW's assignment
/// ends, and each of them is told; the other side (the panel, or the authority) is told too.
/// </summary>
public static class CancelRequest
{
    public sealed record Command : ICommand<Result<Done>>
    {
        [BindNever]
        public Guid Id { get; init; }

        public string? Reason { get; init; }
    }

    /// <summary>The confirmation page: which request, and whether it can still be cancelled (and if not, why).</summary>
    public sealed record Load(Guid Id) : IQuery<Result<Confirm>>;

    public sealed record Confirm(Guid Id, string CaseReference, string AssessmentTypeName, AssessmentRequestStatus Status, string? Refusal);

    public sealed record FormPage(Confirm Request, Command Form);

    /// <summary>Why a request in this state cannot be cancelled, or null when it can.</summary>
    public static string? Refusal(AssessmentRequestStatus status) => status switch
    {
        _ when status.CanCancel() => null,
        AssessmentRequestStatus.Cancelled => "This request has already been cancelled.",
        AssessmentRequestStatus.Delivered or AssessmentRequestStatus.Closed =>
            "This request has been delivered, so it can no longer be cancelled.",
        _ => $"A request that is {status.DisplayName().ToLowerInvariant()} can no longer be cancelled.",
    };

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Enter why you are cancelling the request.")
                .MaximumLength(400).WithMessage("The reason must be 400 characters or fewer.");
    }

    public sealed class LoadHandler(AppDbContext db, ICurrentUser me) : IQueryHandler<Load, Result<Confirm>>
    {
        public async ValueTask<Result<Confirm>> Handle(Load query, CancellationToken cancellationToken)
        {
            var confirm = await (
                from r in Cancellable(db, me)
                where r.Id == query.Id
                join t in db.AssessmentTypes on r.AssessmentTypeId equals t.Id
                select new { r.Id, r.CaseReference, t.Name, r.Status }).SingleOrDefaultAsync(cancellationToken);
            return confirm is null
                ? Failure.NotFound
                : new Confirm(confirm.Id, confirm.CaseReference, confirm.Name, confirm.Status, Refusal(confirm.Status));
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit,
        IOptions<RetentionOptions> retention)
        : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await Cancellable(db, me).SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken);
            if (request is null) return Failure.NotFound;
            if (Refusal(request.Status) is { } refusal) return Failure.Conflict(refusal);

            var now = clock.UtcNow;
            var reason = command.Reason!.Trim();
            request.Cancel(now);
            RequestRetention.Cancelled(request, clock.Today, retention.Value);
            var type = await db.AssessmentTypes.Where(t => t.Id == request.AssessmentTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
            var name = RequestWording.Name(type, request.CaseReference);

            var openOffers = await db.Offers.Where(o => o.AssessmentRequestId == request.Id && o.Status == OfferStatus.Open).ToListAsync(cancellationToken);
            // Everyone told below, looked up together rather than three queries per member offered.
            await notifier.RememberIswsAsync(openOffers.Select(o => o.IswProfileId), cancellationToken);
            foreach (var offer in openOffers)
            {
                offer.Withdraw(now);
                await notifier.TellIswAsync(offer.IswProfileId, NotificationCategories.Offers,
                    $"The offer of {name} has been withdrawn: the request was cancelled.", $"/offers/{offer.Id}", cancellationToken);
            }

            foreach (var assignment in await db.Assignments.Where(a => a.AssessmentRequestId == request.Id && a.IsActive).ToListAsync(cancellationToken))
            {
                assignment.End("The request was cancelled.", now);
                await notifier.TellIswAsync(assignment.IswProfileId, NotificationCategories.Assignments,
                    $"{name} has been cancelled by the authority or the panel team. Please stop work on it.", "/my-work", cancellationToken);
            }

            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId, $"Cancelled: {reason}"));
            var link = $"/requests/{request.Id}";
            if (me.IsInRole(Roles.Commissioner))
                await notifier.TellAdministratorsAsync(NotificationCategories.Requests, $"{name} has been cancelled by the authority.", link, cancellationToken);
            else
                await notifier.TellAuthorityAsync(request.AuthorityId, NotificationCategories.Requests, $"{name} has been cancelled by the panel team.", link, cancellationToken);
            audit.Add(AuditActions.RequestCancelled, nameof(AssessmentRequest), request.Id.ToString(), reason, subjectAuthorityId: request.AuthorityId);
            return Done.Value;
        }
    }

    /// <summary>Requests the user may cancel: their authority's (commissioners) or any (panel administrators).</summary>
    private static IQueryable<AssessmentRequest> Cancellable(AppDbContext db, ICurrentUser me) =>
        me.IsInRole(Roles.PanelAdmin) || (me.IsInRole(Roles.Commissioner) && me.AuthorityId is not null)
            ? db.AssessmentRequests.VisibleTo(me)
            : db.AssessmentRequests.Where(_ => false);
}
