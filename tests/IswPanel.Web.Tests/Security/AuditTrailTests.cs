using System.Net;
using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Data.Audit;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using IswPanel.Web.Features.Offers;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Tests.Features.Deadlines;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Security;

/// <summary>One app for the audit tests of this class; they run one after another and each reads only the rows it caused.</summary>
public sealed class AuditApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await DeadlineScenario.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

/// <summary>
/// Each kind of event the audit trail must hold writes exactly one row, through HTTP as a user causes it (or
/// through the job, for the sweeps): sign-ins, refusals (403, 404), reads of a request and downloads, request and
/// offer state changes, waivers and role changes. A user-supplied value with CR/LF cannot forge a line.
/// </summary>
public sealed class AuditTrailTests(AuditApp fixture) : IClassFixture<AuditApp>
{
    private IswPanelApp App => fixture.App;

    private Task<long> MarkAsync() => App.WithDbAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

    private Task<List<AuditEvent>> SinceAsync(long mark, string action) =>
        App.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > mark && e.Action == action).ToListAsync());

    private Task<Guid> UserIdAsync(string email) => App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> RequestIdAsync(string reference) =>
        App.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == reference).Select(r => r.Id).SingleAsync());

    private async Task<PageClient> SignedInAsync(string email)
    {
        var client = PageClient.For(App);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, DemoUsers.Password)).StatusCode);
        return client;
    }

    [Fact]
    public async Task A_successful_sign_in_writes_one_row_naming_the_user()
    {
        var mark = await MarkAsync();
        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Isw(5), DemoUsers.Password);

        var row = Assert.Single(await SinceAsync(mark, AuditActions.SignedIn));
        Assert.Equal(await UserIdAsync(DemoUsers.Isw(5)), row.UserId);
        Assert.Empty(await SinceAsync(mark, AuditActions.SignInFailed));
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_email_writes_one_failure_row()
    {
        var mark = await MarkAsync();
        using var client = PageClient.For(App);
        await client.SignInAsync("nobody-here@example.test", DemoUsers.Password);

        var row = Assert.Single(await SinceAsync(mark, AuditActions.SignInFailed));
        Assert.Null(row.UserId);
        Assert.Contains("nobody-here@example.test", row.Detail, StringComparison.Ordinal);
        Assert.Empty(await SinceAsync(mark, AuditActions.SignedIn));
    }

    [Fact]
    public async Task A_sign_in_with_a_wrong_password_writes_one_failure_row_naming_the_account()
    {
        var mark = await MarkAsync();
        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Isw(6), "not the password at all");

        var row = Assert.Single(await SinceAsync(mark, AuditActions.SignInFailed));
        Assert.Equal(await UserIdAsync(DemoUsers.Isw(6)), row.UserId);
        Assert.Equal("wrong password", row.Detail);
    }

    [Fact]
    public async Task A_403_on_a_tenant_resource_writes_one_row_for_a_page_and_one_for_the_api()
    {
        var request = await RequestIdAsync("NS-2026-0161");
        using var isw = await SignedInAsync(DemoUsers.Isw(1));
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Isw(1), DemoUsers.Password);

        var mark = await MarkAsync();
        var page = await isw.Http.GetAsync($"/requests/{request}/cancel");
        var pageRows = await SinceAsync(mark, AuditActions.AccessForbidden);
        var apiMark = await MarkAsync();
        var apiResponse = await api.PostAsJsonAsync($"/api/v1/assessment-requests/{request}/cancel", new { reason = "x" }, TestContext.Current.CancellationToken);
        var apiRows = await SinceAsync(apiMark, AuditActions.AccessForbidden);

        Assert.StartsWith("/account/access-denied", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, apiResponse.StatusCode);
        var row = Assert.Single(pageRows);
        Assert.Equal(request.ToString(), row.EntityId);
        Assert.Equal(await UserIdAsync(DemoUsers.Isw(1)), row.UserId);
        Assert.Equal("Isw", row.UserRole);
        Assert.Equal("GET /requests/{id:guid}/cancel", row.Detail);
        Assert.Equal(request.ToString(), Assert.Single(apiRows).EntityId);
    }

    [Fact]
    public async Task A_404_on_another_tenants_record_writes_one_row_for_a_page_and_one_for_the_api()
    {
        var request = await RequestIdAsync("NS-2026-0142");
        using var southborough = await SignedInAsync(DemoUsers.Southborough);
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Southborough, DemoUsers.Password);

        var mark = await MarkAsync();
        var page = await southborough.Http.GetAsync($"/requests/{request}");
        var pageRows = await SinceAsync(mark, AuditActions.AccessNotFound);
        var apiMark = await MarkAsync();
        var apiResponse = await api.GetAsync($"/api/v1/assessment-requests/{request}", TestContext.Current.CancellationToken);
        var apiRows = await SinceAsync(apiMark, AuditActions.AccessNotFound);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiResponse.StatusCode);
        var row = Assert.Single(pageRows);
        Assert.Equal(request.ToString(), row.EntityId);
        Assert.Equal(await UserIdAsync(DemoUsers.Southborough), row.UserId);
        Assert.NotNull(row.AuthorityId);
        Assert.Equal(request.ToString(), Assert.Single(apiRows).EntityId);
        Assert.Empty(await SinceAsync(mark, AuditActions.RequestViewed));
    }

    [Fact]
    public async Task Viewing_a_requests_details_writes_one_row()
    {
        var request = await RequestIdAsync("NS-2026-0157");
        using var northshire = await SignedInAsync(DemoUsers.Northshire);

        var mark = await MarkAsync();
        Assert.Equal(HttpStatusCode.OK, (await northshire.Http.GetAsync($"/requests/{request}")).StatusCode);

        Assert.Equal(request.ToString(), Assert.Single(await SinceAsync(mark, AuditActions.RequestViewed)).EntityId);
    }

    [Fact]
    public async Task Submitting_a_request_writes_one_row()
    {
        using var northshire = await SignedInAsync(DemoUsers.Northshire);

        var mark = await MarkAsync();
        var submitted = await Features.Requests.RequestForms.PostAsync(northshire, "/requests/new",
            Features.Requests.RequestForms.Answers("NS-AUDIT-0001", new DateOnly(2027, 4, 1)));
        var id = Features.Requests.RequestForms.IdFromRedirect(submitted);

        Assert.Equal(id.ToString(), Assert.Single(await SinceAsync(mark, AuditActions.RequestSubmitted)).EntityId);
    }

    [Fact]
    public async Task Cancelling_a_request_writes_one_row_and_a_reason_with_cr_lf_cannot_forge_a_line()
    {
        var request = await RequestIdAsync("SB/26/0326");
        using var southborough = await SignedInAsync(DemoUsers.Southborough);
        // (A NUL in a form field currently answers 500 before anything is saved: see the report; not part of this test.)
        const string forged = "Duplicate\r\n2026-12-01T09:30:00Z sign-in.succeeded admin@demo.iswpanel.test\u001b[2J\t\u0085";

        var mark = await MarkAsync();
        var cancelled = await southborough.PostFormAsync($"/requests/{request}/cancel", $"/requests/{request}/cancel", [new("Form.Reason", forged)]);

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var row = Assert.Single(await SinceAsync(mark, AuditActions.RequestCancelled));
        Assert.Equal(request.ToString(), row.EntityId);
        Assert.DoesNotContain(row.Detail!, char.IsControl);
        Assert.Contains("Duplicate  2026-12-01T09:30:00Z sign-in.succeeded", row.Detail, StringComparison.Ordinal);
        Assert.Empty(await SinceAsync(mark, AuditActions.SignedIn));
    }

    [Fact]
    public async Task A_sign_in_attempt_with_cr_lf_in_the_email_is_stored_as_one_line()
    {
        const string forged = "x@example.test\r\n2026-12-01T09:30:00Z sign-in.succeeded\u2028admin\u0085\n";

        var mark = await MarkAsync();
        using var client = PageClient.For(App);
        await client.SignInAsync(forged, "whatever it is");

        var row = Assert.Single(await SinceAsync(mark, AuditActions.SignInFailed));
        Assert.DoesNotContain(row.Detail!, c => char.IsControl(c) || c is '\u2028' or '\u2029');
        Assert.Contains("x@example.test  2026-12-01T09:30:00Z sign-in.succeeded admin", row.Detail, StringComparison.Ordinal);
        Assert.Empty(await SinceAsync(mark, AuditActions.SignedIn));
    }

    [Fact]
    public async Task Approving_the_proposed_isw_writes_one_row()
    {
        var request = await RequestIdAsync("NS-2026-0161");
        using var northshire = await SignedInAsync(DemoUsers.Northshire);

        var mark = await MarkAsync();
        var approved = await northshire.PostFormAsync($"/requests/{request}", $"/requests/{request}/approve-isw", []);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(request.ToString(), Assert.Single(await SinceAsync(mark, AuditActions.ProposedIswApproved)).EntityId);
    }

    [Fact]
    public async Task Declining_the_proposed_isw_writes_one_row()
    {
        var request = await DeadlineScenario.AssignedRequestAsync(App, 1, Domain.Assessments.AssessmentRequestStatus.Assigned,
            new DateOnly(2027, 3, 1), "NS-AUDIT-0003");
        using var northshire = await SignedInAsync(DemoUsers.Northshire);

        var mark = await MarkAsync();
        var declined = await northshire.PostFormAsync($"/requests/{request}/decline-isw", $"/requests/{request}/decline-isw",
            [new("Form.Reason", "Not the right experience.")]);

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var row = Assert.Single(await SinceAsync(mark, AuditActions.ProposedIswDeclined));
        Assert.Equal(request.ToString(), row.EntityId);
        Assert.Contains("Not the right experience.", row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_accepting_and_declining_offers_each_write_one_row()
    {
        var request = await MatchingScenario.SubmittedRequestAsync(App, caseReference: "NS-AUDIT-0002");
        var isw1 = await MatchingScenario.IswIdAsync(App, 1);
        var isw7 = await MatchingScenario.IswIdAsync(App, 7);
        using var admin = await ApiClients.SignedInAsync(App, DemoUsers.Admin, DemoUsers.Password);
        using var first = await ApiClients.SignedInAsync(App, DemoUsers.Isw(1), DemoUsers.Password);
        using var second = await ApiClients.SignedInAsync(App, DemoUsers.Isw(7), DemoUsers.Password);
        var ct = TestContext.Current.CancellationToken;

        var mark = await MarkAsync();
        using var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assessment-requests/{request}/offers")
        {
            Content = JsonContent.Create(new { iswIds = new[] { isw1, isw7 }, respondWithinWorkingDays = 2 }),
        };
        send.Headers.Add("Idempotency-Key", "audit-offers-0002");
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(send, ct)).StatusCode);
        var offers = await App.WithDbAsync(db => db.Offers.Where(o => o.AssessmentRequestId == request).ToDictionaryAsync(o => o.IswProfileId, o => o.Id, ct));
        var declined = await second.PostAsJsonAsync($"/api/v1/offers/{offers[isw7]}/decline", new { reason = "Fully booked." }, ct);
        var accepted = await first.PostAsync($"/api/v1/offers/{offers[isw1]}/accept", null, ct);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(request.ToString(), Assert.Single(await SinceAsync(mark, AuditActions.OffersSent)).EntityId);
        Assert.Equal(offers[isw7].ToString(), Assert.Single(await SinceAsync(mark, AuditActions.OfferDeclined)).EntityId);
        var acceptance = Assert.Single(await SinceAsync(mark, AuditActions.OfferAccepted));
        Assert.Equal(offers[isw1].ToString(), acceptance.EntityId);
        Assert.Equal(await UserIdAsync(DemoUsers.Isw(1)), acceptance.UserId);
    }

    [Fact]
    public async Task Inviting_a_user_writes_one_invitation_row_and_one_role_row()
    {
        using var admin = await SignedInAsync(DemoUsers.Admin);

        var mark = await MarkAsync();
        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Audit Reviewer",
            ["Form.Email"] = "audit.reviewer@demo.iswpanel.test",
            ["Form.Role"] = "QaReviewer",
        });

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var user = await UserIdAsync("audit.reviewer@demo.iswpanel.test");
        var role = Assert.Single(await SinceAsync(mark, AuditActions.RoleAssigned));
        Assert.Equal(user.ToString(), role.EntityId);
        Assert.Equal("QaReviewer", role.Detail);
        Assert.Equal(await UserIdAsync(DemoUsers.Admin), role.UserId);
        Assert.Equal(user.ToString(), Assert.Single(await SinceAsync(mark, AuditActions.UserInvited)).EntityId);
    }

    [Fact]
    public async Task An_applicants_new_account_writes_one_role_row()
    {
        var mark = await MarkAsync();
        using var applicant = await Features.Apply.Applicant.CreatedAsync(App, "audit.applicant@example.test");

        var row = Assert.Single(await SinceAsync(mark, AuditActions.RoleAssigned));
        Assert.Equal("Isw", row.Detail);
        Assert.Equal((await applicant.UserIdAsync()).ToString(), row.EntityId);
    }

    [Fact]
    public async Task The_data_layer_refuses_to_update_or_delete_an_audit_row()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.AuditEvents.OrderBy(e => e.Id).FirstAsync(TestContext.Current.CancellationToken);

        db.Entry(row).Property(e => e.Detail).CurrentValue = "rewritten";
        await Assert.ThrowsAsync<AuditTrailIsAppendOnlyException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(await db.AuditEvents.OrderBy(e => e.Id).FirstAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<AuditTrailIsAppendOnlyException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>The sweeps have no HTTP user: their rows name the system as the actor.</summary>
public sealed class SweepAuditTests
{
    [Fact]
    public async Task An_offer_lapsing_and_cascading_writes_one_row_each_with_the_system_as_actor()
    {
        await using var app = await DeadlineScenario.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-AUDIT-EXP1");
        var offer = Assert.Single(await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)], cascade: true));
        var mark = await app.WithDbAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 31, 0, TimeSpan.Zero));
        Assert.Equal(1, (await DeadlineScenario.ExpireOffersAsync(app)).Done);
        Assert.Equal(0, (await DeadlineScenario.ExpireOffersAsync(app)).Done);

        var rows = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > mark).ToListAsync());
        var expired = Assert.Single(rows, r => r.Action == AuditActions.OfferExpired);
        Assert.Equal(offer.ToString(), expired.EntityId);
        Assert.Null(expired.UserId);
        Assert.StartsWith(OfferCascade.SystemActor + ":", expired.Detail, StringComparison.Ordinal);
        var cascaded = Assert.Single(rows, r => r.Action == AuditActions.OfferCascaded);
        Assert.Null(cascaded.UserId);
        Assert.StartsWith(OfferCascade.SystemActor + ":", cascaded.Detail, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Expired, await app.WithDbAsync(db => db.Offers.Where(o => o.Id == offer).Select(o => o.Status).SingleAsync()));
    }
}

/// <summary>The database itself refuses to change or remove audit rows (triggers), on each provider.</summary>
public sealed class AuditTriggerTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_raw_update_or_delete_of_audit_rows_fails_in_the_database(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        using (var client = PageClient.For(app)) await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        var before = await app.WithDbAsync(db => db.AuditEvents.Select(e => new { e.Id, e.Detail }).ToListAsync());
        Assert.NotEmpty(before);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Detail\" = 'rewritten'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        var after = await app.WithDbAsync(d => d.AuditEvents.Select(e => new { e.Id, e.Detail }).ToListAsync());
        Assert.Equal(before.OrderBy(e => e.Id), after.Where(e => before.Any(b => b.Id == e.Id)).OrderBy(e => e.Id));
    }
}
