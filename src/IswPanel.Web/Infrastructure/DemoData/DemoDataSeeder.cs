using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Authorities;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Common;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.DemoData;

/// <summary>
/// Fictional authorities, staff and twelve ISWs chosen so that every rule has something to show:
/// one ISW with 4 years' PQE, one whose DBS expires within 30 days, one who left Northshire's
/// permanent staff 5 months ago. Dates are relative to today so the demo never goes stale.
/// Runs in Development only, once (it does nothing if the demo administrator exists).
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, UserManager<AppUser> users, IClock clock, WorkingDayCalendar calendar,
    Features.Requests.MilestonePlanner planner, Files.IFileStore files)
{
    private DateOnly today;
    private DateTime now;
    private int sequence;
    private Guid adminUserId;

    public async Task SeedAsync()
    {
        if (await users.FindByEmailAsync(DemoAccounts.Admin) is not null) return;
        today = clock.Today;
        now = clock.UtcNow;

        var northshire = Authority.Create("Northshire County Council", "E10000901", EnglishRegion.NorthWest,
            OfstedGrade.RequiresImprovement, today.AddMonths(-14),
            AuthorityContract.Create(12, waiversAllowed: false, commissionerApprovesIsw: true));
        var southborough = Authority.Create("Southborough City Council", "E06000901", EnglishRegion.SouthEast,
            OfstedGrade.Good, today.AddMonths(-26),
            AuthorityContract.Create(12, waiversAllowed: true, commissionerApprovesIsw: false));
        db.Authorities.AddRange(northshire, southborough);
        await db.SaveChangesAsync();

        var admin = await CreateUserAsync(DemoAccounts.Admin, "Priya Shah", Roles.PanelAdmin);
        adminUserId = admin.Id;
        await CreateUserAsync(DemoAccounts.Qa, "Tom Okafor", Roles.QaReviewer);
        var northshireCommissioner = await CreateUserAsync(DemoAccounts.NorthshireCommissioner, "Helen Carter", Roles.Commissioner, northshire.Id);
        var southboroughCommissioner = await CreateUserAsync(DemoAccounts.SouthboroughCommissioner, "Marcus Reid", Roles.Commissioner, southborough.Id);

        IReadOnlyList<ClientAuthorityTerms> clients = [ClientAuthorityTerms.From(northshire), ClientAuthorityTerms.From(southborough)];
        var isws = new List<IswProfile>();
        foreach (var seed in IswSeeds(northshire.Id, southborough.Id))
            isws.Add(await CreateIswAsync(seed, admin.Id, clients));
        await db.SaveChangesAsync();

        var types = await db.AssessmentTypes.ToDictionaryAsync(t => t.Code);
        await PrepareDemoWorkAsync();
        SeedRequests(northshire.Id, northshireCommissioner.Id, southborough.Id, southboroughCommissioner.Id, types, isws);
        await SaveDemoReportFilesAsync();
        await db.SaveChangesAsync();
        await SeedShadowingAsync(northshire.Id, northshireCommissioner.Id);
        await AddSeniorIswAsQaReviewerAsync();
    }

    /// <summary>
    /// Peter Lindqvist (isw8), a senior ISW, also reviews reports for QA: one person with both roles, so the rule that
    /// reviewers never review their own work (SB/26/0322 is his) can be tried out.
    /// </summary>
    private async Task AddSeniorIswAsQaReviewerAsync()
    {
        var user = await users.FindByEmailAsync(DemoAccounts.SeniorIswAndQa)
            ?? throw new InvalidOperationException($"Demo user {DemoAccounts.SeniorIswAndQa} is missing.");
        Check(await users.AddToRoleAsync(user, Roles.QaReviewer), DemoAccounts.SeniorIswAndQa);
    }

    private async Task<AppUser> CreateUserAsync(string email, string name, string role, Guid? authorityId = null)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            AuthorityId = authorityId,
            CreatedAt = now,
        };
        Check(await users.CreateAsync(user, DemoAccounts.Password), email);
        Check(await users.AddToRoleAsync(user, role), email);
        return user;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private sealed record IswSeed(int Number, string Name, double PqeYears, SocialWorkBackground Background,
        PanelMemberStatus Status, string[] Types, string[] Skills, EnglishRegion[] Regions, string[] Languages,
        string District, int Radius, int Capacity, decimal Rate, int DbsDaysLeft, bool DbsOnUpdateService,
        (Guid? AuthorityId, string Employer, string Role, EmploymentKind Kind, int StartMonthsAgo, int? EndMonthsAgo)[] History);

    private static IEnumerable<IswSeed> IswSeeds(Guid northshire, Guid southborough)
    {
        string[] family = ["parenting", "viability", "connected-person", "special-guardianship"];
        yield return new(1, "Amara Okonkwo", 14.2, SocialWorkBackground.LocalAuthorityAndCafcass, PanelMemberStatus.Active,
            [.. family, "parenting-pams", "discharge"], [AssessmentTypeCatalogue.PamsTrained], [EnglishRegion.NorthWest, EnglishRegion.NorthEast],
            ["English", "Igbo"], "M14", 40, 4, 62.50m, 300, true,
            [(null, "Cafcass", "Family court adviser", EmploymentKind.Permanent, 150, 60)]);
        yield return new(2, "David Whitfield", 22.7, SocialWorkBackground.LocalAuthority, PanelMemberStatus.Active,
            [.. family, "specialist-risk"], ["Sexual harm risk (AIM3)", "Domestic abuse (SafeLives)"], [EnglishRegion.NorthWest, EnglishRegion.YorkshireAndTheHumber],
            ["English"], "LS6", 60, 4, 70m, 200, true,
            [(southborough, "Southborough City Council", "Team manager", EmploymentKind.Permanent, 200, 70)]);
        yield return new(3, "Sofia Kowalska", 9.4, SocialWorkBackground.LocalAuthority, PanelMemberStatus.Active,
            ["parenting", "viability", "fostering", "adoption"], [], [EnglishRegion.SouthEast, EnglishRegion.London],
            ["English", "Polish"], "RH1", 35, 3, 55m, 500, false,
            [(null, "Surrey Heath Fostering Service", "Supervising social worker", EmploymentKind.Permanent, 100, 24)]);
        yield return new(4, "James Allen", 4.2, SocialWorkBackground.LocalAuthority, PanelMemberStatus.UnderReview,
            ["parenting", "viability"], [], [EnglishRegion.SouthEast], ["English"], "BN1", 25, 4, 48m, 700, false,
            [(null, "Brighton Children's Services", "Social worker", EmploymentKind.Permanent, 50, 2)]);
        yield return new(5, "Ruth Mensah", 17.9, SocialWorkBackground.Cafcass, PanelMemberStatus.Active,
            ["special-guardianship", "connected-person", "discharge", "viability"], [], [EnglishRegion.London, EnglishRegion.SouthEast],
            ["English", "Twi"], "SE15", 20, 4, 65m, 20, false,
            [(null, "Cafcass", "Children's guardian", EmploymentKind.Permanent, 210, 36)]);
        yield return new(6, "Gareth Price", 11.3, SocialWorkBackground.LocalAuthority, PanelMemberStatus.UnderReview,
            [.. family], [], [EnglishRegion.NorthWest], ["English", "Welsh"], "CH1", 50, 4, 58m, 900, false,
            [(northshire, "Northshire County Council", "Senior practitioner", EmploymentKind.Permanent, 96, 5)]);
        yield return new(7, "Nadia Rahman", 8.1, SocialWorkBackground.LocalAuthority, PanelMemberStatus.Active,
            ["parenting", "parenting-pams", "viability"], [AssessmentTypeCatalogue.PamsTrained], [EnglishRegion.NorthWest, EnglishRegion.WestMidlands],
            ["English", "Urdu", "Punjabi"], "BB1", 45, 4, 57.50m, 400, true,
            [(northshire, "Northshire County Council", "Locum social worker", EmploymentKind.AgencyOrLocum, 30, 10)]);
        yield return new(8, "Peter Lindqvist", 25.4, SocialWorkBackground.LocalAuthorityAndCafcass, PanelMemberStatus.Active,
            ["specialist-risk", "parenting", "discharge"], ["Sexual harm risk (AIM3)"], [EnglishRegion.NorthEast, EnglishRegion.YorkshireAndTheHumber],
            ["English", "Swedish"], "NE2", 70, 2, 75m, 250, true,
            [(null, "NSPCC", "Consultant social worker", EmploymentKind.Permanent, 280, 96)]);
        yield return new(9, "Chloe Bennett", 6.0, SocialWorkBackground.LocalAuthority, PanelMemberStatus.Active,
            ["fostering", "adoption", "viability"], [], [EnglishRegion.SouthEast, EnglishRegion.SouthWest],
            ["English", "British Sign Language"], "GU1", 40, 4, 52m, 800, false,
            [(null, "Hampshire Adoption Agency", "Adoption social worker", EmploymentKind.Permanent, 70, 14)]);
        yield return new(10, "Olu Adeyemi", 12.6, SocialWorkBackground.Cafcass, PanelMemberStatus.Active,
            ["special-guardianship", "connected-person", "parenting"], [], [EnglishRegion.London],
            ["English", "Yoruba"], "N16", 15, 4, 64m, 150, true,
            [(null, "Cafcass", "Family court adviser", EmploymentKind.Permanent, 140, 30)]);
        yield return new(11, "Margaret Hughes", 19.2, SocialWorkBackground.LocalAuthority, PanelMemberStatus.Suspended,
            [.. family, "fostering"], [], [EnglishRegion.NorthWest], ["English"], "PR1", 30, 4, 60m, -12, false,
            [(null, "Lancashire Children's Services", "Team manager", EmploymentKind.Permanent, 220, 40)]);
        yield return new(12, "Imran Chaudhry", 7.5, SocialWorkBackground.LocalAuthority, PanelMemberStatus.Active,
            ["parenting", "viability", "discharge"], [], [EnglishRegion.WestMidlands, EnglishRegion.NorthWest],
            ["English", "Urdu"], "B12", 35, 5, 54m, 600, false,
            [(southborough, "Southborough City Council", "Social worker", EmploymentKind.Permanent, 60, 20)]);
    }

    /// <summary>
    /// A panel member whose evidence an administrator has checked, so that the vetting rules decide their
    /// status: the active ones pass every check, the two under review each fail one (PQE, non-solicitation).
    /// </summary>
    private async Task<IswProfile> CreateIswAsync(IswSeed seed, Guid admin, IReadOnlyList<ClientAuthorityTerms> clients)
    {
        var user = await CreateUserAsync(DemoAccounts.Isw(seed.Number), seed.Name, Roles.Isw);
        var qualifiedOn = today.AddDays(-(int)Math.Round(seed.PqeYears * 365.25));
        var submitted = now.AddDays(-90);
        var profile = IswProfile.Create(user.Id, seed.Name, user.Email!, $"SW{100000 + seed.Number * 7919}", qualifiedOn, seed.Background, submitted);
        profile.SetContact(seed.Name, $"07700 900{seed.Number:000}");
        profile.SetPractice(seed.Types, seed.Skills, seed.Regions, seed.Languages, seed.District, seed.Radius, seed.Capacity, seed.Rate);
        foreach (var job in seed.History)
        {
            profile.AddEmployment(job.AuthorityId, job.Employer, job.Role, job.Kind, today.AddMonths(-job.StartMonthsAgo),
                job.EndMonthsAgo is { } end ? today.AddMonths(-end) : null);
        }

        profile.SubmitForReview(submitted, user.Id);

        // Evidence, each piece verified by the administrator. A DBS certificate not on the Update Service
        // lasts 3 years from issue, so the issue date below makes it lapse on the seed's day.
        var dbsLastDay = today.AddDays(seed.DbsDaysLeft);
        var dbsIssued = seed.DbsOnUpdateService ? today.AddMonths(-8) : dbsLastDay.AddDays(1).AddYears(-Vetting.DbsRenewalYears);
        var verified = now.AddDays(-70);
        profile.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!.Change(profile.SweNumber, null, RegistrationYearEnd(), false, null);
        // Registration is verified again each registration year (from 1 December): as if done this morning.
        profile.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!.Verify(admin, now, today);
        Verify(profile.ProvideEvidence(ComplianceDocumentKind.EnhancedDbs, $"00{1234567890L + seed.Number}", dbsIssued, null,
            seed.DbsOnUpdateService, null, submitted, user.Id), admin);
        Verify(profile.ProvideEvidence(ComplianceDocumentKind.IndemnityInsurance, $"PI-{seed.Number:000}-2026", today.AddMonths(-5),
            today.AddMonths(7), false, null, submitted, user.Id), admin);
        Verify(profile.ProvideEvidence(ComplianceDocumentKind.RightToWork, "UK passport", null, null, false, null, submitted, user.Id), admin);
        Verify(profile.ProvideEvidence(ComplianceDocumentKind.Qualification, "Social work degree", qualifiedOn, null, false, null, submitted, user.Id), admin);

        var firstEmployer = seed.History[0];
        profile.NameReferee($"{firstEmployer.Role} referee", $"referee{seed.Number}a@example.org", firstEmployer.Employer,
            "Line manager", true, firstEmployer.EndMonthsAgo is { } ended ? today.AddMonths(-ended) : null, submitted).RecordReceived(today.AddDays(-75), admin);
        // Independent practitioners' recent social-work employer is usually an agency that commissions them.
        profile.NameReferee("Service manager", $"referee{seed.Number}b@example.org", "Northern Independent Social Work Associates",
            "Commissions my independent work", true, null, submitted).RecordReceived(today.AddDays(-74), admin);
        profile.RecordCheck(VettingCheck.Identity, admin, verified, "Passport and proof of address seen.");
        profile.RecordCheck(VettingCheck.Interview, admin, verified, "Panel interview.");

        if (seed.Status is PanelMemberStatus.Active or PanelMemberStatus.Suspended)
        {
            var approvedOn = today.AddDays(-60);
            profile.Approve(profile.Vet(clients, approvedOn), now.AddDays(-60), admin);
        }

        if (seed.Status == PanelMemberStatus.Suspended)
        {
            profile.Suspend(SuspensionCause.Compliance, $"Enhanced DBS check lapsed on {dbsLastDay.AddDays(1):d MMMM yyyy}.",
                now.AddDays(seed.DbsDaysLeft + 1), null);
        }

        db.IswProfiles.Add(profile);
        return profile;

        void Verify(ComplianceDocument document, Guid by) => document.Verify(by, verified, DateOnly.FromDateTime(verified));
    }

    /// <summary>Social Work England's registration year ends on 30 November.</summary>
    private DateOnly RegistrationYearEnd() =>
        new(today.Month == 12 ? today.Year + 1 : today.Year, 11, 30);

    private void SeedRequests(Guid northshire, Guid northshireUser, Guid southborough, Guid southboroughUser,
        Dictionary<string, AssessmentType> types, List<IswProfile> isws)
    {
        var amara = isws[0];
        var david = isws[1];
        var sofia = isws[2];
        var ruth = isws[4];
        var nadia = isws[6];
        var peter = isws[7];
        var olu = isws[9];
        var imran = isws[11];

        // Northshire (commissioner Helen Carter).
        Add(northshire, northshireUser, "parenting", "NS-2026-0142", "A.B.", 70, "M14", types, AssessmentRequestStatus.InProgress, amara);
        Add(northshire, northshireUser, "parenting-pams", "NS-2026-0157", "K.L.", 85, "BB2", types, AssessmentRequestStatus.InProgress, nadia);
        Add(northshire, northshireUser, "viability", "NS-2026-0161", "T.M.", 25, "M20", types, AssessmentRequestStatus.Assigned, amara);
        Add(northshire, northshireUser, "specialist-risk", "NS-2026-0164", "R.J.", 75, "PR2", types, AssessmentRequestStatus.InQa, david);
        Add(northshire, northshireUser, "special-guardianship", "NS-2026-0170", "E.W.", 60, "M14", types, AssessmentRequestStatus.Submitted, null);
        Add(northshire, northshireUser, "connected-person", "NS-2026-0171", "J.S.", 110, "WN1", types, AssessmentRequestStatus.Draft, null);
        Add(northshire, northshireUser, "discharge", "NS-2026-0098", "M.P.", -20, "M14", types, AssessmentRequestStatus.Closed, amara);
        Add(northshire, northshireUser, "parenting", "NS-2026-0123", "L.K.", -5, "BL1", types, AssessmentRequestStatus.Delivered, imran);
        Add(northshire, northshireUser, "viability", "NS-2026-0130", "D.D.", 30, "M6", types, AssessmentRequestStatus.Cancelled, null);
        // Cancelled long ago: its retention date has passed, so /admin/retention lists it for purging.
        Add(northshire, northshireUser, "viability", "NS-2023-0412", "G.H.", 40, "M6", types, AssessmentRequestStatus.Cancelled, null)
            .SetRetention(today.AddYears(-2).AddMonths(-1), 2);

        // Southborough (commissioner Marcus Reid).
        Add(southborough, southboroughUser, "fostering", "SB/26/0311", "H.G.", 90, "RH1", types, AssessmentRequestStatus.InProgress, sofia);
        Add(southborough, southboroughUser, "special-guardianship", "SB/26/0318", "O.N.", 55, "SE15", types, AssessmentRequestStatus.InProgress, ruth);
        Add(southborough, southboroughUser, "connected-person", "SB/26/0320", "F.A.", 100, "SE15", types, AssessmentRequestStatus.Assigned, olu);
        Add(southborough, southboroughUser, "specialist-risk", "SB/26/0322", "B.C.", 65, "BN2", types, AssessmentRequestStatus.InProgress, peter);
        Add(southborough, southboroughUser, "adoption", "SB/26/0326", "P.Q.", 120, "GU2", types, AssessmentRequestStatus.Submitted, null);
        Add(southborough, southboroughUser, "parenting", "SB/26/0290", "S.T.", -12, "RH2", types, AssessmentRequestStatus.Closed, ruth);
    }

    private AssessmentRequest Add(Guid authorityId, Guid createdBy, string typeCode, string caseReference, string initials,
        int deadlineInDays, string district, Dictionary<string, AssessmentType> types, AssessmentRequestStatus status, IswProfile? isw)
    {
        var type = types[typeCode];
        var deadline = calendar.NextWorkingDayOnOrAfter(today.AddDays(deadlineInDays));
        var created = now.AddDays(-Math.Max(7, 90 - deadlineInDays));
        var details = new RequestDetails(type.Id, caseReference, initials,
            [new RequestParty("Mother", "A.B."), new RequestParty("Father", "C.D.")],
            ForCourt: true, CourtName: "Family Court", CourtCaseNumber: ++sequence % 2 == 0 ? $"MA26C{50000 + sequence:00000}" : null,
            deadline, district, Language: null, InterpreterNeeded: false,
            type.RequiredSkill is { } skill ? [skill] : [], type.TypicalHoursHigh ?? type.TypicalWeeks * 4, Notes: null, null);
        var request = AssessmentRequest.CreateDraft(authorityId, details, createdBy, created);

        if (status != AssessmentRequestStatus.Draft)
        {
            var plan = planner.Plan(type, deadline, DateOnly.FromDateTime(created));
            request.Submit(Features.Requests.MilestonePlanner.Stored(plan), plan.AtRisk, plan.ShortfallWorkingDays, created);
        }
        if (status == AssessmentRequestStatus.Cancelled)
            request.Cancel(created.AddDays(2));
        else if (status != AssessmentRequestStatus.Draft)
        {
            Assignment? assignment = null;
            foreach (var step in PathTo(status))
            {
                if (step == AssessmentRequestStatus.Offered) request.MarkOffered(created.AddDays(1));
                else if (step == AssessmentRequestStatus.Assigned)
                {
                    // The offer the ISW accepted, and the assignment it made: the same rows a real acceptance writes.
                    var offer = Offer.Send(request.Id, isw!.Id, adminUserId, created.AddDays(1), Offer.DefaultResponseWorkingDays,
                        created.AddDays(3), cascade: false);
                    offer.Accept(created.AddDays(2));
                    db.Offers.Add(offer);
                    assignment = Assignment.FromAcceptedOffer(offer, created.AddDays(2), isw.HourlyRate);
                    db.Assignments.Add(assignment);
                    request.Assign(isw.Id, created.AddDays(2));
                }
                else if (!SeedDemoWork(step, request, assignment!, isw!, created)) request.MoveTo(step, created.AddDays(3));
            }

            SeedDemoLogInProgress(request, assignment, isw, created);
        }

        db.AssessmentRequests.Add(request);
        return request;
    }

    private static IEnumerable<AssessmentRequestStatus> PathTo(AssessmentRequestStatus status)
    {
        AssessmentRequestStatus[] path =
        [
            AssessmentRequestStatus.Offered, AssessmentRequestStatus.Assigned, AssessmentRequestStatus.InProgress,
            AssessmentRequestStatus.InQa, AssessmentRequestStatus.Delivered, AssessmentRequestStatus.Closed,
        ];
        if (status == AssessmentRequestStatus.Submitted) yield break;
        foreach (var step in path)
        {
            yield return step;
            if (step == status) yield break;
        }
    }
}
