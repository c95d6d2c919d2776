using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Pipeline;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Offers;

/// <summary>
/// An ISW accepts an offer. The first acceptance wins, exactly once: the request's and the ISW's
/// concurrency tokens and the unique index on the active assignment per request make a racing second
/// acceptance fail when it saves, whatever the database; the loser gets a conflict (409 on the API).
/// The other open offers are withdrawn and their ISWs told; the authority is told who was assigned.
/// </summary>
public static class AcceptOffer
{
    public sealed record Command(Guid OfferId) : ICommand<Result<Accepted>>;

    public sealed record Accepted(Guid AssignmentId, Guid AssessmentRequestId);

    public const string AlreadyAssigned = "This request has already been assigned to another social worker.";

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Notifier notifier, IAuditLog audit, LostRace lostRace, RowLocks locks)
        : ICommandHandler<Command, Result<Accepted>>
    {
        public async ValueTask<Result<Accepted>> Handle(Command command, CancellationToken cancellationToken)
        {
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == command.OfferId && o.IswProfileId == me.IswProfileId, cancellationToken);
            if (offer is null) return Failure.NotFound;   // another ISW's offer looks absent

            // Members offered the same request race here: one holds it; the rest wait (in line in memory on this server,
            // beside each other at the row across servers) and, if it was assigned, are told so at once; otherwise each
            // reads the request as the one before left it.
            if (!await locks.HoldUnassignedRequestAsync(offer.AssessmentRequestId, cancellationToken)) return Failure.Conflict(AlreadyAssigned);
            // Read together, not one query each: the members waiting for this one to finish wait for every round trip.
            var found = await db.AssessmentRequests.Where(r => r.Id == offer.AssessmentRequestId)
                .Select(r => new
                {
                    Request = r,
                    Type = db.AssessmentTypes.Where(t => t.Id == r.AssessmentTypeId).Select(t => t.Name).FirstOrDefault(),
                    Authority = db.Authorities.Where(a => a.Id == r.AuthorityId).Select(a => a.Name).FirstOrDefault(),
                })
                .SingleAsync(cancellationToken);
            var request = found.Request;
            var now = clock.UtcNow;

            if (request.AssignedIswId is not null || request.Status != AssessmentRequestStatus.Offered)
                return Failure.Conflict(request.AssignedIswId is not null ? AlreadyAssigned : $"This request is {request.Status.DisplayName().ToLowerInvariant()} and can no longer be accepted.");
            try
            {
                offer.Accept(now);
            }
            catch (OfferClosedException closed)
            {
                return Failure.Conflict(closed.Message);
            }

            var member = await db.IswProfiles.Where(p => p.Id == offer.IswProfileId)
                .Select(p => new
                {
                    Profile = p,
                    InHand = db.AssessmentRequests.Count(r => r.AssignedIswId == p.Id
                        && (r.Status == AssessmentRequestStatus.Assigned || r.Status == AssessmentRequestStatus.InProgress || r.Status == AssessmentRequestStatus.InQa)),
                })
                .SingleAsync(cancellationToken);
            var (isw, inHand) = (member.Profile, member.InHand);
            try
            {
                isw.TakeOnAssessment(inHand);
            }
            catch (DomainException full)
            {
                return Failure.Conflict(full.Message);
            }

            // Losing the race at the save (the request's token or the active-assignment index) means exactly this:
            // another ISW accepted first. Say so, not the generic "changed at the same time".
            lostRace.Means(Failure.Conflict(AlreadyAssigned));
            request.Assign(isw.Id, now);
            var assignment = Assignment.FromAcceptedOffer(offer, now, isw.HourlyRate);
            db.Assignments.Add(assignment);

            var (type, authority) = (found.Type, found.Authority);
            var others = await db.Offers.Where(o => o.AssessmentRequestId == request.Id && o.Id != offer.Id && o.Status == OfferStatus.Open)
                .ToListAsync(cancellationToken);
            // Everyone told below, looked up together: a request offered to 64 members would otherwise cost three
            // queries per member (B5 measured 215 ms for one uncontended acceptance), and the racers that lost wait for this.
            await notifier.RememberAsync(others.Select(o => o.IswProfileId), [request.AuthorityId], administrators: true, cancellationToken);
            foreach (var other in others)
            {
                other.Withdraw(now);
                await notifier.TellIswAsync(other.IswProfileId, NotificationCategories.Offers,
                    $"The offer of {type} for {authority} has been withdrawn: another social worker accepted it first.", $"/offers/{other.Id}", cancellationToken);
            }

            db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId, $"{isw.FullName} accepted the offer and was assigned."));
            await notifier.TellAuthorityAsync(request.AuthorityId, NotificationCategories.Assignments,
                $"{isw.FullName} has been assigned to {type} {request.CaseReference}.", $"/requests/{request.Id}", cancellationToken);
            await notifier.TellAdministratorsAsync(NotificationCategories.Assignments,
                $"{isw.FullName} accepted {type} {request.CaseReference}.", $"/requests/{request.Id}", cancellationToken);
            audit.Add(AuditActions.OfferAccepted, "Offer", offer.Id.ToString(), $"request {request.Id} assigned", subjectAuthorityId: request.AuthorityId);
            return new Accepted(assignment.Id, request.Id);
        }
    }
}
