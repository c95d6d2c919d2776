using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Panel;

/// <summary>The vetting page and its decisions, over HTTP as an administrator would use them.</summary>
public sealed class VettingTests
{
    private static Task<Guid> MemberId(IswPanelApp app, string name) =>
        app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == name).Select(p => p.Id).SingleAsync());

    private static Task<IswProfile> Member(IswPanelApp app, Guid id) =>
        app.WithDbAsync(db => db.IswProfiles.AsNoTracking().Include(p => p.Documents).SingleAsync(p => p.Id == id));

    private static async Task<PageClient> AdminAsync(IswPanelApp app)
    {
        var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        return admin;
    }

    private static IReadOnlyList<string> Errors(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];

    [Fact]
    public async Task Approval_is_refused_while_a_check_fails_and_the_page_says_why()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var james = await MemberId(app, "James Allen");   // 4 years' PQE, everything else verified
        using var admin = await AdminAsync(app);

        var (_, page) = await admin.GetPageAsync($"/admin/panel/{james}");
        var refused = await PageClient.ParseAsync(await admin.PostFormAsync($"/admin/panel/{james}", $"/admin/panel/{james}/approve", new Dictionary<string, string>()));

        Assert.Contains("1 of 9 checks are outstanding.", page.Body!.TextContent, StringComparison.Ordinal);
        var errors = Errors(refused);
        Assert.Single(errors);
        Assert.StartsWith("4 years' post-qualifying experience; at least 5 are needed", errors[0], StringComparison.Ordinal);
        Assert.Equal(PanelMemberStatus.UnderReview, (await Member(app, james)).Status);
    }

    [Fact]
    public async Task A_recent_permanent_employee_of_a_client_authority_cannot_be_approved_and_the_page_names_the_authority()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var gareth = await MemberId(app, "Gareth Price");   // left Northshire's permanent staff 5 months ago
        using var admin = await AdminAsync(app);

        var (_, page) = await admin.GetPageAsync($"/admin/panel/{gareth}");
        var refused = await PageClient.ParseAsync(await admin.PostFormAsync($"/admin/panel/{gareth}", $"/admin/panel/{gareth}/approve", new Dictionary<string, string>()));

        var text = page.Body!.TextContent;
        Assert.Contains("Northshire County Council", text, StringComparison.Ordinal);
        Assert.Contains("Blocks approval; the contract allows no waiver.", text, StringComparison.Ordinal);
        Assert.Contains(Errors(refused), e => e.Contains("Northshire County Council", StringComparison.Ordinal));
        Assert.Equal(PanelMemberStatus.UnderReview, (await Member(app, gareth)).Status);
    }

    [Fact]
    public async Task An_applicant_who_passes_every_check_is_approved_with_the_decision_in_the_history()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var james = await MemberId(app, "James Allen");
        // Give James a qualification date that makes 5 years, and re-verify it: now every check passes.
        await app.WithDbAsync(async db =>
        {
            var admin = await db.Users.SingleAsync(u => u.Email == DemoUsers.Admin);
            var profile = await db.IswProfiles.Include(p => p.Documents).SingleAsync(p => p.Id == james);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            profile.ChangeRegistration(profile.SweNumber, DateOnly.FromDateTime(now).AddYears(-6), now, profile.UserId);
            profile.Document(ComplianceDocumentKind.Qualification)!.Verify(admin.Id, now, DateOnly.FromDateTime(now));
            return await db.SaveChangesAsync();
        });
        using var client = await AdminAsync(app);

        var approved = await client.PostFormAsync($"/admin/panel/{james}", $"/admin/panel/{james}/approve", new Dictionary<string, string>());
        var (_, _, page) = await client.FollowAsync(approved);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("James Allen is approved and joins the panel.", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        var member = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().SingleAsync(p => p.Id == james));
        Assert.Equal(PanelMemberStatus.Active, member.Status);
        Assert.Equal("Approved: every vetting check passed.", member.History.OrderBy(h => h.At).Last().Reason);
        Assert.Contains("Approved: every vetting check passed.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_asking_for_information_returns_the_application_to_the_applicant()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var gareth = await MemberId(app, "Gareth Price");
        using var admin = await AdminAsync(app);

        var noReason = await PageClient.ParseAsync(await admin.PostFormAsync($"/admin/panel/{gareth}/decide/Reject",
            $"/admin/panel/{gareth}/decide/Reject", new Dictionary<string, string> { ["Reason"] = "" }));
        Assert.Equal(["Enter why the application is rejected."], Errors(noReason));

        var asked = await admin.PostFormAsync($"/admin/panel/{gareth}/decide/RequestInformation", $"/admin/panel/{gareth}/decide/RequestInformation",
            new Dictionary<string, string> { ["Reason"] = "Please upload your insurance schedule." });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var member = await Member(app, gareth);
        Assert.Equal(PanelMemberStatus.Applicant, member.Status);
        Assert.Equal("Please upload your insurance schedule.", member.InformationRequested);
        var mail = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f));
        Assert.Contains(mail, m => m.Subject == "Your IswPanel application needs more information" && m.To.ToString().Contains("isw6@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suspension_and_reinstatement_are_kept_in_the_history_and_reinstatement_is_refused_on_lapsed_evidence()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var sofia = await MemberId(app, "Sofia Kowalska");
        var margaret = await MemberId(app, "Margaret Hughes");   // suspended: DBS lapsed
        using var admin = await AdminAsync(app);

        await admin.PostFormAsync($"/admin/panel/{sofia}/membership/Suspend", $"/admin/panel/{sofia}/membership/Suspend",
            new Dictionary<string, string> { ["Reason"] = "Complaint under investigation" });
        Assert.Equal(PanelMemberStatus.Suspended, (await Member(app, sofia)).Status);
        await admin.PostFormAsync($"/admin/panel/{sofia}/membership/Reinstate", $"/admin/panel/{sofia}/membership/Reinstate",
            new Dictionary<string, string> { ["Reason"] = "Complaint closed with no finding" });
        var reinstated = await Member(app, sofia);
        Assert.Equal(PanelMemberStatus.Active, reinstated.Status);
        Assert.Equal(["Complaint under investigation", "Complaint closed with no finding"],
            reinstated.History.OrderBy(h => h.At).TakeLast(2).Select(h => h.Reason));

        var refused = await PageClient.ParseAsync(await admin.PostFormAsync($"/admin/panel/{margaret}/membership/Reinstate",
            $"/admin/panel/{margaret}/membership/Reinstate", new Dictionary<string, string> { ["Reason"] = "Back" }));
        Assert.Contains(Errors(refused), e => e.Contains("lapsed", StringComparison.Ordinal));
        Assert.Equal(PanelMemberStatus.Suspended, (await Member(app, margaret)).Status);
    }

    [Fact]
    public async Task Verifying_renewed_evidence_reinstates_a_member_suspended_for_a_lapse()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var margaret = await MemberId(app, "Margaret Hughes");
        await app.WithDbAsync(async db =>
        {
            var profile = await db.IswProfiles.Include(p => p.Documents).SingleAsync(p => p.Id == margaret);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            profile.ProvideEvidence(ComplianceDocumentKind.EnhancedDbs, "009999999999", DateOnly.FromDateTime(now).AddDays(-3), null, false, null, now, profile.UserId);
            return await db.SaveChangesAsync();
        });
        using var admin = await AdminAsync(app);

        var verified = await admin.PostFormAsync($"/admin/panel/{margaret}", $"/admin/panel/{margaret}/verify/EnhancedDbs", new Dictionary<string, string>());
        var (_, _, page) = await admin.FollowAsync(verified);

        Assert.Contains("Margaret Hughes is back on the panel for matching.", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(PanelMemberStatus.Active, (await Member(app, margaret)).Status);
    }

    [Fact]
    public async Task Recording_identity_interview_and_references_shows_who_and_when()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var james = await MemberId(app, "James Allen");
        var referee = await app.WithDbAsync(async db =>
        {
            var profile = await db.IswProfiles.Include(p => p.Referees).SingleAsync(p => p.Id == james);
            var added = profile.NameReferee("Kim Lee", "kim@example.org", "Brighton Children's Services", "Team manager", true, null, app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using var admin = await AdminAsync(app);

        await admin.PostFormAsync($"/admin/panel/{james}", $"/admin/panel/{james}/checks",
            new Dictionary<string, string> { ["Check"] = "References", ["RefereeId"] = referee.ToString() });
        var (_, page) = await admin.GetPageAsync($"/admin/panel/{james}");

        Assert.Contains("1 Dec 2026, recorded by Priya Shah", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_hire_request_is_recorded_with_whether_a_transfer_fee_may_apply()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var amara = await MemberId(app, "Amara Okonkwo");
        var northshire = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync());
        using var admin = await AdminAsync(app);

        var recorded = await admin.PostFormAsync($"/admin/panel/{amara}/direct-hire", $"/admin/panel/{amara}/direct-hire", new Dictionary<string, string>
        {
            ["Form.AuthorityId"] = northshire.ToString(),
            ["Form.RequestedOn.Day"] = "30", ["Form.RequestedOn.Month"] = "11", ["Form.RequestedOn.Year"] = "2026",
            ["Form.Supply[0].Start.Day"] = "1", ["Form.Supply[0].Start.Month"] = "10", ["Form.Supply[0].Start.Year"] = "2026",
        });
        var (_, _, page) = await admin.FollowAsync(recorded);

        var text = page.Body!.TextContent;
        Assert.Contains("Northshire County Council asked on 30 November 2026 to hire directly.", text, StringComparison.Ordinal);
        Assert.Contains("A transfer fee may apply today.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supply_period_that_ends_before_it_starts_is_refused_and_the_answers_kept()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var amara = await MemberId(app, "Amara Okonkwo");
        using var admin = await AdminAsync(app);

        var page = await PageClient.ParseAsync(await admin.PostFormAsync($"/admin/panel/{amara}/direct-hire", $"/admin/panel/{amara}/direct-hire",
            new Dictionary<string, string>
            {
                ["Form.RequestedOn.Day"] = "30", ["Form.RequestedOn.Month"] = "11", ["Form.RequestedOn.Year"] = "2026",
                ["Form.Supply[0].Start.Day"] = "1", ["Form.Supply[0].Start.Month"] = "10", ["Form.Supply[0].Start.Year"] = "2026",
                ["Form.Supply[0].End.Day"] = "1", ["Form.Supply[0].End.Month"] = "9", ["Form.Supply[0].End.Year"] = "2026",
            }));

        Assert.Contains("The end of supply must be the same as or after its start.", Errors(page));
        Assert.Contains("Select the authority asking to hire directly.", Errors(page));
        Assert.Equal("9", page.QuerySelector("input[name='Form.Supply[0].End.Month']")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData(DemoUsers.Northshire)]
    [InlineData("isw1@demo.iswpanel.test")]
    [InlineData(DemoUsers.Qa)]
    public async Task Only_panel_administrators_reach_the_panel_pages(string email)
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var amara = await MemberId(app, "Amara Okonkwo");
        using var client = PageClient.For(app);
        await client.SignInAsync(email, DemoUsers.Password);

        foreach (var path in new[] { "/admin/panel", $"/admin/panel/{amara}" })
        {
            var (_, response, _) = await client.FollowAsync(await client.Http.GetAsync(path));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
