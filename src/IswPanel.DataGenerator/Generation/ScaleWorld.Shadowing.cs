using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;

namespace IswPanel.DataGenerator.Generation;

internal sealed partial class ScaleWorld
{
    private sealed partial class RequestRun
    {
        private ShadowingNomination? nomination;
        private Shadower? shadowerRecord;
        private Person? shadowerAccount;

        /// <summary>
        /// On about one assignment in twenty the authority nominates one of its junior practitioners to shadow the ISW,
        /// who mostly accepts; the family mostly consents. The practitioner is recorded (with a Shadower account) on
        /// their first nomination.
        /// </summary>
        private void MaybeNominateShadower(IswState isw, DateOnly firstSession)
        {
            if (!rng.Chance(0.05)) return;
            var nominatedAt = MinutesLater(workFrom, 30, 2 * 24 * 60, rng);
            if (nominatedAt >= Stop || Day(nominatedAt) >= firstSession) return;

            Shadower shadower;
            var known = Authority.Shadowers.Count + NewShadowers.Count;
            if (known < Authority.ShadowerPool && (known == 0 || rng.Chance(0.3)))
            {
                var number = known + 1;
                var email = $"shadower{number}@{Authority.Slug}.scale.iswpanel.test";
                var name = $"{rng.Pick(Vocabulary.GivenNames)} {rng.Pick(Vocabulary.Surnames)}";
                var user = w.NewUser(email, name, nominatedAt);
                batch.Users.Add(user);
                w.Grant(batch, user, Roles.Shadower);
                var account = PersonOf(user, Roles.Shadower);
                var role = (ShadowerRole)rng.PickWeighted([50, 30, 15, 5]);
                var registration = role is ShadowerRole.Asye or ShadowerRole.Nqsw ? $"SW{5_000_000 + Authority.Index * 100 + number}" : null;
                shadower = Shadower.Record(Authority.Id, user.Id, name, role, email, registration, Day(nominatedAt), nominatedAt, commissioner.Id)
                    .WithId(w.ids.At(nominatedAt));
                batch.Shadowers.Add(shadower);
                NewShadowers.Add((shadower, account));
                shadowerAccount = account;
                Audit(batch, nominatedAt, AuditActions.RoleAssigned, commissioner, "User", user.Id, Roles.Shadower);
                Audit(batch, nominatedAt, AuditActions.UserInvited, commissioner, "User", user.Id, "role Shadower (shadowing nomination)");
            }
            else
            {
                if (Authority.Shadowers.Count == 0) return;
                (shadower, shadowerAccount) = rng.Pick(Authority.Shadowers);
            }

            shadowerRecord = shadower;
            nomination = ShadowingNomination.Nominate(shadower, Authority.Id, Request.Id, assignment!.Id, isw.Id, rng.Pick(Vocabulary.Hopes),
                nominatedAt, commissioner.Id).WithId(w.ids.At(nominatedAt));
            batch.Nominations.Add(nomination);
            Audit(batch, nominatedAt, AuditActions.ShadowerNominated, commissioner, nameof(ShadowingNomination), nomination.Id, shadower.FullName, Authority.Id);

            var decidedAt = w.WorkingDaysLater(nominatedAt, 0, 2, rng);
            if (decidedAt >= Stop || Day(decidedAt) >= firstSession) return;
            if (rng.Chance(0.12))
            {
                nomination.Decline(rng.Pick<string>(["The family has asked for no additional professionals at this stage.", "The sessions are in a small flat; another visitor would be too many."]), decidedAt);
                Audit(batch, decidedAt, AuditActions.NominationDeclined, isw.Account, nameof(ShadowingNomination), nomination.Id, nomination.DeclineReason, Authority.Id);
                return;
            }

            nomination.Accept(decidedAt);
            Audit(batch, decidedAt, AuditActions.NominationAccepted, isw.Account, nameof(ShadowingNomination), nomination.Id, null, Authority.Id);
            var consentAt = MinutesLater(decidedAt, 60, 3 * 24 * 60, rng);
            if (consentAt >= Stop || consentAt >= w.now) return;
            var given = rng.Chance(0.9);
            nomination.RecordConsent(given, Day(consentAt), Day(consentAt), consentAt);
            Audit(batch, consentAt, AuditActions.ShadowingConsentRecorded, isw.Account, nameof(ShadowingNomination), nomination.Id,
                given ? "given" : "refused", Authority.Id);
        }

        /// <summary>The practitioner attends up to three sessions after the family consented, and reflects on most.</summary>
        private void AttendShadowedSessions(IswState isw)
        {
            if (nomination is not { Status: NominationStatus.Accepted, Consent: FamilyConsent.Given, ConsentDate: { } consented }
                || shadowerAccount is null || shadowerRecord is null)
                return;
            var attended = 0;
            foreach (var entry in sessions)
            {
                if (entry.Date < consented || attended >= 3 || !rng.Chance(0.6)) continue;
                var markedAt = MinutesLater(entry.LoggedAt, 5, 60, rng);
                if (markedAt >= Stop) break;
                var session = ShadowedSession.Attend(nomination, shadowerRecord.Role, entry.Id, entry.Date, entry.DurationMinutes, isSession: true, [],
                    Authority.Entity.Contract.MaxShadowersPerSession, markedAt).WithId(w.ids.At(markedAt));
                batch.ShadowedSessions.Add(session);
                attended++;
                Audit(batch, markedAt, AuditActions.ShadowedSessionMarked, isw.Account, nameof(ShadowedSession), session.Id, null, Authority.Id);

                var reflectedAt = MinutesLater(markedAt, 12 * 60, 4 * 24 * 60, rng);
                if (!rng.Chance(0.7) || reflectedAt >= w.now) continue;
                session.Reflect(nomination, rng.Pick(Vocabulary.Reflections), reflectedAt);
                Audit(batch, reflectedAt, AuditActions.ReflectionWritten, shadowerAccount, nameof(ShadowedSession), session.Id, null, Authority.Id);
                var commentedAt = MinutesLater(reflectedAt, 6 * 60, 4 * 24 * 60, rng);
                if (!rng.Chance(0.6) || commentedAt >= w.now) continue;
                session.Comment(rng.Pick(Vocabulary.IswComments), commentedAt);
                Audit(batch, commentedAt, AuditActions.ReflectionCommented, isw.Account, nameof(ShadowedSession), session.Id, null, Authority.Id);
            }
        }
    }
}
