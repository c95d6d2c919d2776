using IswPanel.Domain.Assessments;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;

namespace IswPanel.DataGenerator.Generation;

internal sealed partial class ScaleWorld
{
    /// <summary>
    /// One request's life, step by step through the domain: drafted, submitted with its milestone plan, offered
    /// (to several at once, or one at a time cascading), accepted (the ISW's capacity checked over the whole time the
    /// work will be in hand), perhaps declined by the commissioner, worked on (the log, with hours beyond the budget
    /// waiting for the commissioner), reported, reviewed by QA (returned or approved and released), rated and closed;
    /// or cancelled at some point. Every step is dated; the first step due at or after now is where the story stops.
    /// Nothing global changes until <see cref="Commit"/>, so a pinned attempt can be thrown away.
    /// </summary>
    private sealed partial class RequestRun
    {
        private readonly ScaleWorld w;
        private readonly SeededRandom rng;
        private readonly Batch batch;
        private readonly DateTime createdAt;
        private readonly AssessmentRequestStatus? target;
        private readonly int typeIndex;
        private readonly AssessmentType type;
        private readonly Person commissioner;
        private readonly DateOnly deadline;
        private readonly int? previousIsw;
        private DateTime cancelAt = DateTime.MaxValue;
        private string cancelledBy = Roles.Commissioner;
        private bool halted;

        private readonly List<(Offer Offer, int Isw)> offers = [];
        private Assignment? assignment;
        private int? assignedIsw;
        private long loadStart;
        private long loadBound;

        public AssessmentRequest Request { get; }
        public AuthorityState Authority { get; }
        public int CaseYear { get; }
        public int? NewCaseNumber { get; }
        public int? AssignedIsw => assignedIsw;
        public List<(int Isw, long Start, long End)> Loads { get; } = [];
        public List<(Domain.Shadowing.Shadower Record, Person Account)> NewShadowers { get; } = [];

        private DateTime Stop => cancelAt < w.now ? cancelAt : w.now;

        public RequestRun(ScaleWorld world, SeededRandom rng, Batch batch, DateTime createdAt, AssessmentRequestStatus? target)
        {
            w = world;
            this.rng = rng;
            this.batch = batch;
            this.createdAt = createdAt;
            this.target = target;
            Authority = w.authorities[rng.PickWeighted(w.authorityWeights)];
            commissioner = rng.Pick(Authority.Commissioners);
            typeIndex = rng.PickWeighted(TypeWeights);
            type = w.types[typeIndex];

            string caseReference;
            string initials;
            if (Authority.RecentCases.Count > 0 && rng.Chance(0.1))
            {
                // A follow-on assessment of a family the authority asked about before (e.g. a viability, then Form C).
                (caseReference, initials, previousIsw) = rng.Pick(Authority.RecentCases);
            }
            else
            {
                CaseYear = createdAt.Year;
                NewCaseNumber = Authority.CaseNumbers.GetValueOrDefault(CaseYear) + 1;
                caseReference = $"{Authority.Prefix}-{CaseYear}-{NewCaseNumber:0000}";
                initials = Initials();
            }

            var forCourt = type.Code is "fostering" or "adoption" ? rng.Chance(0.08) : rng.Chance(0.93);
            var (court, courtCode) = rng.Pick(Vocabulary.Courts(Authority.Region));
            var courtCaseNumber = forCourt && rng.Chance(0.8) ? $"{courtCode}{createdAt:yy}C{rng.Between(10000, 99999)}" : null;
            var createdOn = Day(createdAt);
            // About one in five deadlines leaves less than the type's typical length: the plan is flagged at risk.
            var wanted = createdOn.AddDays(type.TypicalWeeks * 7 + rng.Between(-10, 55));
            if (wanted < createdOn.AddDays(14)) wanted = createdOn.AddDays(14);
            deadline = w.NextWorkingDay(wanted);
            var area = rng.Pick(Vocabulary.PostcodeAreas(Authority.Region));
            var language = rng.Chance(0.08) ? rng.Pick(Vocabulary.OtherLanguages) : null;
            var requirements = new List<string>();
            if (type.RequiredSkill is { } skill) requirements.Add(skill);
            if (type.Code == "specialist-risk") requirements.Add(rng.Chance(0.5) ? Domain.Panel.SpecialSkills.SexualHarmRisk : Domain.Panel.SpecialSkills.DomesticAbuse);
            if (forCourt && rng.Chance(0.04)) requirements.Add(Domain.Panel.SpecialSkills.CourtExpertWitness);
            if (language is not null && rng.Chance(0.3)) requirements.Add("Interpreter at every session");
            // Most requests set a budget of hours (about the type's typical hours); a few set none.
            int? budget = type.TypicalHoursLow is { } low && type.TypicalHoursHigh is { } high
                ? rng.Between(low, high)
                : (int)Math.Round(type.TypicalWeeks * 4 * rng.Normal(1.0, 0.15, 0.7, 1.4));
            if (rng.Chance(0.06)) budget = null;
            var notes = rng.Chance(0.25) ? RequestNote() : null;

            StoredFile? letter = null;
            if (rng.Chance(0.45))
            {
                letter = w.File(commissioner.Id, createdAt, $"Letter of instruction {caseReference.Replace('/', '-')}.pdf", rng);
                batch.StoredFiles.Add(letter);
            }

            var details = new RequestDetails(type.Id, caseReference, initials, Parties(), forCourt, forCourt ? court : null, courtCaseNumber,
                deadline, $"{area.Area}{rng.Between(1, area.Max)}", language, language is not null && rng.Chance(0.6), requirements,
                budget, notes, letter?.Id);
            Request = AssessmentRequest.CreateDraft(Authority.Id, details, commissioner.Id, createdAt).WithId(w.ids.At(createdAt));
            batch.Requests.Add(Request);
            if (letter is not null)
                Event(createdAt, commissioner, $"Letter of instruction uploaded: {letter.OriginalName}.");
        }

        private string Initials()
        {
            const string letters = "ABCDEFGHJKLMNPRSTW";
            return $"{letters[rng.Next(letters.Length)]}.{letters[rng.Next(letters.Length)]}.";
        }

        private string RequestNote() => rng.Pick<string>(
        [
            "Father is in custody; visits to be arranged through the prison.",
            "The family has had three previous assessments; see the chronology in the bundle.",
            "Mother's first language is not English; an interpreter may be needed for some sessions.",
            "The child is placed with foster carers out of area.",
            "The connected persons live in another region; travel will be needed.",
        ]);

        private List<RequestParty> Parties()
        {
            string[] roles = type.Code switch
            {
                "viability" or "connected-person" => [rng.Pick<string>(["Maternal grandmother", "Paternal grandmother", "Maternal aunt", "Paternal uncle", "Family friend"])],
                "special-guardianship" => rng.Chance(0.5) ? ["Special guardian applicant", "Second applicant"] : ["Special guardian applicant"],
                "fostering" => rng.Chance(0.6) ? ["Applicant foster carer", "Second applicant"] : ["Applicant foster carer"],
                "adoption" => rng.Chance(0.7) ? ["Prospective adopter", "Second prospective adopter"] : ["Prospective adopter"],
                "specialist-risk" => [rng.Pick<string>(["Father", "Mother's partner", "Mother"])],
                _ => rng.Chance(0.7) ? ["Mother", "Father"] : ["Mother"],
            };
            return [.. roles.Select(role => new RequestParty(role, Initials()))];
        }

        // ---- The story ----------------------------------------------------------------------------

        public void Live()
        {
            Draft();
            if (!halted) Match();
            if (!halted) Work();
            Finish();
        }

        /// <summary>True (and the story ends) when <paramref name="next"/> is not before now or the cancellation.</summary>
        private bool Halts(DateTime next)
        {
            if (next < Stop) return false;
            halted = true;
            return true;
        }

        private void Draft()
        {
            var draftSaved = rng.Chance(target == AssessmentRequestStatus.Draft ? 0.9 : 0.3);
            if (draftSaved)
            {
                Event(createdAt, commissioner, "Saved as a draft.");
                Audit(batch, createdAt, AuditActions.RequestDraftSaved, commissioner, nameof(AssessmentRequest), Request.Id, subjectAuthorityId: Authority.Id);
            }
            MaybeSignedIn(batch, commissioner, createdAt, rng);

            var submitAt = draftSaved ? MinutesLater(createdAt, 10, 3 * 24 * 60, rng) : createdAt;
            if (draftSaved && rng.Chance(0.012))
            {
                // Abandoned: some are cancelled later, the rest stay drafts.
                if (rng.Chance(0.4)) cancelAt = MinutesLater(createdAt, 24 * 60, 40 * 24 * 60, rng);
                Halts(DateTime.MaxValue);
                return;
            }
            if (Halts(submitAt)) return;

            var forCourt = Request.ForCourt;
            var plan = MilestonePlan.For(deadline, Day(submitAt), type.MilestoneOffsets, type.TypicalWeeks, w.calendar, type.Name,
                forCourt ? DeadlineKind.FilingDeadline : DeadlineKind.TargetDate);
            Request.Submit([.. plan.Milestones.Select(m => new PlannedMilestone(m.Name, m.Due))], plan.AtRisk, plan.ShortfallWorkingDays, submitAt);
            var what = $"Submitted. Milestones planned back from the {(forCourt ? "filing deadline" : "target date")}, {Show(deadline)}.";
            if (plan.RiskExplanation is { } risk) what += $" At risk: {risk}";
            Event(submitAt, commissioner, what);
            Audit(batch, submitAt, AuditActions.RequestSubmitted, commissioner, nameof(AssessmentRequest), Request.Id,
                plan.AtRisk ? $"at risk, {plan.ShortfallWorkingDays} working days short" : null, subjectAuthorityId: Authority.Id);

            // About one in twenty is cancelled before the report is released (a chance draw, at a random point).
            var cancelChance = target == AssessmentRequestStatus.Cancelled ? 1.0 : target is null ? 0.05 : 0.0;
            if (rng.Chance(cancelChance))
            {
                var until = deadline.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
                cancelAt = submitAt.AddMinutes(rng.Next((int)Math.Max(60, (until - submitAt).TotalMinutes)));
                cancelledBy = rng.Chance(0.8) ? Roles.Commissioner : Roles.PanelAdmin;
            }
            CommissionerViews(submitAt);
        }

        /// <summary>The commissioner looks at their request now and then.</summary>
        private void CommissionerViews(DateTime from)
        {
            for (var i = rng.PickWeighted([40, 45, 15]); i > 0; i--)
            {
                var at = from.AddMinutes(rng.Between(60, 60 * 24 * 60));
                if (at < w.now) Audit(batch, at, AuditActions.RequestViewed, commissioner, nameof(AssessmentRequest), Request.Id, subjectAuthorityId: Authority.Id);
            }
        }

        private void Event(DateTime at, Person? actor, string what) =>
            batch.RequestEvents.Add(RequestEvent.Record(Request.Id, at, actor?.Id, what));

        private void Finish()
        {
            Decide(DateTime.MaxValue);
            if (cancelAt < w.now && Request.Status.CanCancel() && halted)
            {
                var by = cancelledBy == Roles.Commissioner ? commissioner : rng.Pick(w.admins);
                var reason = Request.Status == AssessmentRequestStatus.Draft ? "The request is no longer needed." : rng.Pick(Vocabulary.CancelReasons);
                Request.Cancel(cancelAt);
                // RequestRetention.Cancelled: a cancelled request is kept two years (Retention:CancelledRequestYears).
                Request.SetRetention(Day(cancelAt), 2);
                foreach (var (offer, _) in offers) offer.Withdraw(cancelAt);
                assignment?.End("The request was cancelled.", cancelAt);
                Event(cancelAt, by, $"Cancelled: {reason}");
                Audit(batch, cancelAt, AuditActions.RequestCancelled, by, nameof(AssessmentRequest), Request.Id, reason, subjectAuthorityId: Authority.Id);
                EndLoad(cancelAt);
            }
            else if (assignedIsw is not null && loadStart != 0)
            {
                // Still in hand today: open-ended.
                Loads.Add((assignedIsw.Value, loadStart, long.MaxValue));
            }
        }

        private void EndLoad(DateTime at)
        {
            if (assignedIsw is null || loadStart == 0) return;
            Loads.Add((assignedIsw.Value, loadStart, at.Ticks));
            loadStart = 0;
        }
    }

    private StoredFile File(Guid uploadedBy, DateTime at, string name, SeededRandom rng) =>
        StoredFile.Record(null, uploadedBy, at, name, FileKind.Pdf, rng.Between(60_000, 2_400_000), ids.Hex(32),
            $"{at:yyyy}/{at:MM}/{ids.Token():N}").WithId(ids.At(at));
}
