using FluentValidation;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Common;
using IswPanel.Domain.Matching;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Web.Features.Offers;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Matching;

/// <summary>
/// An administrator offers a request to one ISW or several at once, each to answer within a window of
/// working days. An ineligible ISW is refused with the reason; nothing is sent unless every one is eligible.
/// </summary>
public static class SendOffers
{
    public sealed record Command : ICommand<Result<IReadOnlyList<Sent>>>
    {
        public Guid RequestId { get; init; }
        public List<Guid> IswIds { get; init; } = [];
        public int? RespondWithinWorkingDays { get; init; }

        /// <summary>Offer to the next candidate when one is declined or lapses.</summary>
        public bool Cascade { get; init; }
    }

    public sealed record Sent(Guid OfferId, Guid IswId, DateTime ExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.IswIds).NotEmpty().WithMessage("Select at least one social worker to offer the request to.");
            RuleFor(c => c.IswIds).Must(ids => ids.Count <= 20).WithMessage("Offer to 20 social workers or fewer at once.");
            RuleFor(c => c.RespondWithinWorkingDays).InclusiveBetween(1, Offer.MaxResponseWorkingDays)
                .WithMessage($"The response window must be between 1 and {Offer.MaxResponseWorkingDays} working days.");
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentUser me, IClock clock, Shortlister shortlister, OfferWindows windows,
        Notifier notifier, IAuditLog audit) : ICommandHandler<Command, Result<IReadOnlyList<Sent>>>
    {
        public async ValueTask<Result<IReadOnlyList<Sent>>> Handle(Command command, CancellationToken cancellationToken)
        {
            var request = await db.AssessmentRequests.SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
            if (request is null) return Failure.NotFound;
            if (request.Status is not (AssessmentRequestStatus.Submitted or AssessmentRequestStatus.Offered))
                return Failure.Conflict($"Offers are sent for submitted requests; this one is {request.Status.DisplayName().ToLowerInvariant()}.");

            var ids = command.IswIds.Distinct().ToList();
            var e = await shortlister.EvaluateAsync(request, ids, cancellationToken);
            var problems = new List<string>();
            foreach (var id in ids.Where(id => !e.Ids.Contains(id))) problems.Add($"{id}: no such panel member.");
            var open = await db.Offers.Where(o => o.AssessmentRequestId == request.Id && o.Status == OfferStatus.Open && ids.Contains(o.IswProfileId))
                .Select(o => o.IswProfileId).ToListAsync(cancellationToken);
            foreach (var facts in e.Candidates)
            {
                var reasons = Matcher.Exclusions(e.Match, facts);
                var name = e.Names[facts.Index];
                if (reasons != ExclusionReason.None) problems.Add($"{name} is not eligible: {string.Join("; ", Matcher.WhyNot(reasons, e.Match, facts, e.Labels))}.");
                else if (open.Contains(e.Ids[facts.Index])) problems.Add($"{name} already has an open offer for this request.");
            }

            if (problems.Count > 0)
                return new Failure(ResultStatus.Invalid, new Dictionary<string, string[]> { [nameof(Command.IswIds)] = [.. problems] });

            var now = clock.UtcNow;
            var days = command.RespondWithinWorkingDays ?? Offer.DefaultResponseWorkingDays;
            var expires = windows.ExpiryFor(now, days);
            var type = e.Labels.AssessmentTypeName;
            // Until an ISW accepts, nothing identifies the family, not even the authority's case reference.
            var authority = await db.Authorities.Where(a => a.Id == request.AuthorityId).Select(a => a.Name).SingleAsync(cancellationToken);
            var sent = new List<Sent>();
            foreach (var (id, name) in e.Ids.Zip(e.Names))
            {
                var offer = Offer.Send(request.Id, id, me.UserId!.Value, now, days, expires, command.Cascade);
                db.Offers.Add(offer);
                sent.Add(new Sent(offer.Id, id, expires));
                await notifier.TellIswAsync(id, NotificationCategories.Offers, $"You have a new offer: {type} for {authority}. Answer within {days} working {(days == 1 ? "day" : "days")}.",
                    $"/offers/{offer.Id}", cancellationToken);
                db.RequestEvents.Add(RequestEvent.Record(request.Id, now, me.UserId, $"Offered to {name}, to answer within {days} working {(days == 1 ? "day" : "days")}{(command.Cascade ? "; cascading if declined or lapsed" : "")}."));
            }

            request.MarkOffered(now);
            audit.Add(AuditActions.OffersSent, "AssessmentRequest", request.Id.ToString(), string.Join(",", ids), subjectAuthorityId: request.AuthorityId);
            return sent;
        }
    }
}
