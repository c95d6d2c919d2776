using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Features.Apply;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Tests.Features.Deadlines;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

/// <summary>
/// Shadowers are their authority's permanent staff: an application by one of them is blocked at vetting while
/// non-solicitation applies, matching never offers them that authority's work, and the agency never invites or
/// chases them about joining.
/// </summary>
public sealed class ShadowerNonSolicitationTests
{
    /// <summary>The demo data, with the calendar's background refresh off so the clock can move by days.</summary>
    private static async Task<IswPanelApp> StartAsync()
    {
        var app = await DeadlineScenario.StartAsync(DatabaseProvider.Sqlite);
        await ClearAsync(app);
        return app;
    }

    private static Task<Guid> MemberIdAsync(IswPanelApp app, string name) =>
        app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == name).Select(p => p.Id).SingleAsync());

    private static Task<IswProfile> MemberAsync(IswPanelApp app, Guid id) =>
        app.WithDbAsync(db => db.IswProfiles.AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>James Allen, under review, is given six years' PQE (re-verified): every check but non-solicitation then passes.</summary>
    private static async Task<(Guid Id, string SweNumber)> EligibleJamesAsync(IswPanelApp app)
    {
        var james = await MemberIdAsync(app, "James Allen");
        var number = await app.WithDbAsync(async db =>
        {
            var admin = await db.Users.SingleAsync(u => u.Email == DemoUsers.Admin);
            var profile = await db.IswProfiles.Include(p => p.Documents).SingleAsync(p => p.Id == james);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            profile.ChangeRegistration(profile.SweNumber, DateOnly.FromDateTime(now).AddYears(-6), now, profile.UserId);
            profile.Document(ComplianceDocumentKind.Qualification)!.Verify(admin.Id, now, DateOnly.FromDateTime(now));
            await db.SaveChangesAsync();
            return profile.SweNumber;
        });
        return (james, number);
    }

    private static Task<int> LeaveAsync(IswPanelApp app, Guid shadower, DateOnly lastDay) =>
        app.WithDbAsync(async db =>
        {
            (await db.Shadowers.SingleAsync(s => s.Id == shadower)).RecordLeaving(lastDay);
            return await db.SaveChangesAsync();
        });

    private static async Task<AngleSharp.Dom.IDocument> ApproveAsync(PageClient admin, Guid member)
    {
        var response = await admin.PostFormAsync($"/admin/panel/{member}", $"/admin/panel/{member}/approve", new Dictionary<string, string>());
        return response.StatusCode == HttpStatusCode.Redirect ? (await admin.FollowAsync(response)).Page : await PageClient.ParseAsync(response);
    }

    [Fact]
    public async Task An_applicant_with_a_shadowers_registration_number_is_blocked_until_the_period_after_leaving_ends()
    {
        await using var app = await StartAsync();
        var (james, number) = await EligibleJamesAsync(app);
        var shadower = await ShadowerAsync(app, Northshire, "Jamie Allenby", "jamie.allenby@northshire.gov.uk", ShadowerRole.Asye,
            number.ToLowerInvariant(), staffSince: new DateOnly(2025, 6, 1));
        await LeaveAsync(app, shadower, new DateOnly(2025, 12, 15));

        using (var admin = await SignedInAsync(app, DemoUsers.Admin))
        {
            var (_, page) = await admin.GetPageAsync($"/admin/panel/{james}");
            var refused = await ApproveAsync(admin, james);

            var text = page.Body!.TextContent;
            Assert.Contains("Recorded as Northshire County Council's ASYE social worker since 1 June 2025 by a shadowing nomination; " +
                "their last day was 15 December 2025 — non-solicitation applies until 15 December 2026 (free from that date).", text, StringComparison.Ordinal);
            Assert.Contains("Jamie Allenby: the same Social Work England number.", text, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector($"a[href='/shadowing/shadowers/{shadower}/summary']"));
            Assert.Contains("Blocks approval; the contract allows no waiver.", text, StringComparison.Ordinal);
            Assert.Contains(Errors(refused), e => e.Contains("Northshire County Council", StringComparison.Ordinal));
            Assert.Equal(PanelMemberStatus.UnderReview, (await MemberAsync(app, james)).Status);

            // The administrator may follow the link to the shadower's summary.
            var (summary, _) = await admin.GetPageAsync($"/shadowing/shadowers/{shadower}/summary");
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        }

        // On the day the period ends, the restriction has gone and the approval goes through.
        DeadlineScenario.MoveTo(app, new DateOnly(2026, 12, 15));
        using (var admin = await SignedInAsync(app, DemoUsers.Admin))
        {
            var (_, page) = await admin.GetPageAsync($"/admin/panel/{james}");
            Assert.Contains("non-solicitation ended on 15 December 2026.", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("No client authority restriction applies today.", page.Body!.TextContent, StringComparison.Ordinal);

            var approved = await ApproveAsync(admin, james);
            Assert.Contains("James Allen is approved and joins the panel.", approved.QuerySelector(".govuk-notification-banner")?.TextContent,
                StringComparison.Ordinal);
            Assert.Equal(PanelMemberStatus.Active, (await MemberAsync(app, james)).Status);
        }
    }

    [Fact]
    public async Task A_name_only_match_is_shown_as_possible_and_blocks_only_once_an_administrator_confirms_it()
    {
        await using var app = await StartAsync();
        var (james, _) = await EligibleJamesAsync(app);
        var shadower = await ShadowerAsync(app, Northshire, "james  ALLEN", "james.allen@northshire.gov.uk", ShadowerRole.Nqsw, "SW900777");
        using var admin = await SignedInAsync(app, DemoUsers.Admin);

        var (_, before) = await admin.GetPageAsync($"/admin/panel/{james}");
        Assert.Contains("Possibly the same person:", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Every check passes.", before.Body!.TextContent, StringComparison.Ordinal);
        var button = before.QuerySelector($"form[action='/admin/panel/{james}/shadower-links/{shadower}/confirm'] button");
        Assert.StartsWith("Confirm this is the same person", button?.TextContent.Trim(), StringComparison.Ordinal);

        var confirmed = await admin.PostFormAsync($"/admin/panel/{james}", $"/admin/panel/{james}/shadower-links/{shadower}/confirm",
            new Dictionary<string, string>());
        var (_, _, after) = await admin.FollowAsync(confirmed);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("James Allen is confirmed as Northshire County Council's shadower james  ALLEN: non-solicitation applies.",
            after.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("confirmed by an administrator as the same person.", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Currently a permanent employee of Northshire County Council.", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(james, await app.WithDbAsync(db => db.Shadowers.Where(s => s.Id == shadower).Select(s => s.ConfirmedApplicantProfileId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ShadowerLinkConfirmed && e.EntityId == james.ToString())));

        var refused = await ApproveAsync(admin, james);
        Assert.Contains(Errors(refused), e => e.Contains("Northshire County Council", StringComparison.Ordinal));
        Assert.Equal(PanelMemberStatus.UnderReview, (await MemberAsync(app, james)).Status);
    }

    [Fact]
    public async Task Matching_never_offers_a_linked_shadower_their_authoritys_work()
    {
        await using var app = await StartAsync();
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var amara = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Amara Okonkwo").Select(p => p.SweNumber).SingleAsync());
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);
        async Task<Dictionary<string, List<string>>> ExcludedAsync()
        {
            var shortlist = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{request}/shortlist", TestContext.Current.CancellationToken);
            return shortlist.GetProperty("excluded").EnumerateArray()
                .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList());
        }

        Assert.DoesNotContain("Amara Okonkwo", (await ExcludedAsync()).Keys);
        await ShadowerAsync(app, Northshire, "A. Okonkwo", "a.okonkwo@northshire.gov.uk", ShadowerRole.Other, amara);

        Assert.Contains((await ExcludedAsync())["Amara Okonkwo"], r => r.StartsWith("Non-solicitation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recorded_shadowers_email_cannot_be_invited_to_join_the_agency()
    {
        await using var app = await StartAsync();
        await ShadowerAsync(app, Northshire, "Asha Patel", "asha.patel@northshire.gov.uk", ShadowerRole.Asye, null);
        using var admin = await SignedInAsync(app, DemoUsers.Admin);
        var users = await app.WithDbAsync(db => db.Users.CountAsync());

        var response = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Asha Patel",
            ["Form.Email"] = "Asha.Patel@Northshire.gov.uk",
            ["Form.Role"] = "QaReviewer",
        });
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(["Asha.Patel@Northshire.gov.uk (Asha Patel) is Northshire County Council's permanent staff: the agency does not recruit them."],
            Errors(page));
        Assert.Equal("Asha.Patel@Northshire.gov.uk", page.QuerySelector("#Form_Email")?.GetAttribute("value"));
        Assert.Equal(users, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_application_and_reference_chasers_skip_a_shadower_under_non_solicitation_and_record_why()
    {
        await using var app = await StartAsync();
        var (james, jamesNumber) = await EligibleJamesAsync(app);
        await ShadowerAsync(app, Northshire, "Asha Patel", "asha.patel@northshire.gov.uk", ShadowerRole.Asye, "SW900001");
        await ShadowerAsync(app, Northshire, "Jay Allen", "jay.allen@northshire.gov.uk", ShadowerRole.Nqsw, jamesNumber);

        // Two stalled applications: Asha's (her registration number in the answers) and someone else's.
        var asha = await StartedApplicationAsync(app, "asha.home@example.org", "Asha Patel", "sw900001");
        var rosa = await StartedApplicationAsync(app, "rosa.lindgren@example.org", "Rosa Lindgren", "SW900002");
        // Two unanswered references: James's (linked to Jay's record) and Gareth's.
        await NameRefereeAsync(app, "James Allen");
        await NameRefereeAsync(app, "Gareth Price");

        DeadlineScenario.MoveTo(app, new DateOnly(2026, 12, 8));
        var applications = await DeadlineScenario.RunAsync<ChaseStalledApplications.Job>(app, (j, ct) => j.RunAsync(ct));
        var references = await DeadlineScenario.RunAsync<ChaseReferences.Job>(app, (j, ct) => j.RunAsync(ct));
        await DeadlineScenario.RunAsync<ChaseStalledApplications.Job>(app, (j, ct) => j.RunAsync(ct));
        await DeadlineScenario.RunAsync<ChaseReferences.Job>(app, (j, ct) => j.RunAsync(ct));

        Assert.Equal((2, 1, 1), (applications.Found, applications.Done, applications.NotDue));
        Assert.Equal((2, 1, 1), (references.Found, references.Done, references.NotDue));
        Assert.Equal(0, await DeadlineScenario.MessagesAsync(app, "asha.home@example.org", "You started an application"));
        Assert.Equal(1, await DeadlineScenario.MessagesAsync(app, "rosa.lindgren@example.org", "You started an application"));
        Assert.Equal(0, await DeadlineScenario.MemberMessagesAsync(app, "James Allen", "has not arrived"));
        Assert.Equal(1, await DeadlineScenario.MemberMessagesAsync(app, "Gareth Price", "has not arrived"));

        var skipped = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ChaseSkipped)
            .Select(e => new { e.EntityType, e.EntityId, e.Detail }).ToListAsync());
        Assert.Equal(2, skipped.Count);   // once each, however often the chasers run
        var application = Assert.Single(skipped, e => e.EntityType == "PanelApplication");
        Assert.Equal(asha.ToString(), application.EntityId);
        Assert.Contains("Linked to Asha Patel, recorded as Northshire County Council's ASYE social worker (the same Social Work England number).",
            application.Detail, StringComparison.Ordinal);
        Assert.Contains("Currently a permanent employee of Northshire County Council.", application.Detail, StringComparison.Ordinal);
        Assert.Contains("Linked to Jay Allen", Assert.Single(skipped, e => e.EntityType == "Referee").Detail, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, rosa);
        Assert.NotEqual(Guid.Empty, james);
    }

    /// <summary>A new applicant's account and an application started now, with contact and registration answers.</summary>
    private static async Task<Guid> StartedApplicationAsync(IswPanelApp app, string email, string name, string sweNumber)
    {
        var id = await DeadlineScenario.StartedApplicationAsync(app, email);
        await app.WithDbAsync(async db =>
        {
            var application = await db.PanelApplications.SingleAsync(a => a.Id == id);
            var answers = new ApplicationAnswers
            {
                Contact = new ApplicationAnswers.ContactSection(name, "07700 900456"),
                Registration = new ApplicationAnswers.RegistrationSection(sweNumber, new DateOnly(2015, 7, 1)),
            };
            application.SaveAnswers(answers.Write(), app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private static Task<int> NameRefereeAsync(IswPanelApp app, string memberName) =>
        app.WithDbAsync(async db =>
        {
            var member = await db.IswProfiles.Include(p => p.Referees).SingleAsync(p => p.FullName == memberName);
            db.Referees.Add(member.NameReferee("Dana Whitmore", "dana@example.org", "Brighton Children's Services", "Team manager", true, null,
                app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
}
