using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IswPanel.Data;
using IswPanel.Domain.Notifications;
using IswPanel.Testing;
using IswPanel.Web.Tests.Features.Apply;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// The access matrix: every endpoint the app maps (found by walking the endpoint data source, so a route added
/// next year is covered without anyone remembering to) is called as anonymous, as each role, and as a user of
/// the other tenant, with route parameters filled from real seeded records whose owner is known. Expectations:
/// anonymous → the sign-in page (pages) or 401 (API); a role the policy does not name → 403 (pages: the
/// access-denied page, status 403); another tenant's record → 404; the right user → success. No response to a
/// wrong caller contains the record's data, and no GET changes a row (the append-only AuditEvents and the
/// UserSessions, which record reads and last-seen times, legitimately grow on reads and are left out).
/// An endpoint whose route parameters the matrix cannot fill, or whose policy it does not know, fails the test
/// until <see cref="MatrixWorld"/> or <see cref="PolicyRoles"/> is told about it.
/// </summary>
public sealed class AccessMatrixTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    /// <summary>Which roles each named policy admits. A policy missing here fails the matrix: decide, then add it.</summary>
    public static readonly Dictionary<string, string[]> PolicyRoles = new()
    {
        ["Commissioner"] = ["Commissioner"],
        ["Isw"] = ["Isw"],
        ["PanelAdmin"] = ["PanelAdmin"],
        ["QaReviewer"] = ["QaReviewer"],
        ["PanelStaff"] = ["PanelAdmin", "QaReviewer"],
        ["AnyRole"] = ["Commissioner", "Isw", "PanelAdmin", "QaReviewer", "Shadower"],
        ["Shadower"] = ["Shadower"],
        ["ShadowingSummary"] = ["Shadower", "Commissioner", "PanelAdmin"],
        ["AuthorityInsight"] = ["Commissioner", "PanelAdmin"],
        ["ListRequests"] = ["Commissioner", "PanelAdmin"],
        ["ReadRequest"] = ["Commissioner", "PanelAdmin", "Isw"],
        ["SignedIn"] = ["Commissioner", "Isw", "PanelAdmin", "QaReviewer", "Shadower"],
    };

    /// <summary>Tables that reads legitimately write to.</summary>
    private static readonly HashSet<string> GrowsOnReads = ["AuditEvents", "UserSessions"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_endpoint_answers_anonymous_each_role_and_the_other_tenant_as_the_matrix_expects(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        await using var world = await MatrixWorld.BuildAsync(app);
        var failures = new List<string>();
        var calls = new List<PlannedCall>();

        foreach (var endpoint in AppEndpoints.All(app.Services))
        {
            if (world.Plan(endpoint, failures) is not { } call) continue;
            if (!endpoint.IsAnonymous && (endpoint.Policy is null || !PolicyRoles.ContainsKey(endpoint.Policy)))
            {
                failures.Add($"{endpoint.Key}: the matrix does not know policy {endpoint.Policy ?? "(none)"}; add it to PolicyRoles.");
                continue;
            }

            calls.Add(call);
        }

        Assert.True(calls.Count > 80, $"Only {calls.Count} endpoints planned; the walk itself is broken.");
        var gets = calls.Where(c => c.Method == "GET").ToList();
        var posts = calls.Where(c => c.Method != "GET").ToList();

        // Every GET, as everyone: no row may change.
        var before = await TableSnapshot.TakeAsync(app);
        foreach (var call in gets)
            foreach (var caller in world.Callers)
                await CheckAsync(world, call, caller, Expect(call, caller), failures);
        var afterGets = await TableSnapshot.TakeAsync(app);
        failures.AddRange(before.Differences(afterGets, GrowsOnReads).Select(d => $"A GET changed state: {d}"));

        // Every POST, as each wrong caller: anonymous and wrong role without an antiforgery token (authorization
        // answers first); the other tenant with a valid token. Nothing may change.
        foreach (var call in posts)
            foreach (var caller in world.Callers)
            {
                var expected = Expect(call, caller);
                if (expected is Outcome.SignIn or Outcome.Forbidden or Outcome.NotFound)
                    await CheckAsync(world, call, caller, expected, failures, withToken: expected == Outcome.NotFound);
            }
        var afterWrongPosts = await TableSnapshot.TakeAsync(app);
        failures.AddRange(afterGets.Differences(afterWrongPosts, GrowsOnReads).Select(d => $"A refused POST changed state: {d}"));

        // Then each POST once as a caller who may make it, with a token and an empty form: it is not refused.
        // (This changes state, so it runs last; sign-out runs after everything else.)
        foreach (var call in posts.OrderBy(c => c.Endpoint.Template.EndsWith("/sign-out", StringComparison.Ordinal)))
        {
            var caller = world.Callers.FirstOrDefault(c => Expect(call, c) is Outcome.Success or Outcome.Anonymous);
            if (caller is null)
            {
                failures.Add($"{call.Endpoint.Key}: no caller of the matrix may call it; add one to MatrixWorld.");
                continue;
            }

            await CheckAsync(world, call, caller, Outcome.Allowed, failures, withToken: true);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} access-matrix failures:\n" + string.Join("\n", failures));
    }

    private enum Outcome
    {
        /// <summary>An anonymous route: anyone gets an answer that is not an error or a sign-in redirect.</summary>
        Anonymous,
        SignIn,
        Forbidden,
        NotFound,
        Success,
        /// <summary>A POST by a caller who may make it, with an empty form: anything but a refusal or a server error.</summary>
        Allowed,
        /// <summary>A panel member (not an applicant) on the application pages is sent to their evidence page.</summary>
        SentToEvidence,
    }

    private static Outcome Expect(PlannedCall call, Caller caller)
    {
        if (call.Endpoint.IsAnonymous) return Outcome.Anonymous;
        if (caller.Role is null) return Outcome.SignIn;
        if (!PolicyRoles[call.Endpoint.Policy!].Contains(caller.Role)) return Outcome.Forbidden;
        if (call.Endpoint.Template.StartsWith("/apply", StringComparison.Ordinal) && caller.IsPanelMember
            && !call.Endpoint.Name.Contains("Confirmation", StringComparison.Ordinal)
            && !call.Endpoint.Name.Contains("SendLinkAgain", StringComparison.Ordinal))
            return Outcome.SentToEvidence;
        // An applicant has no panel profile yet: there is no profile of theirs to edit.
        if (call.Endpoint.Template.StartsWith("/my-profile/", StringComparison.Ordinal) && caller.IsApplicant) return Outcome.NotFound;
        // Nor measures: they describe a panel member's completed work.
        if (call.Endpoint.Template is "/my-measures" or "/my-dashboard" && caller.IsApplicant) return Outcome.NotFound;
        return call.Records.All(r => r.VisibleTo(caller)) ? Outcome.Success : Outcome.NotFound;
    }

    private static async Task CheckAsync(MatrixWorld world, PlannedCall call, Caller caller, Outcome expected, List<string> failures,
        bool withToken = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
        if (call.Method != "GET")
        {
            var consumes = call.Endpoint.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [];
            if (call.Endpoint.IsApi && consumes.Contains("multipart/form-data"))
            {
                // A well-formed multipart body with no file in it (an empty multipart body is malformed, so 400 first).
                request.Content = new MultipartFormDataContent { { new StringContent("matrix"), "noteToReviewer" } };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }
            else if (call.Endpoint.IsApi)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }
            else
            {
                var fields = new List<KeyValuePair<string, string>>();
                if (withToken) fields.Add(new("__RequestVerificationToken", await MatrixWorld.TokenAsync(caller)));
                request.Content = new FormUrlEncodedContent(fields);
            }
        }

        var client = call.Endpoint.IsApi ? caller.Api : caller.Pages.Http;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? "";
        var body = await response.Content.ReadAsStringAsync();
        var redirect = status is 301 or 302 or 303 or 307 or 308;
        bool RedirectsTo(string path) => redirect && location.StartsWith(path, StringComparison.OrdinalIgnoreCase);
        var refused = RedirectsTo("/account/sign-in") || RedirectsTo("/account/access-denied") || RedirectsTo("/error");

        var ok = expected switch
        {
            // The access-denied page itself answers 403, to anyone.
            Outcome.Anonymous => status < 500 && !RedirectsTo("/account/sign-in") && status != 401
                                 && (status != 403 || call.Endpoint.Template == "/account/access-denied"),
            Outcome.SignIn => call.Endpoint.IsApi ? status == 401 : RedirectsTo("/account/sign-in"),
            Outcome.Forbidden => status == 403 || (!call.Endpoint.IsApi && RedirectsTo("/account/access-denied")),
            Outcome.NotFound => status == 404,
            Outcome.Success => (status is >= 200 and < 300) || (redirect && !refused),
            Outcome.Allowed => status < 500 && status is not (401 or 403 or 404) && !refused,
            Outcome.SentToEvidence => RedirectsTo("/my-evidence"),
            _ => false,
        };
        var who = $"{call.Method} {call.Url} ({call.Endpoint.Key}) as {caller.Name}";
        if (!ok)
            failures.Add($"{who}: expected {expected}, got {status}{(redirect ? " → " + location : "")}");

        if (expected is Outcome.SignIn or Outcome.Forbidden or Outcome.NotFound or Outcome.SentToEvidence)
        {
            foreach (var secret in call.Records.SelectMany(r => r.Secrets).Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)))
                failures.Add($"{who}: the refusal contains the record's data \"{secret}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_access_denied_page_answers_403(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        var refused = await isw.Http.GetAsync("/admin");
        var (path, page, _) = await isw.FollowAsync(refused);

        Assert.Equal("/account/access-denied", path);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }
}

/// <summary>One endpoint with its route filled in, and the records the route names.</summary>
internal sealed record PlannedCall(AppEndpoint Endpoint, string Method, string Url, IReadOnlyList<MatrixRecord> Records);

/// <summary>A real record a route parameter names: who may see it, and strings of its data no one else may see.</summary>
internal sealed record MatrixRecord(string Value, Func<Caller, bool> VisibleTo, params string[] Secrets)
{
    /// <summary>A value with no owner (an enum in the path, an administrator-only record).</summary>
    public static MatrixRecord Open(string value, params string[] secrets) => new(value, _ => true, secrets);
}

/// <summary>A signed-in (or anonymous) caller, with a cookie client for the pages and a bearer client for the API.</summary>
internal sealed class Caller(string name, string? role, PageClient pages, HttpClient api, bool isPanelMember = false) : IDisposable
{
    public string Name { get; } = name;
    public string? Role { get; } = role;
    public PageClient Pages { get; } = pages;
    public HttpClient Api { get; } = api;
    public bool IsPanelMember { get; } = isPanelMember;
    public bool IsApplicant => Role == "Isw" && !IsPanelMember;
    public string? Token { get; set; }

    public void Dispose()
    {
        Pages.Dispose();
        Api.Dispose();
    }
}

/// <summary>The callers and the registry of records route parameters are filled from.</summary>
internal sealed class MatrixWorld : IAsyncDisposable
{
    private readonly List<Caller> callers = [];
    private readonly Dictionary<string, MatrixRecord> byParameter = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MatrixRecord> byControllerParameter = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MatrixRecord> byEndpointParameter = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Caller> Callers => callers;

    public Caller Anonymous => callers[0];
    public Caller Northshire => callers[1];
    public Caller Southborough => callers[2];
    public Caller Isw1 => callers[3];
    public Caller Isw2 => callers[4];
    public Caller Admin => callers[5];
    public Caller Qa => callers[6];
    public Caller ApplicantA => callers[7];
    public Caller ApplicantB => callers[8];
    public Caller Shadower1 => callers[9];
    public Caller Shadower2 => callers[10];

    private bool IsStaff(Caller c) => c == Admin || c == Qa;

    public static async Task<MatrixWorld> BuildAsync(IswPanelApp app)
    {
        var world = new MatrixWorld();
        world.callers.Add(new Caller("anonymous", null, PageClient.For(app), app.CreateClient(new() { AllowAutoRedirect = false })));
        await world.AddAsync(app, "Northshire commissioner", "Commissioner", DemoUsers.Northshire, DemoUsers.Password);
        await world.AddAsync(app, "Southborough commissioner (other authority)", "Commissioner", DemoUsers.Southborough, DemoUsers.Password);
        await world.AddAsync(app, "isw1", "Isw", DemoUsers.Isw(1), DemoUsers.Password, panelMember: true);
        await world.AddAsync(app, "isw2 (other ISW)", "Isw", DemoUsers.Isw(2), DemoUsers.Password, panelMember: true);
        await world.AddAsync(app, "panel administrator", "PanelAdmin", DemoUsers.Admin, DemoUsers.Password);
        await world.AddAsync(app, "QA reviewer", "QaReviewer", DemoUsers.Qa, DemoUsers.Password);
        var (applicantA, jobA, periodA) = await ApplicantWithRecordsAsync(app, "matrix-a@applicant.test", "Matrix Employer Alpha");
        world.callers.Add(new Caller("applicant A", "Isw", applicantA.Client, await ApiClients.SignedInAsync(app, applicantA.Email, Applicant.Password)));
        var (applicantB, _, _) = await ApplicantWithRecordsAsync(app, "matrix-b@applicant.test", "Matrix Employer Beta");
        world.callers.Add(new Caller("applicant B (other applicant)", "Isw", applicantB.Client, await ApiClients.SignedInAsync(app, applicantB.Email, Applicant.Password)));
        await world.AddAsync(app, "shadower1 (Northshire, shadowing isw1)", "Shadower", DemoUsers.Shadower1, DemoUsers.Password);
        await world.AddAsync(app, "shadower2 (other shadower)", "Shadower", DemoUsers.Shadower2, DemoUsers.Password);
        await world.RegisterRecordsAsync(app, jobA, periodA);
        return world;
    }

    private async Task AddAsync(IswPanelApp app, string name, string role, string email, string password, bool panelMember = false)
    {
        var pages = PageClient.For(app);
        var signedIn = await pages.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        callers.Add(new Caller(name, role, pages, await ApiClients.SignedInAsync(app, email, password), panelMember));
    }

    /// <summary>An applicant part-way through the form, with a job and an unavailable period of their own.</summary>
    private static async Task<(Applicant Applicant, Guid Job, Guid Period)> ApplicantWithRecordsAsync(IswPanelApp app, string email, string employer)
    {
        var applicant = await Applicant.ConfirmedAsync(app, email);
        await applicant.AnswerAsync("/apply/employment/add", "/apply/employment",
            ("Form.Employer", Web.Features.Apply.EmploymentHistory.AnotherEmployer), ("Form.OtherEmployerName", employer),
            ("Form.Role", "Family court adviser"), ("Form.Kind", "Permanent"),
            ("Form.StartedOn.Day", "1"), ("Form.StartedOn.Month", "9"), ("Form.StartedOn.Year", "2015"), ("Form.StillWorkHere", "true"));
        await applicant.AnswerAsync("/apply/unavailability/add", "/apply/unavailability",
            ("From.Day", "1"), ("From.Month", "2"), ("From.Year", "2027"), ("To.Day", "5"), ("To.Month", "2"), ("To.Year", "2027"));
        var (_, jobs) = await applicant.Client.GetPageAsync("/apply/employment");
        var (_, periods) = await applicant.Client.GetPageAsync("/apply/unavailability");
        return (applicant, IdIn(jobs, "/apply/employment/"), IdIn(periods, "/apply/unavailability/"));

        static Guid IdIn(AngleSharp.Dom.IDocument page, string prefix)
        {
            var action = page.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? "")
                .First(a => a.StartsWith(prefix, StringComparison.Ordinal) && a.Contains("/remove", StringComparison.Ordinal));
            return Guid.Parse(action[prefix.Length..].Split('/')[0]);
        }
    }

    private async Task RegisterRecordsAsync(IswPanelApp app, Guid jobA, Guid periodA)
    {
        async Task<Guid> RequestId(string reference) =>
            await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == reference).Select(r => r.Id).SingleAsync());
        async Task<Guid> UserId(string email) => await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        // Northshire's request assigned to isw1: its commissioner, isw1 and panel staff may read it.
        var assigned = await RequestId("NS-2026-0161");
        var assignedRecord = new MatrixRecord(assigned.ToString(), c => c == Northshire || c == Isw1 || IsStaff(c),
            assigned.ToString(), "NS-2026-0161", "T.M.");
        // Northshire's draft and its submitted request: no ISW is assigned.
        var draft = await RequestId("NS-2026-0171");
        var draftRecord = new MatrixRecord(draft.ToString(), c => c == Northshire || IsStaff(c), draft.ToString(), "NS-2026-0171", "J.S.");
        var submitted = await RequestId("NS-2026-0170");
        var submittedRecord = new MatrixRecord(submitted.ToString(), c => c == Northshire || IsStaff(c), submitted.ToString(), "NS-2026-0170", "E.W.");

        byParameter["id"] = assignedRecord;
        byEndpointParameter["GET /requests/{id:guid}/edit|id"] = draftRecord;
        byEndpointParameter["POST /requests/{id:guid}/edit|id"] = draftRecord;
        byEndpointParameter["GET /requests/{id:guid}/cancel|id"] = submittedRecord;
        byEndpointParameter["POST /requests/{id:guid}/cancel|id"] = submittedRecord;
        byEndpointParameter["POST /api/v1/assessment-requests/{id:guid}/cancel|id"] = submittedRecord;
        byControllerParameter["Matching|id"] = submittedRecord;
        byControllerParameter["MatchingApi|id"] = submittedRecord;

        // isw1's (accepted) offer of that request.
        var offer = await app.WithDbAsync(db => db.Offers.Where(o => o.AssessmentRequestId == assigned).Select(o => o.Id).SingleAsync());
        var offerRecord = new MatrixRecord(offer.ToString(), c => c == Isw1, offer.ToString(), "NS-2026-0161", "T.M.");
        byControllerParameter["Offers|id"] = offerRecord;
        byControllerParameter["OffersApi|id"] = offerRecord;

        // A notification to isw1.
        var isw1User = await UserId(DemoUsers.Isw(1));
        var notification = await app.WithDbAsync(async db =>
        {
            var n = Notification.To(isw1User, NotificationCategories.Offers, "Matrix notification ZQX-4471 for isw1", "/offers", app.Clock.GetUtcNow().UtcDateTime);
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        byControllerParameter["Notifications|id"] = new MatrixRecord(notification.ToString(), c => c == Isw1, notification.ToString(), "ZQX-4471");

        // The letter of instruction of the assigned request.
        var letter = await AttachLetterAsync(app, assigned, await UserId(DemoUsers.Northshire));
        byControllerParameter["Documents|id"] = new MatrixRecord(letter.ToString(), c => c == Northshire || c == Isw1 || IsStaff(c),
            letter.ToString(), "%PDF", "Matrix letter QRT-9921");

        // Administrator-only records.
        var northshire = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync());
        byControllerParameter["Admin|id"] = MatrixRecord.Open(northshire.ToString(), northshire.ToString());
        // An authority's figures: its commissioners and the administrators.
        var northshireFigures = new MatrixRecord(northshire.ToString(), c => c == Northshire || c == Admin);
        byControllerParameter["Insight|authorityId"] = northshireFigures;
        byControllerParameter["InsightApi|id"] = northshireFigures;
        byEndpointParameter["POST /admin/users/{id:guid}/resend-invitation|id"] = MatrixRecord.Open((await UserId(DemoUsers.Southborough)).ToString());
        var imran = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Imran Chaudhry").Select(p => p.Id).SingleAsync());
        byControllerParameter["Panel|id"] = MatrixRecord.Open(imran.ToString(), imran.ToString(), "Imran Chaudhry");
        byControllerParameter["PanelMembersApi|id"] = MatrixRecord.Open(imran.ToString(), imran.ToString(), "Imran Chaudhry");
        // Gareth Price left Northshire's staff 5 months ago: the conflict a waiver is recorded against.
        var gareth = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Gareth Price").Select(p => p.Id).SingleAsync());
        byEndpointParameter["GET /admin/panel/{id:guid}/waiver/{authorityId:guid}|id"] = MatrixRecord.Open(gareth.ToString(), gareth.ToString(), "Gareth Price");
        byEndpointParameter["POST /admin/panel/{id:guid}/waiver/{authorityId:guid}|id"] = MatrixRecord.Open(gareth.ToString(), gareth.ToString(), "Gareth Price");
        byControllerParameter["Panel|authorityId"] = MatrixRecord.Open(northshire.ToString());
        byControllerParameter["Panel|kind"] = MatrixRecord.Open("EnhancedDbs");
        byControllerParameter["Panel|decision"] = MatrixRecord.Open("RequestInformation");
        byControllerParameter["Panel|change"] = MatrixRecord.Open("Suspend");
        var email = await app.WithDbAsync(async db =>
        {
            var failed = new Data.Outbox.OutboxEmail
            {
                To = "someone@matrix.test", ToName = "Someone", Subject = "Matrix email WVB-3310", Body = "Body", Category = NotificationCategories.Offers,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime, Attempts = 5, LastError = "refused", GaveUpAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.OutboxEmails.Add(failed);
            await db.SaveChangesAsync();
            return failed.Id;
        });
        byControllerParameter["Outbox|id"] = MatrixRecord.Open(email.ToString(), email.ToString(), "WVB-3310");

        // The work on an assignment: isw1's request in progress (over its budget, so hours await Northshire's approval),
        // its assignment, an entry awaiting approval; a report version in QA; a released report; a delivered request of isw1's.
        var inProgress = await RequestId("NS-2026-0142");
        var caseRecord = new MatrixRecord(inProgress.ToString(), c => c == Isw1, "NS-2026-0142", "A.B.");
        byControllerParameter["Work|requestId"] = caseRecord;
        byEndpointParameter["POST /requests/{requestId:guid}/hours/{entryId:guid}/approve|requestId"] =
            new MatrixRecord(inProgress.ToString(), c => c == Northshire, "NS-2026-0142", "A.B.");
        foreach (var verb in new[] { "GET", "POST" })
            byEndpointParameter[$"{verb} /requests/{{requestId:guid}}/hours/{{entryId:guid}}/refuse|requestId"] =
                new MatrixRecord(inProgress.ToString(), c => c == Northshire, "NS-2026-0142", "A.B.");
        // Two entries await approval: the approve route decides one, the refuse routes the other.
        var awaiting = await app.WithDbAsync(db => db.WorkLogEntries
            .Where(e => e.AssessmentRequestId == inProgress && e.Approval == Domain.Work.HoursApproval.AwaitingApproval)
            .OrderBy(e => e.LoggedAt).ThenBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync());
        Assert.Equal(2, awaiting.Count);
        byControllerParameter["Work|entryId"] = new MatrixRecord(awaiting[0].ToString(), c => c == Northshire);
        foreach (var verb in new[] { "GET", "POST" })
            byEndpointParameter[$"{verb} /requests/{{requestId:guid}}/hours/{{entryId:guid}}/refuse|entryId"] = new MatrixRecord(awaiting[1].ToString(), c => c == Northshire);
        var assignment = await app.WithDbAsync(db => db.Assignments.Where(a => a.AssessmentRequestId == inProgress && a.IsActive).Select(a => a.Id).SingleAsync());
        byEndpointParameter["POST /api/v1/assignments/{id:guid}/report-versions|id"] = new MatrixRecord(assignment.ToString(), c => c == Isw1, "NS-2026-0142", "A.B.");

        var delivered = await RequestId("NS-2026-0123");
        var releasedRecord = new MatrixRecord(delivered.ToString(), c => c == Northshire || c == Admin, "NS-2026-0123", "L.K.");
        byEndpointParameter["GET /requests/{requestId:guid}/report|requestId"] = releasedRecord;
        byEndpointParameter["GET /api/v1/assessment-requests/{id:guid}/report|id"] = releasedRecord;
        // Feedback on the released request (its commissioner rates it).
        byEndpointParameter["POST /requests/{id:guid}/feedback|id"] = new MatrixRecord(delivered.ToString(), c => c == Northshire, "NS-2026-0123", "L.K.");

        var closedOfIsw1 = await RequestId("NS-2026-0098");
        var isw1Version = await app.WithDbAsync(db => db.ReportVersions.Where(v => v.AssessmentRequestId == closedOfIsw1).Select(v => v.Id).FirstAsync());
        byEndpointParameter["GET /work/{requestId:guid}/report-versions/{versionId:guid}/file|requestId"] =
            new MatrixRecord(closedOfIsw1.ToString(), c => c == Isw1, "NS-2026-0098");
        byEndpointParameter["GET /work/{requestId:guid}/report-versions/{versionId:guid}/file|versionId"] =
            new MatrixRecord(isw1Version.ToString(), c => c == Isw1, "%PDF");

        var inQa = await RequestId("NS-2026-0164");
        var versionInQa = await app.WithDbAsync(db => db.ReportVersions.Where(v => v.AssessmentRequestId == inQa && v.Status == Domain.Work.ReportVersionStatus.InQa)
            .Select(v => v.Id).SingleAsync());
        var versionRecord = MatrixRecord.Open(versionInQa.ToString(), "NS-2026-0164", "%PDF");
        byControllerParameter["Qa|id"] = versionRecord;
        byControllerParameter["QaApi|id"] = versionRecord;

        // Administrators' reference data: a rubric criterion, an assessment type, a user to disable and re-enable.
        var criterion = await app.WithDbAsync(db => db.RubricCriteria.OrderBy(c => c.DisplayOrder).Select(c => c.Id).FirstAsync());
        byControllerParameter["QaAdmin|id"] = MatrixRecord.Open(criterion.ToString());
        byControllerParameter["QaAdmin|change"] = MatrixRecord.Open("movedown");
        var parenting = await app.WithDbAsync(db => db.AssessmentTypes.Where(t => t.Code == "parenting").Select(t => t.Id).SingleAsync());
        byEndpointParameter["GET /admin/assessment-types/{id:guid}/qa|id"] = MatrixRecord.Open(parenting.ToString());
        byEndpointParameter["POST /admin/assessment-types/{id:guid}/qa|id"] = MatrixRecord.Open(parenting.ToString());
        byEndpointParameter["GET /admin/assessment-types/{id:guid}/edit|id"] = MatrixRecord.Open(parenting.ToString());
        byEndpointParameter["POST /admin/assessment-types/{id:guid}/edit|id"] = MatrixRecord.Open(parenting.ToString());
        var active = MatrixRecord.Open((await UserId(DemoUsers.Isw(12))).ToString());
        byEndpointParameter["GET /admin/users/{id:guid}/disable|id"] = active;
        byEndpointParameter["POST /admin/users/{id:guid}/disable|id"] = active;
        // Re-enabling needs a disabled account.
        var disabledId = await UserId(DemoUsers.Isw(11));
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == disabledId);
            user.IsDisabled = true;
            return await db.SaveChangesAsync();
        });
        byEndpointParameter["GET /admin/users/{id:guid}/enable|id"] = MatrixRecord.Open(disabledId.ToString());
        byEndpointParameter["POST /admin/users/{id:guid}/enable|id"] = MatrixRecord.Open(disabledId.ToString());

        // The application pages: applicant A's own job and unavailable period.
        byEndpointParameter["POST /apply/employment/{id:guid}/remove|id"] = new MatrixRecord(jobA.ToString(), c => c == ApplicantA, jobA.ToString(), "Matrix Employer Alpha");
        byEndpointParameter["POST /apply/unavailability/{id:guid}/remove|id"] = new MatrixRecord(periodA.ToString(), c => c == ApplicantA, periodA.ToString());

        // Anonymous routes: a calendar feed with a wrong secret, the about pages, the error page, OpenAPI, Hangfire's dashboard.
        await RegisterShadowingAsync(app, assigned);

        byControllerParameter["Calendar|userId"] = MatrixRecord.Open(isw1User.ToString());
        byControllerParameter["Calendar|secret"] = MatrixRecord.Open("not-the-secret");
        byParameter["page"] = MatrixRecord.Open("privacy");
        byParameter["status"] = MatrixRecord.Open("404");
        byParameter["documentName"] = MatrixRecord.Open("v1");
        byParameter["path"] = MatrixRecord.Open("");
    }

    /// <summary>
    /// The demo's shadowing: shadower1 (Leah Morgan) shadows isw1 on NS-2026-0142 with one attended, reflected session;
    /// shadower2 (Sam Patel) waits for isw1's decision on NS-2026-0161. Only Northshire's commissioners, isw1 and the
    /// shadower concerned may see a nomination; a shadower's summary is theirs, their commissioners' and the administrators'.
    /// </summary>
    private async Task RegisterShadowingAsync(IswPanelApp app, Guid assignedRequest)
    {
        var (leah, leahNomination, leahSession, samNomination) = await app.WithDbAsync(async db =>
        {
            var leahId = await db.Shadowers.Where(s => s.SocialWorkEnglandNumber == "SW301122").Select(s => s.Id).SingleAsync();
            var nomination = await db.ShadowingNominations.Where(n => n.ShadowerId == leahId).Select(n => n.Id).SingleAsync();
            var session = await db.ShadowedSessions.Where(s => s.NominationId == nomination).Select(s => s.Id).SingleAsync();
            var sam = await db.ShadowingNominations.Where(n => n.ShadowerId != leahId).Select(n => n.Id).SingleAsync();
            return (leahId, nomination, session, sam);
        });

        byControllerParameter["Shadowing|requestId"] = new MatrixRecord(assignedRequest.ToString(), c => c == Northshire || c == Isw1 || IsStaff(c),
            assignedRequest.ToString(), "NS-2026-0161");
        var leahsNomination = new MatrixRecord(leahNomination.ToString(), c => c == Northshire || c == Isw1 || c == Shadower1,
            "observes contact and turns what she sees");
        byControllerParameter["Shadowing|nominationId"] = leahsNomination;
        byControllerParameter["ShadowingApi|nominationId"] = leahsNomination;
        // Withdrawing is tried last by the commissioner for real, so it takes the nomination nothing else depends on.
        byEndpointParameter["POST /shadowing/nominations/{nominationId:guid}/withdraw|nominationId"] =
            new MatrixRecord(samNomination.ToString(), c => c == Northshire || c == Isw1 || c == Shadower2, "planned in four weeks");
        byControllerParameter["Shadowing|sessionId"] = new MatrixRecord(leahSession.ToString(), c => c == Northshire || c == Isw1 || c == Shadower1,
            "says about the relationship");
        var leahsSummary = new MatrixRecord(leah.ToString(), c => c == Shadower1 || c == Northshire || c == Admin, "SW301122", "says about the relationship");
        byControllerParameter["ShadowingReports|shadowerId"] = leahsSummary;
        byControllerParameter["ShadowingReportsApi|shadowerId"] = leahsSummary;
        byControllerParameter["Panel|shadowerId"] = MatrixRecord.Open(leah.ToString());
    }

    private static async Task<Guid> AttachLetterAsync(IswPanelApp app, Guid requestId, Guid commissioner)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Files.IFileStore>();
        var content = PageClient.TinyPdf();
        var key = $"2026/12/{Guid.NewGuid():N}";
        await store.SaveAsync(key, new MemoryStream(content), CancellationToken.None);
        var file = Domain.Documents.StoredFile.Record(null, commissioner, app.Clock.GetUtcNow().UtcDateTime, "Matrix letter QRT-9921.pdf",
            Domain.Documents.FileKind.Pdf, content.Length, "", key);
        db.StoredFiles.Add(file);
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == requestId);
        db.Entry(request).Property(r => r.LetterOfInstructionFileId).CurrentValue = file.Id;
        await db.SaveChangesAsync();
        return file.Id;
    }

    /// <summary>Fills the endpoint's route from the registry, or reports that the matrix cannot.</summary>
    public PlannedCall? Plan(AppEndpoint endpoint, List<string> failures)
    {
        var method = endpoint.Key.Split(' ')[0] == "*" ? "GET" : endpoint.Key.Split(' ')[0];
        var controller = endpoint.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>()?.ControllerName ?? "";
        var records = new List<MatrixRecord>();
        var url = new StringBuilder();
        foreach (var segment in endpoint.Endpoint.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        break;
                    case Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter:
                        var record = byEndpointParameter.GetValueOrDefault($"{endpoint.Key}|{parameter.Name}")
                            ?? byControllerParameter.GetValueOrDefault($"{controller}|{parameter.Name}")
                            ?? byParameter.GetValueOrDefault(parameter.Name);
                        if (record is null)
                        {
                            failures.Add($"{endpoint.Key}: the matrix cannot fill {{{parameter.Name}}}; register a record for it in MatrixWorld.");
                            return null;
                        }

                        records.Add(record);
                        url.Append(Uri.EscapeDataString(record.Value));
                        break;
                }
            }
        }

        var path = url.ToString().TrimEnd('/');
        return new PlannedCall(endpoint, method, path.Length == 0 ? "/" : path, records);
    }

    /// <summary>An antiforgery token for the caller's cookie session, read from a page every user can open.</summary>
    public static async Task<string> TokenAsync(Caller caller)
    {
        if (caller.Token is { } token) return token;
        var (_, page) = await caller.Pages.GetPageAsync(caller.Role is null ? "/account/sign-in" : "/account/two-factor");
        caller.Token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token for {caller.Name}.");
        return caller.Token;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var caller in callers) caller.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Every table of the EF model, as a row count and a fingerprint of its contents.</summary>
internal sealed class TableSnapshot(Dictionary<string, (int Rows, string Hash)> tables)
{
    private Dictionary<string, (int Rows, string Hash)> Tables { get; } = tables;

    public static async Task<TableSnapshot> TakeAsync(IswPanelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, (int, string)>();
        foreach (var name in names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join("\u001f", values.Select(v => v is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows))));
            result[name] = (rows.Count, hash);
        }

        return new TableSnapshot(result);
    }

    public IEnumerable<string> Differences(TableSnapshot after, IReadOnlySet<string> ignored)
    {
        Assert.True(Tables.Count > 20, "Too few tables found; the snapshot itself is broken.");
        foreach (var (name, (rows, hash)) in Tables)
        {
            if (ignored.Contains(name)) continue;
            var (afterRows, afterHash) = after.Tables[name];
            if (afterRows != rows) yield return $"{name} had {rows} rows, now {afterRows}";
            else if (afterHash != hash) yield return $"{name}: a row changed";
        }
    }
}
