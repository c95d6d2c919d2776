using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Shadowing;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Shadowing.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>
/// The rules, each refused with a clear message: consent before any session and for every reflection, sessions of this
/// assignment only and on or after the day of consent, the nomination form's answers, accounts that cannot be
/// shadowers. Each test uses its own request (see <see cref="ShadowingApp"/>). The fake clock's date is 1 December 2026.
/// </summary>
[Collection(ShadowingCollection.Name)]
public sealed class ShadowingRulesTests(ShadowingApp shadowing)
{
    private IswPanelApp App => shadowing.App;

    [Fact]
    public async Task No_session_is_marked_before_consent_and_no_reflection_is_written_once_consent_is_refused()
    {
        var requestId = await RequestIdAsync(App, "SB/26/0318");
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Southborough, DemoUsers.Password);
        var nominationId = await NominateByApiAsync(api, requestId, "Casey Lane", "casey.lane@southborough.example.gov.uk");
        await SetPasswordAsync(App, "casey.lane@southborough.example.gov.uk");
        using var ruth = await SignedInAsync(App, DemoUsers.Isw(5));
        await AcceptAsync(ruth, nominationId);
        var session = await LogAsync(App, ruth, requestId, Today, "Interview", "1");

        var early = await MarkAsync(ruth, nominationId, session);

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Record the family's consent before marking a session as attended.", ErrorSummary(await PageClient.ParseAsync(early)), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.ShadowedSessions.AnyAsync(s => s.NominationId == nominationId)));

        // Consent given: the session is marked. Then the family withdraws it (recorded as refused).
        Assert.Equal(HttpStatusCode.Redirect, (await RecordConsentAsync(ruth, nominationId, Today)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(ruth, nominationId, session)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordConsentAsync(ruth, nominationId, Today, given: false)).StatusCode);
        var attended = await App.WithDbAsync(db => db.ShadowedSessions.AsNoTracking().SingleAsync(s => s.NominationId == nominationId));

        using var casey = await SignedInAsync(App, "casey.lane@southborough.example.gov.uk", Password);
        var reflected = await ReflectAsync(casey, nominationId, attended.Id, "What I learned.");

        Assert.Equal(HttpStatusCode.OK, reflected.StatusCode);
        var page = await PageClient.ParseAsync(reflected);
        Assert.Contains("The family has not consented to a shadower, so no session can be attended or reflected on.", ErrorSummary(page), StringComparison.Ordinal);
        Assert.Equal("What I learned.", page.QuerySelector("textarea[name='Form.Reflection']")?.TextContent.Trim());
        Assert.Null(await App.WithDbAsync(db => db.ShadowedSessions.Where(s => s.Id == attended.Id).Select(s => s.Reflection).SingleAsync()));
        var again = await MarkAsync(ruth, nominationId, await LogAsync(App, ruth, requestId, Today, "HomeVisit", "1"));
        Assert.Contains("The family has not consented to a shadower", ErrorSummary(await PageClient.ParseAsync(again)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_sessions_with_the_family_on_this_assignment_on_or_after_the_day_of_consent_can_be_marked()
    {
        var requestId = await RequestIdAsync(App, "SB/26/0322");
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Southborough, DemoUsers.Password);
        var nominationId = await NominateByApiAsync(api, requestId, "Robin Hale", "robin.hale@southborough.example.gov.uk");
        using var peter = await SignedInAsync(App, DemoUsers.SeniorIswAndQa);
        await AcceptWithConsentAsync(peter, nominationId, Today);
        var assignmentId = (await NominationAsync(App, nominationId)).AssignmentId;
        var earlier = await App.WithDbAsync(db => db.WorkLogEntries.Where(e => e.AssignmentId == assignmentId && e.Date < Today
            && (e.Kind == WorkKind.HomeVisit || e.Kind == WorkKind.Observation)).Select(e => e.Id).FirstAsync());
        var writing = await LogAsync(App, peter, requestId, Today, "ReportWriting", "3");
        var elsewhere = await App.WithDbAsync(db => db.WorkLogEntries.Where(e => e.AssignmentId != assignmentId && e.Kind == WorkKind.HomeVisit)
            .Select(e => e.Id).FirstAsync());

        async Task<string> RefusalAsync(Guid entry)
        {
            var response = await MarkAsync(peter, nominationId, entry);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ErrorSummary(await PageClient.ParseAsync(response));
        }

        Assert.Contains("This session was before the family consented on 1 December 2026.", await RefusalAsync(earlier), StringComparison.Ordinal);
        Assert.Contains("Only sessions with the family (visits, observations, interviews, virtual sessions) can be shadowed.", await RefusalAsync(writing), StringComparison.Ordinal);
        Assert.Contains(SessionAttendance.NotThisAssessment, await RefusalAsync(elsewhere), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.ShadowedSessions.AnyAsync(s => s.NominationId == nominationId)));
    }

    [Fact]
    public async Task Bad_answers_on_the_nomination_form_show_every_error_and_keep_every_answer()
    {
        var requestId = await RequestIdAsync(App, "NS-2026-0157");
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);
        var before = await App.WithDbAsync(db => db.ShadowingNominations.CountAsync());

        var response = await commissioner.PostFormAsync($"/requests/{requestId}/shadowing/nominate", $"/requests/{requestId}/shadowing/nominate",
            new Dictionary<string, string>
            {
                ["Form.FullName"] = " ",
                ["Form.WorkEmail"] = "not-an-email",
                ["Form.SocialWorkEnglandNumber"] = "SW0123",
                ["Form.HopesToLearn"] = "",
            });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Form_FullName", "Enter the practitioner's full name."), links);
        Assert.Contains(("#Form_Role", "Select the practitioner's role."), links);
        Assert.Contains(("#Form_WorkEmail", "Enter an email address in the correct format, like name@example.gov.uk."), links);
        Assert.Contains(("#Form_SocialWorkEnglandNumber", "Enter a Social Work England number like SW12345, or leave it blank."), links);
        Assert.Contains(("#Form_HopesToLearn", "Enter what the practitioner hopes to learn."), links);
        Assert.Equal("not-an-email", page.QuerySelector("#Form_WorkEmail")?.GetAttribute("value"));
        Assert.Equal("SW0123", page.QuerySelector("#Form_SocialWorkEnglandNumber")?.GetAttribute("value"));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.ShadowingNominations.CountAsync()));
    }

    [Fact]
    public async Task A_request_without_a_social_worker_cannot_have_a_shadower()
    {
        var submitted = await RequestIdAsync(App, "NS-2026-0170");
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);

        var (_, requestPage) = await commissioner.GetPageAsync($"/requests/{submitted}");
        var (formResponse, form) = await commissioner.GetPageAsync($"/requests/{submitted}/shadowing/nominate");
        var posted = await commissioner.PostFormAsync($"/requests/{submitted}/shadowing/nominate", $"/requests/{submitted}/shadowing/nominate",
            NominationAnswers("Alex Moss", "alex.moss@northshire.example.gov.uk"));
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);
        var fromApi = await api.PostAsJsonAsync("/api/v1/shadowing/nominations", new
        {
            assessmentRequestId = submitted, fullName = "Alex Moss", role = "asye", workEmail = "alex.moss@northshire.example.gov.uk", hopesToLearn = "All of it.",
        }, TestContext.Current.CancellationToken);

        Assert.Null(requestPage.QuerySelector($"a[href='/requests/{submitted}/shadowing/nominate']"));
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.Contains("This request has no social worker assigned yet", form.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("input[name='Form.FullName']"));
        Assert.Contains("This request has no social worker assigned yet", ErrorSummary(await PageClient.ParseAsync(posted)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, fromApi.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "alex.moss@northshire.example.gov.uk")));
    }

    [Fact]
    public async Task An_email_of_another_kind_of_account_or_of_another_authoritys_practitioner_is_refused()
    {
        var northshireRequest = await RequestIdAsync(App, "NS-2026-0164");
        var southboroughRequest = await RequestIdAsync(App, "SB/26/0320");
        using var northshire = await SignedInAsync(App, DemoUsers.Northshire);
        using var southborough = await SignedInAsync(App, DemoUsers.Southborough);
        var before = await App.WithDbAsync(db => db.ShadowingNominations.CountAsync());

        async Task<string> RefusalAsync(PageClient commissioner, Guid requestId, string email)
        {
            var response = await commissioner.PostFormAsync($"/requests/{requestId}/shadowing/nominate", $"/requests/{requestId}/shadowing/nominate",
                NominationAnswers("Someone Else", email));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ErrorSummary(await PageClient.ParseAsync(response));
        }

        Assert.Contains(NominateShadower.NotAShadowerAccount, await RefusalAsync(northshire, northshireRequest, DemoUsers.Isw(3)), StringComparison.Ordinal);
        Assert.Contains(NominateShadower.NotAShadowerAccount, await RefusalAsync(northshire, northshireRequest, DemoUsers.Southborough), StringComparison.Ordinal);
        Assert.Contains(NominateShadower.AnotherAuthoritysShadower, await RefusalAsync(southborough, southboroughRequest, DemoUsers.Shadower1), StringComparison.Ordinal);
        Assert.Contains("Leah Morgan has already been nominated to shadow this assessment.",
            await RefusalAsync(northshire, await RequestIdAsync(App, "NS-2026-0142"), DemoUsers.Shadower1), StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.ShadowingNominations.CountAsync()));
    }

    [Fact]
    public async Task A_practitioner_already_recorded_is_nominated_again_without_a_second_record_or_invitation()
    {
        var requestId = await RequestIdAsync(App, "NS-2026-0157");
        using var commissioner = await SignedInAsync(App, DemoUsers.Northshire);
        var mailBefore = Directory.Exists(Path.Combine(App.Database.DataDirectory, "mail"))
            ? Directory.GetFiles(Path.Combine(App.Database.DataDirectory, "mail")).Length : 0;

        var response = await commissioner.PostFormAsync($"/requests/{requestId}/shadowing/nominate", $"/requests/{requestId}/shadowing/nominate",
            NominationAnswers("Leah Morgan", "Shadower1@Northshire.demo.iswpanel.test"));
        var (_, _, page) = await commissioner.FollowAsync(response);

        Assert.Contains("We have asked Nadia Rahman to accept Leah Morgan's nomination.", Banner(page), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.Shadowers.CountAsync(s => s.WorkEmail == DemoUsers.Shadower1)));
        var leah = await App.WithDbAsync(db => db.Shadowers.Where(s => s.WorkEmail == DemoUsers.Shadower1).Select(s => s.Id).SingleAsync());
        Assert.Equal(2, await App.WithDbAsync(db => db.ShadowingNominations.CountAsync(n => n.ShadowerId == leah)));
        Assert.Equal("SW301122", await App.WithDbAsync(db => db.Shadowers.Where(s => s.WorkEmail == DemoUsers.Shadower1).Select(s => s.SocialWorkEnglandNumber).SingleAsync()));
        var mailAfter = Directory.Exists(Path.Combine(App.Database.DataDirectory, "mail"))
            ? Directory.GetFiles(Path.Combine(App.Database.DataDirectory, "mail")).Length : 0;
        Assert.Equal(mailBefore, mailAfter);
    }
}
