using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Web.Features.Offers;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Jobs;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// Offer expiry: an offer unanswered at the end of its window lapses. The request's history records it, the ISW is
/// told, and <see cref="OfferCascade"/> moves the request to the next eligible candidate (when the administrator
/// chose cascade) or back to matching, telling the administrators either way. Effect key: offer-expired:{offerId}.
/// </summary>
public static class ExpireOffers
{
    /// <summary>Open offers whose window has passed: one query.</summary>
    public sealed record Due : IQuery<IReadOnlyList<Guid>>;

    public sealed record Command(Guid OfferId) : ICommand<Result<SweepOutcome>>;

    public static string Key(Guid offerId) => $"offer-expired:{offerId}";

    public sealed class DueHandler(AppDbContext db, IClock clock) : IQueryHandler<Due, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Due query, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            return await db.Offers.AsNoTracking()
                .Where(o => o.Status == OfferStatus.Open && o.ExpiresAt <= now)
                .OrderBy(o => o.ExpiresAt).ThenBy(o => o.Id)
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
        }
    }

    public sealed class Handler(AppDbContext db, IClock clock, Notifier notifier, OfferCascade cascade, IAuditLog audit)
        : ICommandHandler<Command, Result<SweepOutcome>>
    {
        public async ValueTask<Result<SweepOutcome>> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.UtcNow;
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == command.OfferId, cancellationToken);
            // Answered, withdrawn or already expired since the sweep looked: nothing to do.
            if (offer is null || !offer.ExpireIfDue(now)) return SweepOutcome.NotDue;

            var request = await db.AssessmentRequests.SingleAsync(r => r.Id == offer.AssessmentRequestId, cancellationToken);
            var isw = await db.IswProfiles.Where(p => p.Id == offer.IswProfileId).Select(p => p.FullName).SingleAsync(cancellationToken);
            var type = await db.AssessmentTypes.Where(t => t.Id == request.AssessmentTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
            var authority = await db.Authorities.Where(a => a.Id == request.AuthorityId).Select(a => a.Name).SingleAsync(cancellationToken);

            db.ClaimEffect(Key(offer.Id), now);
            // A job has no signed-in user: the row has no user id and says the system did it.
            audit.Add(AuditActions.OfferExpired, nameof(Offer), offer.Id.ToString(),
                $"{OfferCascade.SystemActor}: the offer window lapsed unanswered; request {request.Id}");
            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, null,
                $"The offer to {isw} lapsed unanswered at the end of its {RequestWording.WorkingDays(offer.RespondWithinWorkingDays)} window."));
            await notifier.TellIswAsync(offer.IswProfileId, NotificationCategories.Offers,
                // The ISW never accepted: as with the offer itself, nothing identifies the family, not even the case reference.
                $"Your offer of {type} for {authority} has lapsed: it was not answered in time.",
                $"/offers/{offer.Id}", cancellationToken);
            // OfferCascade writes "{why} the offer of …" and "{why}; offered to …", so "why" is a clause that reads in both.
            await cascade.AfterOfferClosedAsync(offer, request, $"{isw} did not answer", cancellationToken);
            return SweepOutcome.Done;
        }
    }

    /// <summary>Hangfire: every few minutes (Jobs:OfferExpiryCron).</summary>
    public sealed class Job(SweepRunner sweeps)
    {
        public const string Id = "offers.expire";

        public Task<SweepReport> RunAsync(CancellationToken cancellationToken) =>
            sweeps.RunAsync(Id, new Due(), offerId => new Command(offerId), cancellationToken);
    }
}
