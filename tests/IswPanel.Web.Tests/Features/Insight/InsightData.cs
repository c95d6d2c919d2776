using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Documents;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Insight;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>
/// A known data set for the insight figures, on top of the demo data (whose panel supplies the ISWs): two new
/// authorities, Aston (South West) with most of the activity in the first half of 2026, and Brook with a little,
/// distinguishable from it. Everything is made with the domain's factories at fixed instants; the expected values in
/// the tests are worked out by hand from the comments here.
/// <code>
/// Aston, period 2026-01-01 to 2026-06-30 (P). Rubric scores: "all n" = every active criterion scored n.
/// R1 viability, Chloe (isw9) £50/h, budget 10h, deadline 2 Mar. Submitted Mon 5 Jan, offer accepted Wed 7 Jan (2 WD).
///    Log 20 Jan home visit 180 + 60 travel, 10 miles; 10 Feb observation 240. v1 20 Feb 09:00 returned 23 Feb 09:00
///    (all 2, analysis 1; 1 WD, 72 h); v2 25 Feb 09:00 approved and released 26 Feb 09:00 (all 3; 1 WD, 24 h), on time.
///    Rated 5 Mar: quality 4, timeliness 5, communication 3.
/// R2 viability, Chloe £60/h, budget 5h, deadline Tue 31 Mar. Submitted Mon 2 Feb, accepted Mon 9 Feb (5 WD).
///    Log 3 Mar interview 300 + 60 travel (over budget, approved 10 Mar: counts); 20 Mar 60 (over budget, approved
///    15 Jul, after P: not counted in P). v1 1 Apr 09:00 approved, released 2 Apr 09:00 (all 4; 1 WD, 24 h), 2 WD late,
///    "Family unavailable". Rated 10 Apr: 3, 2, 5.
/// R3 fostering, Amara (isw1) £55/h, no budget, deadline 29 May. Submitted Mon 2 Mar; offers: Chloe declined 3 Mar
///    "Too far to travel", Ruth (isw5) declined 4 Mar "too far to travel", Sofia (isw3) lapsed 5 Mar, Imran (isw12)
///    withdrawn 6 Mar when Amara accepted Fri 6 Mar (4 WD). Log 14 Apr interview 120 + 30, 5.5 miles.
///    v1 20 May 09:00 approved, released 22 May 09:00 (all 3, analysis 4; 2 WD, 48 h), on time.
/// R4 fostering, Chloe £50/h, budget 20h, deadline Mon 1 Jun. Submitted Wed 1 Apr, accepted Thu 2 Apr (1 WD).
///    Log 12 May 90. v1 5 Jun 09:00 returned 8 Jun 09:00 (all 3, lived experience 1, analysis 2; 1 WD, 72 h);
///    v2 9 Jun 09:00 approved, released 10 Jun 09:00 (all 4; 1 WD, 24 h), 7 WD late, "family unavailable".
/// R5 viability, Chloe £50/h, budget 10h, deadline Tue 15 Dec. Submitted Wed 6 May, accepted Thu 7 May (1 WD);
///    in progress. Log 2 Jun 45; 7 Jul virtual session 60 (after P). Milestones: first visit 20 Nov, draft to QA 4 Dec,
///    QA complete 10 Dec, release 14 Dec.
/// R6 parenting, submitted 15 Jun, still submitted, deadline 1 Feb 2027 (at risk: 41 WD left, 60 needed).
/// R9 viability, submitted 27 Nov, offered to Chloe 30 Nov 09:00 (expires 2 Dec 09:00, open), deadline 22 Dec
///    (at risk: 15 WD left, 20 needed).
/// R11 viability, Peter (isw8) £75/h, submitted 2 Nov, accepted 3 Nov, in progress, no milestones, deadline 1 Mar 2027.
/// R12 viability, draft (not submitted).
/// Shadowing (Aston): Ann (ASYE) on R1's 20 Jan visit (180 min) and R3's 14 Apr interview (120); Ned (NQSW) on R1's
///    10 Feb observation (240) and R5's 7 Jul session (60, after P).
///
/// Brook: B1 viability, Chloe £40/h, budget 20h, deadline Mon 16 Mar. Submitted Tue 10 Feb, accepted Wed 11 Feb.
///    Log 2 Mar home visit 600. v1 18 Mar 09:00 approved, released 19 Mar 09:00 (all 1), 3 WD late, reason
///    =HYPERLINK("https://example.org","x"). Rated 25 Mar: 1, 1, 1. Shadowing: Sam (student) on the 2 Mar visit (600).
/// </code>
/// </summary>
internal static class InsightData
{
    public const string Aston = "Aston Borough Council";
    public const string Brook = "Brook District Council";
    public const string AstonCommissioner = "commissioner@aston.example.gov.uk";
    public const string BrookCommissioner = "commissioner@brook.example.gov.uk";
    public const string Injection = "=HYPERLINK(\"https://example.org\",\"x\")";

    public static readonly InsightPeriod Period = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));

    public sealed record World(Guid AstonId, Guid BrookId, Guid ChloeId, Guid PeterId, Guid R9OfferId, Guid R5Id);

    public static async Task<World> SeedAsync(IswPanelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = new Seeder(scope.ServiceProvider);
        return await seeder.RunAsync();
    }

    private static DateTime At(int month, int day, int hour = 9, int year = 2026) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static DateOnly On(int month, int day, int year = 2026) => new(year, month, day);

    private sealed class Seeder(IServiceProvider services)
    {
        private readonly AppDbContext db = services.GetRequiredService<AppDbContext>();
        private readonly UserManager<AppUser> users = services.GetRequiredService<UserManager<AppUser>>();
        private readonly DateOnly today = new(2026, 12, 1);
        private Dictionary<string, AssessmentType> types = [];
        private List<(Guid Id, string Name)> criteria = [];
        private Guid admin, qa;

        public async Task<World> RunAsync()
        {
            types = await db.AssessmentTypes.ToDictionaryAsync(t => t.Code);
            criteria = [.. (await db.RubricCriteria.Where(c => c.IsActive).OrderBy(c => c.DisplayOrder).Select(c => new { c.Id, c.Name }).ToListAsync())
                .Select(c => (c.Id, c.Name))];
            admin = await UserId(DemoUsers.Admin);
            qa = await UserId(DemoUsers.Qa);
            var chloe = await Isw(9);
            var amara = await Isw(1);
            var ruth = await Isw(5);
            var sofia = await Isw(3);
            var imran = await Isw(12);
            var peter = await Isw(8);

            var aston = Authority.Create(Aston, "E06000990", EnglishRegion.SouthWest, OfstedGrade.Good, On(3, 1, 2025), AuthorityContract.Default);
            var brook = Authority.Create(Brook, "E06000991", EnglishRegion.EastMidlands, OfstedGrade.Good, On(3, 1, 2025), AuthorityContract.Default);
            db.Authorities.AddRange(aston, brook);
            await db.SaveChangesAsync();
            var astonUser = await Commissioner(AstonCommissioner, "Alex Aston", aston.Id);
            var brookUser = await Commissioner(BrookCommissioner, "Bea Brook", brook.Id);

            // R1
            var r1 = Request(aston.Id, astonUser, "viability", "AST-1", On(3, 2), 10, At(1, 5, 10));
            var (r1Assignment, _) = Accept(r1, chloe, 50m, At(1, 5, 11), At(1, 7));
            var r1Visit = Log(r1, r1Assignment, chloe, On(1, 20), WorkKind.HomeVisit, 180, 60, 10m, 0);
            var r1Observation = Log(r1, r1Assignment, chloe, On(2, 10), WorkKind.Observation, 240, 0, 0m, 240);
            var r1v1 = await Version(r1, r1Assignment, chloe, 1, At(2, 20));
            Review(r1, r1v1, QaDecision.Return, At(2, 23), 1, all: 2, ("Analysis and reasoning", 1));
            var r1v2 = await Version(r1, r1Assignment, chloe, 2, At(2, 25));
            Review(r1, r1v2, QaDecision.Approve, At(2, 26), 1, all: 3);
            Release(r1, r1v2, 0, At(2, 26), null);
            Rate(r1, chloe, astonUser, 4, 5, 3, At(3, 5));

            // R2
            var r2 = Request(aston.Id, astonUser, "viability", "AST-2", On(3, 31), 5, At(2, 2));
            var (r2Assignment, _) = Accept(r2, chloe, 60m, At(2, 2, 11), At(2, 9));
            var r2Interview = Log(r2, r2Assignment, chloe, On(3, 3), WorkKind.Interview, 300, 60, 0m, 0);
            r2Interview.Approve(astonUser, At(3, 10));
            var r2Late = Log(r2, r2Assignment, chloe, On(3, 20), WorkKind.ReportWriting, 60, 0, 0m, 360);
            r2Late.Approve(astonUser, At(7, 15));
            var r2v1 = await Version(r2, r2Assignment, chloe, 1, At(4, 1));
            Review(r2, r2v1, QaDecision.Approve, At(4, 2), 1, all: 4);
            Release(r2, r2v1, 2, At(4, 2), "Family unavailable");
            Rate(r2, chloe, astonUser, 3, 2, 5, At(4, 10));

            // R3: two declines, a lapse, a withdrawal, then Amara accepts.
            var r3 = Request(aston.Id, astonUser, "fostering", "AST-3", On(5, 29), null, At(3, 2));
            r3.MarkOffered(At(3, 2, 11));
            var declined1 = Offer.Send(r3.Id, chloe, admin, At(3, 2, 11), 2, At(3, 4, 11), false);
            declined1.Decline("Too far to travel", At(3, 3));
            var declined2 = Offer.Send(r3.Id, ruth, admin, At(3, 2, 11), 2, At(3, 4, 11), false);
            declined2.Decline("too far to travel", At(3, 4));
            var lapsed = Offer.Send(r3.Id, sofia, admin, At(3, 2, 11), 2, At(3, 4, 11), false);
            lapsed.ExpireIfDue(At(3, 5));
            var withdrawn = Offer.Send(r3.Id, imran, admin, At(3, 4, 12), 2, At(3, 9, 12), false);
            db.Offers.AddRange(declined1, declined2, lapsed, withdrawn);
            var (r3Assignment, _) = Accept(r3, amara, 55m, At(3, 4, 12), At(3, 6));
            withdrawn.Withdraw(At(3, 6));
            var r3Interview = Log(r3, r3Assignment, amara, On(4, 14), WorkKind.Interview, 120, 30, 5.5m, 0);
            var r3v1 = await Version(r3, r3Assignment, amara, 1, At(5, 20));
            Review(r3, r3v1, QaDecision.Approve, At(5, 22), 2, all: 3, ("Analysis and reasoning", 4));
            Release(r3, r3v1, 0, At(5, 22), null);

            // R4
            var r4 = Request(aston.Id, astonUser, "fostering", "AST-4", On(6, 1), 20, At(4, 1));
            var (r4Assignment, _) = Accept(r4, chloe, 50m, At(4, 1, 11), At(4, 2));
            Log(r4, r4Assignment, chloe, On(5, 12), WorkKind.ReportWriting, 90, 0, 0m, 0);
            var r4v1 = await Version(r4, r4Assignment, chloe, 1, At(6, 5));
            Review(r4, r4v1, QaDecision.Return, At(6, 8), 1, all: 3, ("The child's lived experience", 1), ("Analysis and reasoning", 2));
            var r4v2 = await Version(r4, r4Assignment, chloe, 2, At(6, 9));
            Review(r4, r4v2, QaDecision.Approve, At(6, 10), 1, all: 4);
            Release(r4, r4v2, 7, At(6, 10), "family unavailable");

            // R5: in progress, with milestones ahead.
            var r5 = Request(aston.Id, astonUser, "viability", "AST-5", On(12, 15), 10, At(5, 6),
                [new(MilestoneNames.AllocateBy, On(11, 2)), new(MilestoneNames.FirstVisitBy, On(11, 20)), new(MilestoneNames.DraftToQaBy, On(12, 4)),
                    new(MilestoneNames.QaCompleteBy, On(12, 10)), new(MilestoneNames.ReleaseBy, On(12, 14))]);
            var (r5Assignment, _) = Accept(r5, chloe, 50m, At(5, 6, 11), At(5, 7));
            Log(r5, r5Assignment, chloe, On(6, 2), WorkKind.ReportWriting, 45, 0, 0m, 0);
            var r5Session = Log(r5, r5Assignment, chloe, On(7, 7), WorkKind.Virtual, 60, 0, 0m, 45);

            // R6, R9, R11, R12
            Request(aston.Id, astonUser, "parenting", "AST-6", On(2, 1, 2027), null, At(6, 15));
            var r9 = Request(aston.Id, astonUser, "viability", "AST-9", On(12, 22), null, At(11, 27));
            r9.MarkOffered(At(11, 30));
            var waiting = Offer.Send(r9.Id, chloe, admin, At(11, 30), 2, At(12, 2), false);
            db.Offers.Add(waiting);
            var r11 = Request(aston.Id, astonUser, "viability", "AST-11", On(3, 1, 2027), null, At(11, 2));
            Accept(r11, peter, 75m, At(11, 2, 11), At(11, 3));
            var draft = AssessmentRequest.CreateDraft(aston.Id, Details("viability", "AST-12", On(3, 1, 2027), null), astonUser, At(11, 20));
            db.AssessmentRequests.Add(draft);

            // Brook
            var b1 = Request(brook.Id, brookUser, "viability", "BRK-1", On(3, 16), 20, At(2, 10));
            var (b1Assignment, _) = Accept(b1, chloe, 40m, At(2, 10, 11), At(2, 11));
            var b1Visit = Log(b1, b1Assignment, chloe, On(3, 2), WorkKind.HomeVisit, 600, 0, 0m, 0);
            var b1v1 = await Version(b1, b1Assignment, chloe, 1, At(3, 18));
            Review(b1, b1v1, QaDecision.Approve, At(3, 19), 1, all: 1);
            Release(b1, b1v1, 3, At(3, 19), Injection);
            Rate(b1, chloe, brookUser, 1, 1, 1, At(3, 25));
            await db.SaveChangesAsync();

            // Shadowing
            var ann = await ShadowerAsync(aston.Id, astonUser, "Ann Asye", ShadowerRole.Asye, "ann@aston.example.gov.uk");
            var ned = await ShadowerAsync(aston.Id, astonUser, "Ned Nqsw", ShadowerRole.Nqsw, "ned@aston.example.gov.uk");
            var sam = await ShadowerAsync(brook.Id, brookUser, "Sam Student", ShadowerRole.Student, "sam@brook.example.gov.uk");
            Shadow(ann, r1, r1Assignment, chloe, r1Visit, astonUser);
            Shadow(ann, r3, r3Assignment, amara, r3Interview, astonUser);
            var nedOnR1 = Shadow(ned, r1, r1Assignment, chloe, r1Observation, astonUser);
            Shadow(ned, r5, r5Assignment, chloe, r5Session, astonUser);
            Shadow(sam, b1, b1Assignment, chloe, b1Visit, brookUser);
            _ = nedOnR1;
            await db.SaveChangesAsync();
            return new World(aston.Id, brook.Id, chloe, peter, waiting.Id, r5.Id);
        }

        private async Task<Guid> UserId(string email) => await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

        private async Task<Guid> Isw(int number)
        {
            var userId = await UserId(DemoUsers.Isw(number));
            return await db.IswProfiles.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync();
        }

        private async Task<Guid> Commissioner(string email, string name, Guid authorityId)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AuthorityId = authorityId, CreatedAt = At(1, 1) };
            Check(await users.CreateAsync(user, DemoUsers.Password));
            Check(await users.AddToRoleAsync(user, Roles.Commissioner));
            return user.Id;
        }

        private async Task<Shadower> ShadowerAsync(Guid authorityId, Guid recordedBy, string name, ShadowerRole role, string email)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AuthorityId = authorityId, CreatedAt = At(1, 1) };
            Check(await users.CreateAsync(user));
            var shadower = Shadower.Record(authorityId, user.Id, name, role, email, null, On(1, 2), At(1, 2), recordedBy);
            db.Shadowers.Add(shadower);
            return shadower;
        }

        private ShadowedSession Shadow(Shadower shadower, AssessmentRequest request, Assignment assignment, Guid isw, WorkLogEntry entry, Guid commissioner)
        {
            var nomination = ShadowingNomination.Nominate(shadower, request.AuthorityId, request.Id, assignment.Id, isw, "Direct work with families.",
                At(1, 3), commissioner);
            nomination.Accept(At(1, 4));
            nomination.RecordConsent(true, On(1, 5), today, At(1, 5));
            var session = ShadowedSession.Attend(nomination, shadower.Role, entry.Id, entry.Date, entry.DurationMinutes, entry.IsSession, [], ShadowingCap.Default, At(1, 6));
            db.ShadowingNominations.Add(nomination);
            db.ShadowedSessions.Add(session);
            return session;
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        private RequestDetails Details(string type, string reference, DateOnly deadline, int? budget) =>
            new(types[type].Id, reference, "X.Y.", [new RequestParty("Mother", "Z.Y.")], true, "Family Court", "ZZ26C00001", deadline, "BS1",
                null, false, [], budget, null, null);

        private AssessmentRequest Request(Guid authorityId, Guid commissioner, string type, string reference, DateOnly deadline, int? budget,
            DateTime submitted, IReadOnlyList<PlannedMilestone>? milestones = null)
        {
            var request = AssessmentRequest.CreateDraft(authorityId, Details(type, reference, deadline, budget), commissioner, submitted.AddHours(-1));
            request.Submit(milestones ?? [], false, 0, submitted);
            db.AssessmentRequests.Add(request);
            return request;
        }

        private (Assignment, Offer) Accept(AssessmentRequest request, Guid isw, decimal rate, DateTime sent, DateTime accepted)
        {
            request.MarkOffered(sent);
            var offer = Offer.Send(request.Id, isw, admin, sent, 2, accepted.AddDays(10), false);
            offer.Accept(accepted);
            var assignment = Assignment.FromAcceptedOffer(offer, accepted, rate);
            request.Assign(isw, accepted);
            request.StartWork(accepted);
            db.Offers.Add(offer);
            db.Assignments.Add(assignment);
            return (assignment, offer);
        }

        private WorkLogEntry Log(AssessmentRequest request, Assignment assignment, Guid isw, DateOnly date, WorkKind kind, int minutes, int travel,
            decimal miles, int countedSoFar)
        {
            var entry = WorkLogEntry.Log(request.Id, assignment.Id, isw, date, kind, minutes, null, travel, miles, null, today,
                date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), countedSoFar, request.BudgetHours);
            db.WorkLogEntries.Add(entry);
            return entry;
        }

        private async Task<ReportVersion> Version(AssessmentRequest request, Assignment assignment, Guid isw, int number, DateTime at)
        {
            var iswUser = await db.IswProfiles.Where(p => p.Id == isw).Select(p => p.UserId).SingleAsync();
            var file = StoredFile.Record(iswUser, iswUser, at, $"report-v{number}.pdf", FileKind.Pdf, 100, new string('0', 64), $"insight/{Guid.NewGuid():N}");
            db.StoredFiles.Add(file);
            var version = ReportVersion.Submit(request.Id, assignment.Id, isw, number, file.Id, null, iswUser, at);
            db.ReportVersions.Add(version);
            if (request.Status != AssessmentRequestStatus.InQa) request.SendToQa(at);
            return version;
        }

        private void Review(AssessmentRequest request, ReportVersion version, QaDecision decision, DateTime at, int turnaroundWorkingDays, int all,
            params (string Criterion, int Score)[] except)
        {
            var scores = criteria.Select(c => new RubricScore(c.Id, c.Name,
                except.Where(e => e.Criterion == c.Name).Select(e => (int?)e.Score).SingleOrDefault() ?? all, null)).ToList();
            db.QaReviews.Add(QaReview.Record(version, qa, false, decision, decision == QaDecision.Return ? "More analysis." : null, scores, at,
                turnaroundWorkingDays));
            if (decision == QaDecision.Return)
            {
                version.Return(at);
                request.ReturnFromQa(at);
            }
            else
            {
                version.Approve(at);
            }
        }

        private static void Release(AssessmentRequest request, ReportVersion version, int workingDaysLate, DateTime at, string? reason)
        {
            if (reason is not null) request.RecordLateReason(reason, version.SubmittedAt);
            version.Release(at);
            request.Release(version.Id, workingDaysLate, at);
        }

        private void Rate(AssessmentRequest request, Guid isw, Guid commissioner, int quality, int timeliness, int communication, DateTime at)
        {
            db.AssessmentFeedback.Add(AssessmentFeedback.Give(request.Id, isw, quality, timeliness, communication, null, commissioner, at));
            request.Close(at);
        }
    }
}
