using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Matching;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Offers;

/// <summary>
/// What happens after an offer is declined or lapses: while other offers are open, nothing; otherwise the
/// request moves to the next eligible candidate on the shortlist when the administrator chose cascade, or goes
/// back to the administrators. They are told either way. Used by declines and by the offer-expiry sweep.
/// </summary>
public sealed class OfferCascade(AppDbContext db, IClock clock, Notifier notifier, Shortlister shortlister, OfferWindows windows,
    IAuditLog audit, ICurrentUser me)
{
    /// <summary>How the audit trail names the actor when a job (no signed-in user) makes the change.</summary>
    public const string SystemActor = "System";

    private string Actor => me.IsAuthenticated ? "" : $"{SystemActor}: ";

    public async Task AfterOfferClosedAsync(Offer closed, AssessmentRequest request, string why, CancellationToken cancellationToken)
    {
        var type = await db.AssessmentTypes.Where(t => t.Id == request.AssessmentTypeId).Select(t => t.Name).SingleAsync(cancellationToken);
        var name = $"{type} {request.CaseReference}";
        var link = $"/requests/{request.Id}";
        var stillOpen = await db.Offers.AnyAsync(o => o.AssessmentRequestId == request.Id && o.Id != closed.Id && o.Status == OfferStatus.Open, cancellationToken);
        if (stillOpen || request.Status != AssessmentRequestStatus.Offered)
        {
            await notifier.TellAdministratorsAsync(NotificationCategories.Offers, $"{why} the offer of {name}.", link, cancellationToken);
            return;
        }

        if (closed.Cascade)
        {
            var alreadyOffered = (await db.Offers.Where(o => o.AssessmentRequestId == request.Id).Select(o => o.IswProfileId).ToListAsync(cancellationToken)).ToHashSet();
            var next = await shortlister.BestEligibleAsync(request, alreadyOffered, cancellationToken);
            if (next is { } candidate)
            {
                var now = clock.UtcNow;
                var offer = Offer.Send(request.Id, candidate.IswId, closed.SentByUserId, now, closed.RespondWithinWorkingDays,
                    windows.ExpiryFor(now, closed.RespondWithinWorkingDays), cascade: true);
                db.Offers.Add(offer);
                audit.Add(AuditActions.OfferCascaded, nameof(Offer), offer.Id.ToString(), $"{Actor}request {request.Id} offered to the next candidate: {why}");
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, null, $"{why}; offered to {candidate.Name}, the next candidate."));
                var authority = await db.Authorities.Where(a => a.Id == request.AuthorityId).Select(a => a.Name).SingleAsync(cancellationToken);
                // Until an ISW accepts, nothing identifies the family, not even the authority's case reference.
                await notifier.TellIswAsync(candidate.IswId, NotificationCategories.Offers, $"You have a new offer: {type} for {authority}.", $"/offers/{offer.Id}", cancellationToken);
                await notifier.TellAdministratorsAsync(NotificationCategories.Offers, $"{why} the offer of {name}; it was offered to {candidate.Name}.", link, cancellationToken);
                return;
            }

            request.ReturnToMatching(clock.UtcNow);
            audit.Add(AuditActions.RequestReturnedToMatching, nameof(AssessmentRequest), request.Id.ToString(), $"{Actor}{why}; no eligible candidate is left");
            db.RequestEvents.Add(RequestEvent.Record(request.Id, clock.UtcNow, null, $"{why}; no eligible candidate is left, so the request is back for matching."));
            await notifier.TellAdministratorsAsync(NotificationCategories.Offers, $"{why} the offer of {name} and no eligible candidate is left to cascade to.", link, cancellationToken);
            return;
        }

        request.ReturnToMatching(clock.UtcNow);
        audit.Add(AuditActions.RequestReturnedToMatching, nameof(AssessmentRequest), request.Id.ToString(), $"{Actor}{why}; no offer is open");
        db.RequestEvents.Add(RequestEvent.Record(request.Id, clock.UtcNow, null, $"{why}; no offer is open, so the request is back for matching."));
        await notifier.TellAdministratorsAsync(NotificationCategories.Offers, $"{why} the offer of {name}; no offer is open now.", link, cancellationToken);
    }
}

/// <summary>When offers lapse: the end of the last working day of the window, UK time.</summary>
public sealed class OfferWindows(WorkingDayCalendar calendar)
{
    public DateTime ExpiryFor(DateTime sentAtUtc, int workingDays)
    {
        var ukNow = TimeZoneInfo.ConvertTimeFromUtc(sentAtUtc, Infrastructure.Configuration.UkClock.UkTimeZone);
        var lastDay = calendar.AddWorkingDays(DateOnly.FromDateTime(ukNow), workingDays);
        var endOfDayUk = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(endOfDayUk, Infrastructure.Configuration.UkClock.UkTimeZone);
    }
}
