using IswPanel.Domain.Assessments;
using IswPanel.Domain.Work;

namespace IswPanel.DataGenerator.Generation;

internal sealed partial class ScaleWorld
{
    private sealed partial class RequestRun
    {
        private readonly List<(WorkLogEntry Entry, DateTime DecideAt)> awaiting = [];
        private readonly List<WorkLogEntry> sessions = [];
        private int counted;
        private bool started;

        private sealed record Planned(DateOnly Date, WorkKind Kind, int Minutes, int Travel, decimal Miles, string? WhoSeen, string? Notes);

        /// <summary>The ISW's log, then report versions through QA until one is approved and released, then the rating.</summary>
        private void Work()
        {
            var isw = w.isws[assignedIsw!.Value];
            var quality = isw.Quality;
            var startDay = w.calendar.AddWorkingDays(Day(workFrom), rng.Between(1, 6));
            var draftDue = Request.Milestones.First(m => m.Name == MilestoneNames.DraftToQaBy).Due;
            // Strong ISWs tend to send their draft early, weaker ones late.
            var shift = (int)Math.Round(rng.Normal((0.6 - quality) * 12, 4, -8, 22));
            var firstDraft = w.calendar.AddWorkingDays(draftDue, shift);
            var earliest = w.calendar.AddWorkingDays(startDay, Math.Max(5, type.TypicalWeeks * 5 / 3));
            if (firstDraft < earliest) firstDraft = earliest;

            var budget = (Request.BudgetHours ?? type.TypicalWeeks * 4) * 60;
            // Most stay inside the budget; about one in twelve runs over it (those hours wait for the commissioner).
            var target = budget * (rng.Chance(0.08) ? rng.Normal(1.2, 0.08, 1.05, 1.45) : rng.Normal(0.8, 0.08, 0.6, 0.92));
            var plan = PlanLog(startDay, firstDraft, target);
            MaybeNominateShadower(isw, plan[0].Date);
            CaseViews(isw);
            foreach (var entry in plan)
                if (!Log(entry, isw)) break;
            // The practitioner's sessions so far, whether or not the story goes on.
            AttendShadowedSessions(isw);
            if (halted) return;

            var at = Afternoon(firstDraft);
            for (var number = 1; ; number++)
            {
                Decide(at);
                if (Halts(at)) return;
                var version = Submit(isw, number, at);
                var reviewAt = w.WorkingDaysLater(at, 0, 4, rng);
                if (Halts(reviewAt)) return;
                if (Review(isw, version, number, at, reviewAt))
                {
                    EndLoad(reviewAt);
                    RateAndClose(isw, reviewAt);
                    return;
                }

                // Returned: more writing, then the next version.
                var next = w.WorkingDaysLater(reviewAt, 2, 8, rng);
                var rewrites = rng.Between(1, 2);
                for (var i = 0; i < rewrites; i++)
                {
                    var day = w.calendar.AddWorkingDays(Day(reviewAt), 1 + i);
                    if (day >= Day(next)) break;
                    if (!Log(new Planned(day, WorkKind.ReportWriting, 15 * rng.Between(6, 20), 0, 0m, null, "Revisions after QA."), isw)) return;
                }
                at = next;
            }
        }

        private DateTime Afternoon(DateOnly day) => day.ToDateTime(new TimeOnly(13, 0), DateTimeKind.Utc).AddMinutes(rng.Next(5 * 60));

        /// <summary>Preparation, sessions with the family over the first four-fifths of the time, then writing up.</summary>
        private List<Planned> PlanLog(DateOnly startDay, DateOnly firstDraft, double targetMinutes)
        {
            var days = Math.Max(5, w.calendar.WorkingDaysBetween(startDay, firstDraft));
            var child = $"child ({Request.ChildInitials})";
            var people = Request.Parties.Select(p => $"{p.Role} ({p.Initials})").ToList();
            var planned = new List<Planned> { new(startDay, WorkKind.Preparation, 15 * rng.Between(6, 16), 0, 0m, null, "Read the bundle and the letter of instruction.") };
            var total = (double)planned[0].Minutes;

            var sessionBudget = targetMinutes * 0.72;
            var sessionDays = new List<DateOnly>();
            while (total < sessionBudget)
            {
                var kind = (WorkKind)rng.PickWeighted([35, 15, 20, 12, 0, 0, 5]);
                var minutes = 15 * rng.Between(4, 12);
                var inPerson = kind is not (WorkKind.Virtual or WorkKind.Other);
                var travel = inPerson ? 5 * rng.Between(3, 18) : 0;
                var miles = inPerson ? Math.Round((decimal)(travel * rng.Normal(0.45, 0.1, 0.2, 0.8)), 1) : 0m;
                var seen = kind == WorkKind.Other
                    ? rng.Pick<string>(["Health visitor (professional)", "School designated safeguarding lead (professional)", "Allocated social worker (professional)"])
                    : rng.Chance(0.6) ? $"{rng.Pick(people)}, {child}" : rng.Pick(people);
                var day = w.calendar.AddWorkingDays(startDay, 1 + rng.Next(Math.Max(1, (int)(days * 0.8))));
                sessionDays.Add(day);
                planned.Add(new Planned(day, kind, minutes, travel, miles, seen, rng.Chance(0.3) ? rng.Pick(Vocabulary.SessionNotes) : null));
                total += minutes + travel;
            }

            while (total < targetMinutes)
            {
                var minutes = 15 * rng.Between(8, 28);
                var day = w.calendar.AddWorkingDays(startDay, Math.Min(days, (int)(days * 0.8) + rng.Next(Math.Max(1, days / 5))));
                planned.Add(new Planned(day, WorkKind.ReportWriting, minutes, 0, 0m, null, rng.Chance(0.4) ? "Analysis and first draft." : null));
                total += minutes;
            }

            planned.Sort((a, b) => a.Date.CompareTo(b.Date));
            return planned;
        }

        private bool Log(Planned planned, IswState isw)
        {
            var loggedAt = rng.Chance(0.8) ? Evening(planned.Date, rng) : WorkTime(w.calendar.AddWorkingDays(planned.Date, 1), rng);
            Decide(loggedAt);
            if (Halts(loggedAt)) return false;
            var entry = WorkLogEntry.Log(Request.Id, assignment!.Id, isw.Id, planned.Date, planned.Kind, planned.Minutes, planned.WhoSeen,
                planned.Travel, planned.Miles, planned.Notes, Day(loggedAt), loggedAt, counted, Request.BudgetHours).WithId(w.ids.At(loggedAt));
            batch.WorkLogEntries.Add(entry);
            if (!started)
            {
                Request.StartWork(loggedAt);
                Event(loggedAt, isw.Account, "Work started: the first session was logged.");
                started = true;
            }

            if (entry.Approval == HoursApproval.AwaitingApproval)
            {
                Event(loggedAt, isw.Account, $"{Hours(entry.TotalMinutes)} logged beyond the budget of {Request.BudgetHours} hours: waiting for the commissioner's approval.");
                awaiting.Add((entry, w.WorkingDaysLater(loggedAt, 1, 6, rng)));
            }
            else counted += entry.TotalMinutes;

            if (entry.Kind is WorkKind.HomeVisit or WorkKind.Observation or WorkKind.Interview or WorkKind.Virtual) sessions.Add(entry);
            Audit(batch, loggedAt, AuditActions.WorkLogged, isw.Account, nameof(WorkLogEntry), entry.Id,
                $"{entry.Kind}, {entry.DurationMinutes + entry.TravelMinutes} minutes, {entry.Approval}");
            MaybeSignedIn(batch, isw.Account, loggedAt, rng, 0.12);
            return true;
        }

        /// <summary>The commissioner decides hours beyond the budget a few days after they are logged (mostly agreeing).</summary>
        private void Decide(DateTime until)
        {
            for (var i = 0; i < awaiting.Count; i++)
            {
                var (entry, decideAt) = awaiting[i];
                if (decideAt >= until || decideAt >= Stop) continue;
                var hours = Hours(entry.DurationMinutes + entry.TravelMinutes);
                var logged = Show(entry.Date);
                if (rng.Chance(0.75))
                {
                    entry.Approve(commissioner.Id, decideAt);
                    counted += entry.DurationMinutes + entry.TravelMinutes;
                    Event(decideAt, commissioner, $"Hours beyond the budget approved: {hours} logged for {logged}.");
                    Audit(batch, decideAt, AuditActions.HoursApproved, commissioner, nameof(WorkLogEntry), entry.Id, $"{hours} for {logged}",
                        subjectAuthorityId: Authority.Id);
                }
                else
                {
                    const string note = "Not agreed in advance: please ask before adding sessions beyond the budget.";
                    entry.Refuse(commissioner.Id, decideAt, note);
                    Event(decideAt, commissioner, $"Hours beyond the budget refused: {hours} logged for {logged}. Reason: {note}");
                    Audit(batch, decideAt, AuditActions.HoursRefused, commissioner, nameof(WorkLogEntry), entry.Id, $"{hours} for {logged}",
                        subjectAuthorityId: Authority.Id);
                }
                awaiting.RemoveAt(i--);
            }
        }

        private void CaseViews(IswState isw)
        {
            for (var i = rng.Between(0, 2); i > 0; i--)
            {
                var at = workFrom.AddMinutes(rng.Between(30, 40 * 24 * 60));
                if (at < Stop) Audit(batch, at, AuditActions.RequestViewed, isw.Account, nameof(AssessmentRequest), Request.Id, "case page", Authority.Id);
            }
        }

        private ReportVersion Submit(IswState isw, int number, DateTime at)
        {
            var file = w.File(isw.Account.Id, at, $"{Request.CaseReference.Replace('/', '-')} report v{number}.pdf", rng);
            batch.StoredFiles.Add(file);
            var note = number == 1 ? (rng.Chance(0.4) ? "First full draft." : null) : "Revised as QA asked: see the changes to the analysis.";
            var version = ReportVersion.Submit(Request.Id, assignment!.Id, isw.Id, number, file.Id, note, isw.Account.Id, at).WithId(w.ids.At(at));
            batch.ReportVersions.Add(version);
            Request.SendToQa(at);
            if (Day(at) > deadline && Request.LateReason is null && rng.Chance(0.7)) Request.RecordLateReason(rng.Pick(Vocabulary.LateReasons), at);
            Event(at, isw.Account, $"Report version {number} submitted to QA ({file.OriginalName}).");
            Audit(batch, at, AuditActions.ReportVersionSubmitted, isw.Account, nameof(ReportVersion), version.Id, $"version {number}", Authority.Id);
            return version;
        }

        /// <summary>QA scores every criterion and approves (then the report is released) or returns it. True when released.</summary>
        private bool Review(IswState isw, ReportVersion version, int number, DateTime submittedAt, DateTime at)
        {
            var reviewer = rng.Pick(w.reviewers);
            var opened = at.AddMinutes(-rng.Between(20, 180));
            Audit(batch, opened > submittedAt ? opened : submittedAt.AddMinutes(5), AuditActions.RequestViewed, reviewer, nameof(AssessmentRequest),
                Request.Id, "QA review page", Authority.Id);
            var quality = isw.Quality;
            var approve = number >= 3 || rng.Chance(number == 1 ? 0.35 + 0.5 * quality : 0.75 + 0.2 * quality);
            var scores = w.rubric.Select(c => new RubricScore(c.Id, c.Name,
                (int)Math.Round(rng.Normal(1.7 + 2.2 * quality + (approve ? 0.4 : -0.5), 0.6, 1, 4)),
                rng.Chance(0.2) ? rng.Pick(Vocabulary.ScoreComments) : null)).ToList();
            var review = QaReview.Record(version, reviewer.Id, reviewerIsAuthor: false, approve ? QaDecision.Approve : QaDecision.Return,
                rng.Pick(approve ? Vocabulary.ApproveSummaries : Vocabulary.ReturnSummaries), scores, at,
                Math.Max(0, w.calendar.WorkingDaysBetween(Day(submittedAt), Day(at)))).WithId(w.ids.At(at));
            batch.QaReviews.Add(review);

            if (!approve)
            {
                version.Return(at);
                Request.ReturnFromQa(at);
                Event(at, reviewer, $"Report version {number} returned by QA to the social worker.");
                Audit(batch, at, AuditActions.ReportReturned, reviewer, nameof(ReportVersion), version.Id, $"version {number}");
                return false;
            }

            version.Approve(at);
            version.Release(at);
            var late = Day(at) > deadline ? w.calendar.WorkingDaysBetween(deadline, Day(at)) : 0;
            Request.Release(version.Id, late, at);
            Event(at, reviewer, $"Report version {number} approved by QA and released to the authority{(late > 0 ? $", {(late == 1 ? "1 working day" : $"{late} working days")} late" : "")}.");
            Audit(batch, at, AuditActions.ReportApproved, reviewer, nameof(ReportVersion), version.Id, $"version {number}: approval 1 of 1");
            Audit(batch, at, AuditActions.ReportReleased, reviewer, nameof(AssessmentRequest), Request.Id, $"version {number}; {late} working days late");
            return true;
        }

        /// <summary>Most authorities rate the work within three weeks of release, which closes the request.</summary>
        private void RateAndClose(IswState isw, DateTime releasedAt)
        {
            if (Request.ReleasedAt is not null)
            {
                var read = MinutesLater(releasedAt, 30, 5 * 24 * 60, rng);
                if (read < w.now)
                    Audit(batch, read, AuditActions.ReportDownloaded, commissioner, nameof(ReportVersion), Request.ReleasedReportVersionId, null, Authority.Id);
            }
            // A few authorities never rate: those requests stay delivered.
            if (!rng.Chance(0.96)) return;
            var at = w.WorkingDaysLater(releasedAt, 1, 15, rng);
            if (at >= w.now) return;

            var quality = isw.Quality;
            var late = Request.WorkingDaysLate ?? 0;
            var qualityRating = (int)Math.Round(rng.Normal(1.8 + 3.0 * quality, 0.7, 1, 5));
            var timeliness = (int)Math.Round(late == 0 ? rng.Normal(4.4, 0.6, 1, 5) : rng.Normal(3.4 - Math.Min(2.2, late / 4.0), 0.7, 1, 5));
            var communication = (int)Math.Round(rng.Normal(2.6 + 2.0 * quality, 0.7, 1, 5));
            var feedback = AssessmentFeedback.Give(Request.Id, isw.Id, qualityRating, timeliness, communication,
                rng.Chance(0.4) ? rng.Pick(Vocabulary.FeedbackComments) : null, commissioner.Id, at).WithId(w.ids.At(at));
            batch.Feedback.Add(feedback);
            Request.Close(at);
            Request.SetRetention(Day(at), type.RetentionYears);
            Event(at, commissioner, "The authority rated the assessment; the request is closed.");
            Audit(batch, at, AuditActions.FeedbackGiven, commissioner, nameof(AssessmentRequest), Request.Id,
                $"quality {qualityRating}, timeliness {timeliness}, communication {communication}");
            MaybeSignedIn(batch, commissioner, at, rng);
        }
    }
}
