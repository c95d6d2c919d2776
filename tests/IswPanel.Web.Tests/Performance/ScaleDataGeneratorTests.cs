using System.Net;
using System.Reflection;
using IswPanel.Data;
using IswPanel.DataGenerator;
using IswPanel.Domain;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Performance;

/// <summary>
/// The data-at-scale generator (issue 10) at a small scale: the sizes asked for, every state of a request, the same
/// content from the same seed (and on both providers), the domain's rules holding in what it wrote, and the running
/// application serving its pages on it.
/// </summary>
public sealed class ScaleDataGeneratorTests(ScaleDataFixture fixture) : IClassFixture<ScaleDataFixture>
{
    private static readonly DateOnly Today = ScaleDataOptions.DefaultToday;
    private static readonly DateTime Now = ScaleDataFixture.Small.Now;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Generates_the_sizes_asked_for_with_every_request_state_over_three_years(DatabaseProvider provider)
    {
        var world = await fixture.WorldAsync(provider);
        await using var db = world.Db();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(200, await db.IswProfiles.CountAsync(ct));
        Assert.Equal(5, await db.Authorities.CountAsync(ct));
        Assert.Equal(2_000, await db.AssessmentRequests.CountAsync(ct));
        var states = await db.AssessmentRequests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Assert.All(Enum.GetValues<AssessmentRequestStatus>(), state => Assert.Contains(states, s => s.Key == state && s.Count > 0));
        Assert.Equal(states.OrderBy(s => s.Key).Select(s => (s.Key, s.Count)),
            world.Report.RequestStates.Where(s => s.Value > 0).OrderBy(s => s.Key).Select(s => (s.Key, s.Value)));

        // History runs about three years back to now, and every authority has commissioners who made requests.
        Assert.InRange(await db.AssessmentRequests.MinAsync(r => r.CreatedAt, ct), Now.AddYears(-3), Now.AddYears(-3).AddDays(30));
        Assert.InRange(await db.AssessmentRequests.MaxAsync(r => r.CreatedAt, ct), Now.AddDays(-3), Now);
        Assert.Equal(5, await db.AssessmentRequests.Select(r => r.CreatedByUserId).Join(db.Users, id => id, u => u.Id, (_, u) => u.AuthorityId)
            .Distinct().CountAsync(ct));
        var iswAccounts = await (from u in db.Users
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where r.Name == Roles.Isw
                                 select u.Id).CountAsync(ct);
        Assert.Equal(200, iswAccounts);

        // The report counts what is in the database, with a speed for every table.
        Assert.Equal(world.Fingerprint.Rows["AuditEvents"], world.Report.Tables.Single(t => t.Table == "AuditEvents").Rows);
        Assert.Equal(world.Fingerprint.Rows["WorkLogEntries"], world.Report.Tables.Single(t => t.Table == "WorkLogEntries").Rows);
        Assert.All(world.Report.Tables, table => Assert.True(table.RowsPerSecond > 0, table.Table));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_domain_rules_hold_in_the_generated_data(DatabaseProvider provider)
    {
        var world = await fixture.WorldAsync(provider);
        await using var db = world.Db();
        var ct = TestContext.Current.CancellationToken;
        var requests = await db.AssessmentRequests.AsNoTracking().ToListAsync(ct);
        var offers = (await db.Offers.AsNoTracking().ToListAsync(ct)).ToLookup(o => o.AssessmentRequestId);
        var assignments = (await db.Assignments.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.AssessmentRequestId);

        foreach (var request in requests)
        {
            var own = offers[request.Id].ToList();
            var theirs = assignments[request.Id].ToList();
            // Each accepted offer made exactly one assignment; any other ended because the commissioner declined or the request was cancelled.
            Assert.Equal(own.Where(o => o.Status == OfferStatus.Accepted).Select(o => o.Id).Order(), theirs.Select(a => a.OfferId).Order());
            Assert.All(theirs.Where(a => !a.IsActive), a => Assert.Matches("^(Not approved by the commissioner|The request was cancelled)", a.EndReason));

            if (request.AssignedIswId is { } isw && request.Status != AssessmentRequestStatus.Cancelled)
            {
                // An assigned request has exactly one accepted offer from its ISW, and that offer's assignment is the active one.
                var accepted = Assert.Single(own, o => o.Status == OfferStatus.Accepted && o.IswProfileId == isw);
                var active = Assert.Single(theirs, a => a.IsActive);
                Assert.Equal((accepted.Id, isw), (active.OfferId, active.IswProfileId));
            }
            else if (request.Status is AssessmentRequestStatus.Draft or AssessmentRequestStatus.Submitted or AssessmentRequestStatus.Offered)
            {
                Assert.Null(request.AssignedIswId);
                Assert.DoesNotContain(theirs, a => a.IsActive);
            }

            // Offered exactly while an offer is open, and an open offer has not lapsed yet.
            Assert.Equal(request.Status == AssessmentRequestStatus.Offered, own.Any(o => o.Status == OfferStatus.Open));
            Assert.All(own.Where(o => o.Status == OfferStatus.Open), o => Assert.True(o.ExpiresAt > Now));
            Assert.All(own, o => Assert.True(o.SentAt <= Now));
            Assert.True(request.CreatedAt <= Now && request.UpdatedAt <= Now);
            if (request.Status is AssessmentRequestStatus.Delivered or AssessmentRequestStatus.Closed) Assert.NotNull(request.ReleasedReportVersionId);
            if (request.Status != AssessmentRequestStatus.Draft && request.Status != AssessmentRequestStatus.Cancelled)
                Assert.Equal(5, request.Milestones.Count);
        }

        // Released reports are approved versions; closed requests are rated.
        var released = await (from r in db.AssessmentRequests
                              join v in db.ReportVersions on r.ReleasedReportVersionId equals v.Id
                              select new { v.Status, v.ReleasedAt }).ToListAsync(ct);
        Assert.Equal(requests.Count(r => r.ReleasedAt is not null), released.Count);
        Assert.All(released, v => Assert.Equal((ReportVersionStatus.Approved, true), (v.Status, v.ReleasedAt is not null)));
        var rated = await db.AssessmentFeedback.Select(f => f.AssessmentRequestId).ToListAsync(ct);
        Assert.Equal(requests.Where(r => r.Status == AssessmentRequestStatus.Closed).Select(r => r.Id).Order(), rated.Order());

        // Nobody holds more work than their capacity, and work is spread: some ISWs are busy, some are full.
        var inHand = requests.Where(r => r.Status.IsActiveAssignment()).GroupBy(r => r.AssignedIswId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var profiles = await db.IswProfiles.AsNoTracking().ToListAsync(ct);
        Assert.All(profiles, p => Assert.True(inHand.GetValueOrDefault(p.Id) <= p.Capacity, $"{p.FullName} holds more than {p.Capacity}."));
        Assert.True(inHand.Count > 20);

        // Members were vetted: five years' PQE when approved (and so today), their evidence current while they are active.
        var documents = (await db.ComplianceDocuments.AsNoTracking().ToListAsync(ct)).ToLookup(d => d.IswProfileId);
        var members = profiles.Where(p => p.History.Any(h => h.To == PanelMemberStatus.Active)).ToList();
        Assert.True(members.Count > 150);
        foreach (var member in members)
        {
            var approvedOn = DateOnly.FromDateTime(member.History.First(h => h.From == PanelMemberStatus.UnderReview && h.To == PanelMemberStatus.Active).At);
            Assert.True(PostQualifyingExperience.WholeYears(member.QualifiedOn, approvedOn) >= PanelRules.MinimumPqeYearsToJoin, member.FullName);
            Assert.True(member.PqeYears(Today) >= PanelRules.MinimumPqeYearsToJoin);
            Assert.Equal(member.History.OrderBy(h => h.At).Select(h => h.At), member.History.Select(h => h.At));
        }
        foreach (var active in profiles.Where(p => p.Status == PanelMemberStatus.Active))
        {
            var evidence = documents[active.Id].ToList();
            Assert.Equal(Enum.GetValues<ComplianceDocumentKind>().Length, evidence.Count);
            Assert.All(evidence, d => Assert.True(d.IsVerified && d.IsCurrentOn(Today), $"{active.FullName}: {d.Kind} is not current and verified."));
        }

        // Some evidence is about to lapse, some has lapsed (and its member is suspended), some members are barred from an authority.
        Assert.Contains(profiles, p => p.Status == PanelMemberStatus.Active && documents[p.Id].Any(d => d.ExpiresOn is { } e && e < Today.AddDays(30)));
        Assert.Contains(profiles, p => p.Status == PanelMemberStatus.Suspended && p.History[^1].Reason.Contains("lapsed on", StringComparison.Ordinal));
        Assert.True(await db.EmploymentRecords.CountAsync(e => e.AuthorityId != null && e.Kind == EmploymentKind.Permanent, ct) > 0);

        // Work is logged up to today; the audit trail and the histories stop at now and use the application's actions.
        Assert.False(await db.WorkLogEntries.AnyAsync(e => e.LoggedAt > Now || e.Date > Today, ct));
        Assert.False(await db.RequestEvents.AnyAsync(e => e.At > Now, ct));
        var actions = await db.AuditEvents.Where(e => e.OccurredAt <= Now).Select(e => e.Action).Distinct().ToListAsync(ct);
        var known = typeof(Web.Infrastructure.Audit.AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Subset(known, actions.ToHashSet());
        Assert.Subset(actions.ToHashSet(), new HashSet<string> { "request.submitted", "offers.sent", "offer.accepted", "work.logged", "qa.report-released", "request.feedback-given" });
    }

    [Fact]
    public void Every_audit_action_the_generator_writes_is_one_the_application_knows()
    {
        var known = typeof(Web.Infrastructure.Audit.AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Subset(known, DataGenerator.Generation.AuditActions.All.ToHashSet());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_does_not()
    {
        var first = await fixture.WorldAsync(DatabaseProvider.Sqlite);
        var again = await fixture.GenerateAsync(ScaleDataFixture.Small);
        var other = await fixture.WorldAsync(DatabaseProvider.Sqlite, seed: 43);

        Assert.Equal(first.Fingerprint.Digest, again.Fingerprint.Digest);
        Assert.Equal(first.Fingerprint.Rows, again.Fingerprint.Rows);
        Assert.NotEqual(first.Fingerprint.Digest, other.Fingerprint.Digest);
    }

    [Fact]
    public async Task PostgreSQL_gets_the_same_content_as_SQLite_from_the_same_seed()
    {
        var postgres = await fixture.WorldAsync(DatabaseProvider.PostgreSql);
        var sqlite = await fixture.WorldAsync(DatabaseProvider.Sqlite);
        Assert.Equal(sqlite.Fingerprint.Rows, postgres.Fingerprint.Rows);
        Assert.Equal(sqlite.Fingerprint.Digest, postgres.Fingerprint.Digest);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_bulk_path_writes_exactly_what_EF_Core_SaveChanges_writes(DatabaseProvider provider)
    {
        var tiny = ScaleDataFixture.Small with { Provider = provider, Isws = 40, Authorities = 3, Requests = 150 };
        var bulk = await fixture.GenerateAsync(tiny);
        var ef = await fixture.GenerateAsync(tiny with { FastWriter = false });
        Assert.Equal(bulk.Fingerprint.Rows, ef.Fingerprint.Rows);
        Assert.Equal(bulk.Fingerprint.Digest, ef.Fingerprint.Digest);
        // The bulk path builds the secondary indexes (and on PostgreSQL the foreign keys) after loading: every one is
        // back, defined as the migrations define it.
        Assert.Equal(await SchemaAsync(ef), await SchemaAsync(bulk));
        Assert.Contains(await SchemaAsync(bulk), index => index.Contains("IX_Assignments_OneActivePerRequest", StringComparison.Ordinal));
        if (provider == DatabaseProvider.PostgreSql)
            Assert.Contains(await SchemaAsync(bulk), key => key.Contains("FOREIGN KEY (\"AssessmentRequestId\") REFERENCES \"AssessmentRequests\"", StringComparison.Ordinal));
    }

    /// <summary>The indexes (and on PostgreSQL the foreign keys) with their definitions, sorted.</summary>
    private static async Task<List<string>> SchemaAsync(ScaleDataFixture.Generated world)
    {
        await using var db = world.Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = world.Database.Provider == DatabaseProvider.Sqlite
            ? "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() UNION ALL " +
              "SELECT conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint " +
              "WHERE connamespace = current_schema()::regnamespace";
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) indexes.Add(reader.GetString(0));
        indexes.Sort(StringComparer.Ordinal);
        return indexes;
    }

    [Fact]
    public async Task A_database_that_holds_data_is_refused_unless_asked_to_reset_it()
    {
        var tiny = ScaleDataFixture.Small with { Isws = 20, Authorities = 2, Requests = 30 };
        var world = await fixture.GenerateAsync(tiny);
        var again = tiny with { ConnectionString = world.Database.ConnectionString, Requests = 40 };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ScaleDataGenerator.GenerateAsync(again));
        Assert.Contains("--reset", refused.Message, StringComparison.Ordinal);
        await ScaleDataGenerator.GenerateAsync(again with { Reset = true });
        await using var db = world.Db();
        Assert.Equal(40, await db.AssessmentRequests.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_application_serves_its_pages_on_the_generated_data(DatabaseProvider provider)
    {
        var world = await fixture.WorldAsync(provider);
        (Guid Id, string CaseReference) offered;
        string[] newest;
        await using (var db = world.Db())
        {
            var ct = TestContext.Current.CancellationToken;
            var first = await db.AssessmentRequests.Where(r => r.Status == AssessmentRequestStatus.Offered).Select(r => new { r.Id, r.CaseReference }).FirstAsync(ct);
            offered = (first.Id, first.CaseReference);
            newest = [.. (await db.AssessmentRequests.OrderByDescending(r => r.CreatedAt).Take(5).Select(r => r.CaseReference).ToListAsync(ct))];
        }

        await using var app = new IswPanelApp(world.Database, new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" }, ownsDatabase: false);
        var password = world.Report.Options.Password;
        string Login(string role) => world.Report.Logins.First(l => l.Role.StartsWith(role, StringComparison.Ordinal)).Email;

        using var admin = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(Login("Panel administrator"), password)).StatusCode);
        var (list, listPage) = await admin.GetPageAsync("/requests");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(newest, reference => listPage.Body!.TextContent.Contains(reference, StringComparison.Ordinal));
        var (shortlist, shortlistPage) = await admin.GetPageAsync($"/requests/{offered.Id}/shortlist");
        Assert.Equal(HttpStatusCode.OK, shortlist.StatusCode);
        Assert.Contains(offered.CaseReference, shortlistPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/admin/dashboard")).Response.StatusCode);

        using var commissioner = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await commissioner.SignInAsync(Login("Commissioner"), password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetPageAsync("/dashboard")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetPageAsync("/requests")).Response.StatusCode);

        using var isw = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await isw.SignInAsync(Login("ISW"), password)).StatusCode);
        var (work, workPage) = await isw.GetPageAsync("/my-work");
        Assert.Equal(HttpStatusCode.OK, work.StatusCode);
        Assert.NotEmpty(workPage.QuerySelectorAll("table tbody tr"));
    }
}
