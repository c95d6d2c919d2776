using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Offers;

/// <summary>
/// An ISW declines an offer with a reason. When it was the last open offer for the request, the request goes
/// back to the administrators (or, if they chose cascade, on to the next candidate on the shortlist).
/// </summary>
public static class DeclineOffer
{
    public sealed record Command : ICommand<Result<Done>>
    {
        public Guid OfferId { get; init; }
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Tell us why you are declining.")
            .MaximumLength(1000).WithMessage("Write 1000 characters or fewer.");
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, OfferCascade cascade, IAuditLog audit)
        : ICommandHandler<Command, Result<Done>>
    {
        public async ValueTask<Result<Done>> Handle(Command command, CancellationToken cancellationToken)
        {
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == command.OfferId && o.IswProfileId == me.IswProfileId, cancellationToken);
            if (offer is null) return Failure.NotFound;
            var now = clock.UtcNow;
            try
            {
                offer.Decline(command.Reason!, now);
            }
            catch (OfferClosedException closed)
            {
                return Failure.Conflict(closed.Message);
            }

            var request = await db.AssessmentRequests.SingleAsync(r => r.Id == offer.AssessmentRequestId, cancellationToken);
            var isw = await db.IswProfiles.Where(p => p.Id == offer.IswProfileId).Select(p => p.FullName).SingleAsync(cancellationToken);
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId, $"{isw} declined the offer: {offer.DeclineReason}"));
            audit.Add(AuditActions.OfferDeclined, nameof(Offer), offer.Id.ToString(), $"request {request.Id}: {offer.DeclineReason}");
            await cascade.AfterOfferClosedAsync(offer, request, $"{isw} declined", cancellationToken);
            return Done.Value;
        }
    }
}
