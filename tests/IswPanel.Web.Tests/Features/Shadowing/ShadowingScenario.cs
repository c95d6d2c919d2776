using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>
/// One app with the demo data for a test class whose tests change shadowing on different requests.
/// Demo shadowing: Leah Morgan (shadower1, ASYE) on NS-2026-0142 with isw1, accepted, consent given, one observation
/// attended and reflected on; Sam Patel (shadower2, NQSW) nominated on NS-2026-0161, waiting for isw1.
/// Other assigned requests: NS-2026-0157 (isw7), NS-2026-0164 (In QA, isw2), SB/26/0311 (isw3), SB/26/0318 (isw5),
/// SB/26/0320 (Assigned, isw10), SB/26/0322 (isw8).
/// </summary>
public sealed class ShadowingApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

/// <summary>The test classes that share one <see cref="ShadowingApp"/> (each uses its own requests).</summary>
[CollectionDefinition(Name)]
public sealed class ShadowingCollection : ICollectionFixture<ShadowingApp>
{
    public const string Name = "Shadowing";
}

internal static partial class ShadowingScenario
{
    public static readonly DateOnly Today = new(2026, 12, 1);
    public const string Password = "correct horse battery staple";

    public static Task<Guid> RequestIdAsync(IswPanelApp app, string caseReference) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == caseReference).Select(r => r.Id).SingleAsync());

    public static Task<Guid> NominationIdAsync(IswPanelApp app, string workEmail, Guid requestId) =>
        app.WithDbAsync(db => (
            from n in db.ShadowingNominations
            join s in db.Shadowers on n.ShadowerId equals s.Id
            where s.WorkEmail == workEmail && n.AssessmentRequestId == requestId
            select n.Id).SingleAsync());

    public static Task<ShadowingNomination> NominationAsync(IswPanelApp app, Guid nominationId) =>
        app.WithDbAsync(db => db.ShadowingNominations.AsNoTracking().SingleAsync(n => n.Id == nominationId));

    public static async Task<PageClient> SignedInAsync(IswPanelApp app, string email, string password = DemoUsers.Password)
    {
        var client = PageClient.For(app);
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Dictionary<string, string> NominationAnswers(string name, string email, string role = "Asye", string swe = "",
        string hopes = "How an assessor observes contact.") => new()
    {
        ["Form.FullName"] = name,
        ["Form.Role"] = role,
        ["Form.WorkEmail"] = email,
        ["Form.SocialWorkEnglandNumber"] = swe,
        ["Form.HopesToLearn"] = hopes,
    };

    /// <summary>The commissioner nominates through the form; the nomination's id.</summary>
    public static async Task<Guid> NominateAsync(IswPanelApp app, PageClient commissioner, Guid requestId, string name, string email, string role = "Asye")
    {
        var response = await commissioner.PostFormAsync($"/requests/{requestId}/shadowing/nominate", $"/requests/{requestId}/shadowing/nominate",
            NominationAnswers(name, email, role));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(response)));
        return await NominationIdAsync(app, email, requestId);
    }

    /// <summary>The commissioner nominates through the API; the nomination's id.</summary>
    public static async Task<Guid> NominateByApiAsync(HttpClient commissioner, Guid requestId, string name, string email, string role = "nqsw")
    {
        var response = await commissioner.PostAsJsonAsync("/api/v1/shadowing/nominations",
            new { assessmentRequestId = requestId, fullName = name, role, workEmail = email, hopesToLearn = "Everything." });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    public static async Task AcceptAsync(PageClient isw, Guid nominationId)
    {
        var response = await isw.PostFormAsync($"/my-shadowing/{nominationId}", $"/my-shadowing/{nominationId}/accept", []);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(response)));
    }

    public static Task<HttpResponseMessage> RecordConsentAsync(PageClient isw, Guid nominationId, DateOnly on, bool given = true) =>
        isw.PostFormAsync($"/my-shadowing/{nominationId}", $"/my-shadowing/{nominationId}/consent", new Dictionary<string, string>
        {
            ["Consent.Given"] = given ? "True" : "False",
            ["Consent.ConsentDate.Day"] = on.Day.ToString(CultureInfo.InvariantCulture),
            ["Consent.ConsentDate.Month"] = on.Month.ToString(CultureInfo.InvariantCulture),
            ["Consent.ConsentDate.Year"] = on.Year.ToString(CultureInfo.InvariantCulture),
        });

    public static async Task AcceptWithConsentAsync(PageClient isw, Guid nominationId, DateOnly consentedOn)
    {
        await AcceptAsync(isw, nominationId);
        var consent = await RecordConsentAsync(isw, nominationId, consentedOn);
        Assert.True(consent.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(consent)));
    }

    public static Task<HttpResponseMessage> MarkAsync(PageClient isw, Guid nominationId, Guid workLogEntryId) =>
        isw.PostFormAsync($"/my-shadowing/{nominationId}", $"/my-shadowing/{nominationId}/sessions",
            new Dictionary<string, string> { ["WorkLogEntryId"] = workLogEntryId.ToString() });

    /// <summary>The ISW logs a session through the log form; the new entry's id.</summary>
    public static async Task<Guid> LogAsync(IswPanelApp app, PageClient isw, Guid requestId, DateOnly date, string kind, string hours, string minutes = "0")
    {
        var before = await app.WithDbAsync(db => db.WorkLogEntries.Where(e => e.AssessmentRequestId == requestId).Select(e => e.Id).ToListAsync());
        var response = await isw.PostFormAsync($"/work/{requestId}/log", $"/work/{requestId}/log", new Dictionary<string, string>
        {
            ["Form.Date.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
            ["Form.Date.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
            ["Form.Date.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
            ["Form.Kind"] = kind,
            ["Form.DurationHours"] = hours,
            ["Form.DurationMinutes"] = minutes,
            ["Form.WhoSeen"] = "Mother (Q.Z.)",
            ["Form.Notes"] = "Private case note XJ-5521",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await PageClient.ParseAsync(response)));
        return await app.WithDbAsync(db => db.WorkLogEntries.Where(e => e.AssessmentRequestId == requestId && !before.Contains(e.Id))
            .Select(e => e.Id).SingleAsync());
    }

    public static Task<HttpResponseMessage> ReflectAsync(PageClient shadower, Guid nominationId, Guid sessionId, string reflection) =>
        shadower.PostFormAsync($"/shadowing/mine/{nominationId}/reflections", $"/shadowing/mine/{nominationId}/reflections",
            new Dictionary<string, string> { ["Form.SessionId"] = sessionId.ToString(), ["Form.Reflection"] = reflection });

    /// <summary>Gives an invited (or demo) account a password directly, for tests that are not about the invitation.</summary>
    public static async Task SetPasswordAsync(IswPanelApp app, string email, string password = Password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        Assert.True((await users.AddPasswordAsync(user, password)).Succeeded);
    }

    /// <summary>The newest invitation emailed to <paramref name="email"/>: its link.</summary>
    public static string InvitationLinkFor(IswPanelApp app, string email)
    {
        var mail = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.Date).Last();
        Assert.Equal("Your IswPanel account", mail.Subject);
        Assert.Contains("has nominated you to shadow an independent social worker", mail.TextBody, StringComparison.Ordinal);
        return InvitationLink().Match(mail.TextBody ?? "").Value;
    }

    public static string ErrorSummary(IDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent.Trim() ?? "(no error summary)";

    public static string Banner(IDocument page) => page.QuerySelector(".govuk-notification-banner")?.TextContent ?? "";

    [GeneratedRegex(@"https?://\S+/account/accept-invitation\?\S+")]
    private static partial Regex InvitationLink();
}
