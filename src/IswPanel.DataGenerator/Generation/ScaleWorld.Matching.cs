using System.Globalization;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;

namespace IswPanel.DataGenerator.Generation;

internal sealed partial class ScaleWorld
{
    private sealed partial class RequestRun
    {
        private readonly HashSet<int> offeredTo = [];
        private DateTime workFrom;

        private enum Answer
        {
            Accept,
            Decline,
            None,
        }

        private sealed record Open(Offer Offer, int Isw, Answer Answer, DateTime At);

        /// <summary>Rounds of offers until someone accepts (and, where the contract asks, the commissioner approves).</summary>
        private void Match()
        {
            var since = Request.SubmittedAt!.Value;
            for (var round = 1; ; round++)
            {
                var admin = rng.Pick(w.admins);
                var sendAt = w.WorkingDaysLater(since, 0, round == 1 ? 1 : 2, rng);
                if (Halts(sendAt)) return;

                var cascade = rng.Chance(0.55);
                var chosen = Candidates(sendAt, cascade ? 1 : rng.Between(2, 3));
                if (chosen.Count == 0)
                {
                    if (round >= 6)
                    {
                        // Nobody could be found in time: the authority gives up.
                        cancelAt = sendAt;
                        cancelledBy = Domain.Security.Roles.Commissioner;
                        Halts(sendAt);
                        return;
                    }
                    since = sendAt.AddDays(1);
                    continue;
                }

                var window = 1 + rng.PickWeighted([5, 78, 10, 5, 2]);
                Audit(batch, sendAt.AddMinutes(-rng.Between(2, 30)), AuditActions.RequestViewed, admin, nameof(AssessmentRequest), Request.Id,
                    subjectAuthorityId: Authority.Id);
                MaybeSignedIn(batch, admin, sendAt.AddMinutes(-30), rng, 0.15);
                var open = new List<Open>();
                foreach (var candidate in chosen) open.Add(Send(candidate, admin, sendAt, window, cascade, systemCascade: null));
                Request.MarkOffered(sendAt);
                Audit(batch, sendAt, AuditActions.OffersSent, admin, "AssessmentRequest", Request.Id,
                    string.Join(",", open.Select(o => o.Offer.IswProfileId)), subjectAuthorityId: Authority.Id);

                var outcome = Answers(open, admin, window, cascade);
                if (halted) return;
                if (outcome is not { } accepted)
                {
                    since = Request.UpdatedAt;
                    continue;
                }

                Assign(accepted.Open, accepted.At);
                if (!Authority.Entity.Contract.CommissionerApprovesIsw)
                {
                    workFrom = accepted.At;
                    return;
                }

                var decideAt = w.WorkingDaysLater(accepted.At, 0, 2, rng);
                if (Halts(decideAt)) return;
                var isw = w.isws[accepted.Open.Isw];
                if (rng.Chance(0.06))
                {
                    var reason = rng.Pick<string>(["The family have complained about this social worker before.", "We would prefer someone with more SGO experience.", "The social worker lives too far from the family."]);
                    assignment!.End($"Not approved by the commissioner: {reason}", decideAt);
                    Request.Unassign(decideAt);
                    Event(decideAt, commissioner,
                        $"{isw.Name} was not approved as the social worker: {reason.TrimEnd('.', ' ')}. The request is back with the panel team for matching.");
                    Audit(batch, decideAt, AuditActions.ProposedIswDeclined, commissioner, nameof(AssessmentRequest), Request.Id, $"{isw.Name}: {reason}",
                        subjectAuthorityId: Authority.Id);
                    EndLoad(decideAt);
                    assignment = null;
                    assignedIsw = null;
                    since = decideAt;
                    continue;
                }

                assignment!.ApproveByCommissioner(commissioner.Id, decideAt);
                Event(decideAt, commissioner, $"{isw.Name} approved as the social worker for this request.");
                Audit(batch, decideAt, AuditActions.ProposedIswApproved, commissioner, nameof(AssessmentRequest), Request.Id, isw.Name,
                    subjectAuthorityId: Authority.Id);
                workFrom = decideAt;
                return;
            }
        }

        private Open Send(int iswIndex, Person admin, DateTime sentAt, int window, bool cascade, string? systemCascade)
        {
            var isw = w.isws[iswIndex];
            var expiresAt = w.OfferExpiry(sentAt, window);
            var offer = Offer.Send(Request.Id, isw.Id, admin.Id, sentAt, window, expiresAt, cascade).WithId(w.ids.At(sentAt));
            batch.Offers.Add(offer);
            offers.Add((offer, iswIndex));
            offeredTo.Add(iswIndex);
            var days = window == 1 ? "1 working day" : $"{window} working days";
            if (systemCascade is null)
                Event(sentAt, admin, $"Offered to {isw.Name}, to answer within {days}{(cascade ? "; cascading if declined or lapsed" : "")}.");
            else
            {
                Event(sentAt, null, $"{systemCascade}; offered to {isw.Name}, the next candidate.");
                Audit(batch, sentAt, AuditActions.OfferCascaded, null, nameof(Offer), offer.Id,
                    $"System: request {Request.Id} offered to the next candidate: {systemCascade}");
            }

            // Busy people say no more often; some never answer.
            var load = isw.PeakLoad(sentAt.Ticks, sentAt.Ticks + 1) / (double)isw.Profile.Capacity;
            var accept = 0.55 - 0.25 * load;
            var pick = rng.NextDouble();
            var answer = pick < accept ? Answer.Accept : pick < accept + 0.3 ? Answer.Decline : Answer.None;
            var latest = Math.Max(30, (int)((expiresAt - sentAt).TotalMinutes * 0.8));
            // An unanswered offer lapses at its expiry (the sweep runs every few minutes).
            var at = answer == Answer.None ? expiresAt : MinutesLater(sentAt, 20, latest, rng);
            return new Open(offer, iswIndex, answer, at);
        }

        /// <summary>
        /// Plays the answers in time order: the first acceptance wins and withdraws the rest; declines and lapses cascade
        /// to the next candidate (when asked) or, once nothing is open, send the request back for matching.
        /// </summary>
        private (Open Open, DateTime At)? Answers(List<Open> open, Person admin, int window, bool cascade)
        {
            var cascadesLeft = cascade ? 3 : 0;
            while (open.Count > 0)
            {
                var next = open.MinBy(o => o.At)!;
                if (Halts(next.At)) return null;
                open.Remove(next);
                var isw = w.isws[next.Isw];
                var answer = next.Answer;
                if (answer == Answer.Accept && !CanTake(isw, next.At)) answer = Answer.Decline;

                if (answer == Answer.Accept)
                {
                    foreach (var other in open) other.Offer.Withdraw(next.At);
                    return (next, next.At);
                }

                string why;
                if (answer == Answer.Decline)
                {
                    var reason = CanTake(isw, next.At) ? rng.Pick(Vocabulary.DeclineReasons) : Vocabulary.DeclineReasons[0];
                    next.Offer.Decline(reason, next.At);
                    Event(next.At, isw.Account, $"{isw.Name} declined the offer: {next.Offer.DeclineReason}");
                    Audit(batch, next.At, AuditActions.OfferDeclined, isw.Account, nameof(Offer), next.Offer.Id, reason, subjectAuthorityId: Authority.Id);
                    MaybeSignedIn(batch, isw.Account, next.At, rng);
                    why = $"{isw.Name} declined";
                }
                else
                {
                    next.Offer.ExpireIfDue(next.At);
                    Audit(batch, next.At, AuditActions.OfferExpired, null, nameof(Offer), next.Offer.Id,
                        $"System: the offer window lapsed unanswered; request {Request.Id}");
                    Event(next.At, null, $"The offer to {isw.Name} lapsed unanswered at the end of its {(window == 1 ? "1 working day" : $"{window} working days")} window.");
                    why = $"{isw.Name} did not answer";
                }

                if (open.Count > 0) continue;
                if (cascade && cascadesLeft-- > 0 && Candidates(next.At, 1) is [var nextIsw])
                {
                    open.Add(Send(nextIsw, admin, next.At, window, cascade: true, systemCascade: why));
                    continue;
                }

                Request.ReturnToMatching(next.At);
                var left = cascade ? "no eligible candidate is left" : "no offer is open";
                Event(next.At, null, $"{why}; {left}, so the request is back for matching.");
                Audit(batch, next.At, AuditActions.RequestReturnedToMatching, null, nameof(AssessmentRequest), Request.Id,
                    $"{(answer == Answer.None ? "System: " : "")}{why}; {left}");
                return null;
            }
            return null;
        }

        private void Assign(Open won, DateTime at)
        {
            var isw = w.isws[won.Isw];
            won.Offer.Accept(at);
            // IswProfile.TakeOnAssessment's rule (refuse when every slot is taken) was checked over the whole time the work
            // can be in hand (CanTake); it is not called here because it also renews LoadVersion with Guid.NewGuid(), on a
            // profile that may already be written.
            Request.Assign(isw.Id, at);
            assignment = Assignment.FromAcceptedOffer(won.Offer, at, isw.Profile.HourlyRate).WithId(w.ids.At(at));
            batch.Assignments.Add(assignment);
            assignedIsw = won.Isw;
            loadStart = at.Ticks;
            Event(at, isw.Account, $"{isw.Name} accepted the offer and was assigned.");
            Audit(batch, at, AuditActions.OfferAccepted, isw.Account, "Offer", won.Offer.Id, $"request {Request.Id} assigned", subjectAuthorityId: Authority.Id);
            MaybeSignedIn(batch, isw.Account, at, rng);
        }

        /// <summary>
        /// Whether taking this request keeps the ISW within capacity for as long as it can be in hand: from acceptance to
        /// the latest release the story allows, or for good when that could reach today. The bound is kept with the run
        /// so the load recorded later always fits inside what was checked.
        /// </summary>
        private bool CanTake(IswState isw, DateTime at)
        {
            var latest = deadline.AddDays(150);
            var afterAcceptance = Day(at).AddDays(300);
            if (afterAcceptance > latest) latest = afterAcceptance;
            loadBound = latest >= w.today ? long.MaxValue : latest.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
            return isw.PeakLoad(at.Ticks, loadBound) < isw.Profile.Capacity;
        }

        /// <summary>Up to <paramref name="wanted"/> panel members the shortlist would put forward at <paramref name="at"/>.</summary>
        private List<int> Candidates(DateTime at, int wanted)
        {
            var chosen = new List<int>(wanted);
            if (previousIsw is { } previous && !offeredTo.Contains(previous) && rng.Chance(0.6) && Eligible(w.isws[previous], at))
                chosen.Add(previous);
            Probe(w.candidates[(int)Authority.Region, typeIndex], 80);
            if (chosen.Count < wanted) Probe(w.nationalCandidates[typeIndex], 40);
            return chosen;

            void Probe(List<int> pool, int attempts)
            {
                if (pool.Count == 0) return;
                for (var i = 0; i < attempts && chosen.Count < wanted; i++)
                {
                    var index = pool[rng.Next(pool.Count)];
                    if (offeredTo.Contains(index) || chosen.Contains(index)) continue;
                    if (Eligible(w.isws[index], at)) chosen.Add(index);
                }
            }
        }

        private bool Eligible(IswState isw, DateTime at)
        {
            if (!isw.IsMatchableAt(at)) return false;
            var day = Day(at);
            if (PostQualifyingExperience.WholeYears(isw.Profile.QualifiedOn, day) < type.MinPqeYears) return false;
            foreach (var requirement in Request.SpecialRequirements)
                if (SpecialSkills.Listed.Contains(requirement) && !isw.Skills.Contains(requirement)) return false;
            foreach (var spell in isw.ClientSpells)
                if (spell.AuthorityId == Authority.Id && NonSolicitation.ConflictWith(Authority.Terms, [spell], day) is not null) return false;
            foreach (var period in isw.Profile.UnavailablePeriods)
                if (period.From <= day.AddDays(10) && period.To >= day) return false;
            if (isw.PeakLoad(at.Ticks, at.Ticks + 1) >= isw.Profile.Capacity) return false;
            // An offer that may still be open today goes only to someone matchable today whose documents last to the deadline.
            if (at > w.now.AddDays(-12) && (!isw.IsMatchableAt(w.now) || isw.Profile.Status != PanelMemberStatus.Active || isw.EarliestLapse <= deadline))
                return false;
            return true;
        }

        private static string Hours(int minutes)
        {
            var h = minutes / 60;
            var m = minutes % 60;
            var parts = new List<string>();
            if (h > 0) parts.Add(h == 1 ? "1 hour" : $"{h.ToString(CultureInfo.InvariantCulture)} hours");
            if (m > 0) parts.Add(m == 1 ? "1 minute" : $"{m.ToString(CultureInfo.InvariantCulture)} minutes");
            return parts.Count == 0 ? "0 hours" : string.Join(" ", parts);
        }
    }
}
