using IswPanel.Domain.Panel;

namespace IswPanel.DataGenerator.Generation;

internal sealed partial class ScaleWorld
{
    /// <summary>
    /// One member's evidence over time, planned backwards from how it stands today so that every document is current
    /// when vetting looks at it: insurance policies run back to back, year after year; DBS certificates are renewed
    /// before the old one's three years are up (or, on the Update Service, status-checked every year); Social Work
    /// England registration is verified again in each renewal window. A member whose fate is a lapse simply stops
    /// renewing one document. Then <see cref="KeepCurrent"/> replays the plan through <see cref="IswProfile"/>.
    /// </summary>
    private sealed class DocumentPlan
    {
        private sealed record Policy(DateOnly Issued, DateOnly Expires, DateTime ProvidedAt, bool Verified, string Reference);

        private sealed record Certificate(DateOnly Issued, DateTime ProvidedAt, string Reference);

        private readonly ScaleWorld world;
        private readonly IswState state;
        private readonly SeededRandom rng;
        private readonly DateOnly appliedOn;
        private readonly DateOnly approvedDay;
        private readonly bool onUpdateService;
        private readonly List<Policy> insurance = [];
        private readonly List<Certificate> dbs = [];
        private readonly List<DateTime> dbsChecks = [];
        private readonly List<DateTime> registrationChecks = [];
        private readonly string rightToWork;
        private readonly string qualification;

        /// <summary>The document this member lets lapse, and the first day it no longer counts.</summary>
        public (ComplianceDocumentKind Kind, DateOnly On)? Lapse { get; }

        /// <summary>When the member's story (so far) ends: now, or their lapse, suspension or removal.</summary>
        public DateTime EndOfStory { get; }

        public DocumentPlan(ScaleWorld world, IswState state, Fate fate, SeededRandom rng, DateOnly appliedOn, DateOnly approvedDay)
        {
            this.world = world;
            this.state = state;
            this.rng = rng;
            this.appliedOn = appliedOn;
            this.approvedDay = approvedDay;
            var today = world.today;
            onUpdateService = rng.Chance(0.6);
            rightToWork = rng.PickWeighted([75, 15, 10]) switch { 0 => "UK passport", 1 => "Share code checked", _ => "Biometric residence permit" };
            qualification = rng.PickWeighted([45, 40, 15]) switch { 0 => "BA (Hons) Social Work", 1 => "MA Social Work", _ => "Diploma in Social Work" };
            var approved = approvedDay != default;

            EndOfStory = world.now;
            DateOnly? lapseOn = null;
            var lapseKind = ComplianceDocumentKind.IndemnityInsurance;
            switch (fate)
            {
                case Fate.LapsedAndSuspended:
                    lapseOn = today.AddDays(-rng.Between(1, 150));
                    if (lapseOn < approvedDay.AddDays(30)) lapseOn = approvedDay.AddDays(30);
                    if (!onUpdateService && rng.Chance(0.4)) lapseKind = ComplianceDocumentKind.EnhancedDbs;
                    Lapse = (lapseKind, lapseOn.Value);
                    EndOfStory = lapseOn.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    break;
                case Fate.SuspendedByAdministrator:
                    EndOfStory = WorkTime(world.NextWorkingDay(today.AddDays(-rng.Between(5, 90))), rng);
                    break;
                case Fate.Removed:
                    var span = Math.Max(2, today.DayNumber - approvedDay.DayNumber - 60);
                    EndOfStory = WorkTime(world.NextWorkingDay(today.AddDays(-rng.Between(1, span))), rng);
                    break;
            }
            if (EndOfStory >= world.now) EndOfStory = world.now.AddHours(-2);
            if (fate is Fate.Active or Fate.AwaitingVerification) EndOfStory = world.now;

            PlanInsurance(fate, lapseKind == ComplianceDocumentKind.IndemnityInsurance ? lapseOn : null, approved);
            PlanDbs(lapseKind == ComplianceDocumentKind.EnhancedDbs ? lapseOn : null, approved);
            if (approved) PlanRegistration();
        }

        private void PlanInsurance(Fate fate, DateOnly? lapseOn, bool approved)
        {
            var today = world.today;
            DateOnly lastDay;
            var awaiting = fate == Fate.AwaitingVerification;
            if (lapseOn is { } lapse) lastDay = lapse.AddDays(-1);
            else if (awaiting) lastDay = today.AddDays(rng.Between(0, 20)).AddYears(1).AddDays(-1);
            else lastDay = today.AddDays(rng.Between(1, 364));
            if (!approved) lastDay = appliedOn.AddDays(rng.Between(60, 360));

            // Back to back, newest first, until the policy in force when they applied.
            var policies = new List<(DateOnly Issued, DateOnly Expires)>();
            var expires = lastDay;
            while (true)
            {
                var issued = expires.AddYears(-1).AddDays(1);
                policies.Add((issued, expires));
                if (issued <= appliedOn) break;
                expires = issued.AddDays(-1);
            }
            policies.Reverse();

            for (var i = 0; i < policies.Count; i++)
            {
                var (issued, lastValid) = policies[i];
                // Bought a few weeks before it starts; the first is what they had when they applied.
                var providedAt = i == 0 ? DateTime.MinValue : WorkTime(world.calendar.PreviousWorkingDayOnOrBefore(issued.AddDays(-rng.Between(3, 25))), rng);
                var verified = true;
                if (awaiting && i == policies.Count - 1)
                {
                    providedAt = world.now.AddMinutes(-rng.Between(120, 5 * 24 * 60));
                    verified = false;
                }
                insurance.Add(new Policy(issued, lastValid, providedAt, verified, $"PI-{rng.Between(100000, 999999)}-{issued.Year}"));
            }
        }

        private void PlanDbs(DateOnly? lapseOn, bool approved)
        {
            var today = world.today;
            if (onUpdateService)
            {
                // One certificate, kept current by a status check every year.
                var issuedOn = appliedOn.AddDays(-rng.Between(30, 2500));
                dbs.Add(new Certificate(issuedOn, DateTime.MinValue, CertificateNumber()));
                if (!approved) return;
                // Forward from the check on approval: each next one shortly before the last one's year is up.
                var check = approvedDay;
                while (check.AddYears(1).AddDays(-1) < today)
                {
                    check = world.calendar.PreviousWorkingDayOnOrBefore(check.AddYears(1).AddDays(-rng.Between(3, 25)));
                    dbsChecks.Add(WorkTime(check, rng));
                }
                return;
            }

            // Without the Update Service a certificate counts for three years; a new one is applied for in good time.
            var finalIssued = lapseOn is { } lapse ? lapse.AddYears(-3) : today.AddDays(-rng.Between(10, 3 * 365 - 2));
            if (!approved) finalIssued = appliedOn.AddDays(-rng.Between(10, 900));
            var certificates = new List<DateOnly> { finalIssued };
            var current = finalIssued;
            while (current > appliedOn.AddDays(-7))
            {
                current = current.AddYears(-3).AddDays(rng.Between(10, 60));
                certificates.Add(current);
            }
            certificates.Reverse();
            for (var i = 0; i < certificates.Count; i++)
            {
                var providedAt = i == 0 ? DateTime.MinValue : WorkTime(world.NextWorkingDay(certificates[i].AddDays(rng.Between(3, 5))), rng);
                dbs.Add(new Certificate(certificates[i], providedAt, CertificateNumber()));
            }
        }

        private string CertificateNumber() => $"00{rng.NextUInt64() % 10_000_000_000:0000000000}";

        /// <summary>Registration is verified on approval, then again in each renewal window (1 September to 30 November).</summary>
        private void PlanRegistration()
        {
            var year = approvedDay.Month >= 9 ? approvedDay.Year + 1 : approvedDay.Year;
            for (; ; year++)
            {
                var window = new DateOnly(year, 9, 1);
                if (window > world.today) break;
                var last = new DateOnly(year, 11, 25) < world.today ? new DateOnly(year, 11, 25) : world.today;
                var day = world.NextWorkingDay(window.AddDays(rng.Next(last.DayNumber - window.DayNumber + 1)));
                var at = WorkTime(day, rng);
                if (at < world.now) registrationChecks.Add(at);
            }
        }

        // ---- Replaying the plan ------------------------------------------------------------------

        private IswProfile Profile => state.Profile;

        public void ProvideAtApplication(DateTime appliedAt, Batch batch)
        {
            Provide(ComplianceDocumentKind.EnhancedDbs, dbs[0].Reference, dbs[0].Issued, null, appliedAt, batch);
            Provide(ComplianceDocumentKind.IndemnityInsurance, insurance[0].Reference, insurance[0].Issued, insurance[0].Expires, appliedAt, batch);
            Provide(ComplianceDocumentKind.RightToWork, rightToWork, null, null, appliedAt, batch);
            Provide(ComplianceDocumentKind.Qualification, qualification, Profile.QualifiedOn, null, appliedAt, batch);
        }

        private void Provide(ComplianceDocumentKind kind, string reference, DateOnly? issued, DateOnly? expires, DateTime at, Batch batch)
        {
            var isNew = Profile.Document(kind) is null;
            var document = Profile.ProvideEvidence(kind, reference, issued, expires, kind == ComplianceDocumentKind.EnhancedDbs && onUpdateService,
                null, at, state.Account.Id);
            if (isNew) document.WithId(world.ids.At(at));
            Audit(batch, at, AuditActions.EvidenceProvided, state.Account, nameof(ComplianceDocument), document.Id, kind.ToString());
        }

        /// <summary>Everything checked just before approval (renewals since applying are given first).</summary>
        public void VerifyAll(DateTime at, Person admin, Batch batch)
        {
            ProvideRenewalsBefore(at.AddHours(-3), batch);
            foreach (var kind in Enum.GetValues<ComplianceDocumentKind>()) Verify(kind, admin, at, batch);
        }

        /// <summary>For applicants not yet approved: some evidence checked.</summary>
        public void VerifySome(DateTime at, Person admin, Batch batch)
        {
            foreach (var kind in Enum.GetValues<ComplianceDocumentKind>())
                if (kind is ComplianceDocumentKind.SocialWorkEnglandRegistration or ComplianceDocumentKind.RightToWork || rng.Chance(0.6))
                    Verify(kind, admin, at, batch);
        }

        private void ProvideRenewalsBefore(DateTime limit, Batch batch)
        {
            var appliedAt = Profile.History[0].At;
            for (var i = 1; i < insurance.Count && (insurance[i].ProvidedAt < limit.AddDays(1) || insurance[i].Issued <= approvedDay); i++)
            {
                var at = Clamp(insurance[i].ProvidedAt, appliedAt.AddHours(1), limit);
                Provide(ComplianceDocumentKind.IndemnityInsurance, insurance[i].Reference, insurance[i].Issued, insurance[i].Expires, at, batch);
                insurance[i] = insurance[i] with { ProvidedAt = DateTime.MinValue };
            }
            for (var i = 1; i < dbs.Count && (dbs[i].ProvidedAt < limit.AddDays(1) || dbs[i].Issued <= approvedDay); i++)
            {
                var at = Clamp(dbs[i].ProvidedAt, appliedAt.AddHours(1), limit);
                Provide(ComplianceDocumentKind.EnhancedDbs, dbs[i].Reference, dbs[i].Issued, null, at, batch);
                dbs[i] = dbs[i] with { ProvidedAt = DateTime.MinValue };
            }
        }

        private static DateTime Clamp(DateTime value, DateTime min, DateTime max) => value < min ? min : value > max ? max : value;

        private void Verify(ComplianceDocumentKind kind, Person admin, DateTime at, Batch batch)
        {
            var document = Profile.Document(kind)!;
            document.Verify(admin.Id, at, Day(at));
            Audit(batch, at, AuditActions.EvidenceVerified, admin, "IswProfile", Profile.Id, kind.ToString());
            // The application's VerifyEvidence: a member suspended for compliance returns once every check passes again.
            if (Profile.Status == PanelMemberStatus.Suspended && Profile.Suspension == SuspensionCause.Compliance
                && Profile.ReinstateIfCompliant(Profile.Vet(world.clients, Day(at)), at, admin.Id))
                Audit(batch, at, AuditActions.MembershipChanged, admin, "IswProfile", Profile.Id, "Reinstated: every check passes again.");
        }

        /// <summary>Replays renewals, status checks and re-verification from approval to the end of the member's story.</summary>
        public void KeepCurrent(DateTime approvedAt, Batch batch)
        {
            var events = new List<(DateTime At, ComplianceDocumentKind Kind, int Index, bool Renewal)>();
            for (var i = 1; i < insurance.Count; i++)
                if (insurance[i].ProvidedAt != DateTime.MinValue) events.Add((insurance[i].ProvidedAt, ComplianceDocumentKind.IndemnityInsurance, i, true));
            for (var i = 1; i < dbs.Count; i++)
                if (dbs[i].ProvidedAt != DateTime.MinValue) events.Add((dbs[i].ProvidedAt, ComplianceDocumentKind.EnhancedDbs, i, true));
            events.AddRange(dbsChecks.Select((at, i) => (at, ComplianceDocumentKind.EnhancedDbs, i, false)));
            events.AddRange(registrationChecks.Select((at, i) => (at, ComplianceDocumentKind.SocialWorkEnglandRegistration, i, false)));
            events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Kind.CompareTo(b.Kind));

            var cursor = approvedAt;
            foreach (var (plannedAt, kind, index, renewal) in events)
            {
                var at = plannedAt > cursor ? plannedAt : cursor.AddMinutes(30);
                if (at >= EndOfStory) break;
                var admin = rng.Pick(world.admins);
                if (!renewal)
                {
                    Verify(kind, admin, at, batch);
                    cursor = at;
                    continue;
                }

                var verified = true;
                if (kind == ComplianceDocumentKind.IndemnityInsurance)
                {
                    var policy = insurance[index];
                    Provide(kind, policy.Reference, policy.Issued, policy.Expires, at, batch);
                    verified = policy.Verified;
                }
                else
                {
                    var certificate = dbs[index];
                    Provide(kind, certificate.Reference, certificate.Issued, null, at, batch);
                }

                cursor = at;
                if (!verified) continue;
                var verifyAt = world.WorkingDaysLater(at, 0, 2, rng);
                if (verifyAt >= EndOfStory) continue;
                Verify(kind, admin, verifyAt, batch);
                cursor = verifyAt;
            }
        }
    }
}
