using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Performance;

/// <summary>
/// Issue 10: every page's query count is bounded. Each significant list, dashboard and API list is fetched with the
/// demo data and its SQL commands counted (an EF Core command interceptor, correlated to the HTTP request by a
/// test-only middleware); then the demo's rows are doubled (every request with its offers, assignments, work, reports,
/// reviews, shadowing, notifications and audit rows; every panel member with their documents, histories and account;
/// and more work, events and offers on the requests the detail pages show) and each page fetched again. A page that
/// queries once per row issues more commands the second time, and fails here with the SQL it added.
/// </summary>
public sealed class QueryCountTests
{
    /// <summary>
    /// The most commands any one page may run. The heaviest today is an authority's evidence pack (18: one grouped query
    /// per figure); a page near this should batch its figures rather than raise it.
    /// </summary>
    private const int Budget = 25;

    [Fact]
    public async Task No_page_issues_more_queries_when_it_lists_more_rows()
    {
        await using var app = await QueryCountingApp.StartAsync();
        using var world = await PageWorld.BuildAsync(app);

        // Once to warm caches and first-use lookups (every page must answer), then the counts with the demo data.
        var unanswered = new List<string>();
        foreach (var page in world.Pages)
        {
            if ((await QueryCountingApp.GetAsync(page)).Problem is { } problem) unanswered.Add(problem);
        }

        Assert.True(unanswered.Count == 0, string.Join("\n", unanswered));
        var before = new Dictionary<string, RequestQueries>();
        foreach (var page in world.Pages) before[page.Name] = await app.MeasureAsync(page);

        await RowCloner.DoubleTheDemoDataAsync(app, world);

        var failures = new List<string>();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"page",-70} {"before",6} {"after",6} {"length before",14} {"after",8}");
        foreach (var page in world.Pages)
        {
            var after = await app.MeasureAsync(page);
            var first = before[page.Name];
            table.AppendLine(CultureInfo.InvariantCulture, $"{page.Name,-70} {first.Count,6} {after.Count,6} {first.BodyLength,14} {after.BodyLength,8}");
            if (page.Lists && after.BodyLength <= first.BodyLength)
                failures.Add($"{page.Name}: lists no more with twice the rows ({first.BodyLength} characters, then {after.BodyLength}); the doubling missed it.");
            if (after.Count > Budget) failures.Add($"{page.Name}: {after.Count} queries, over the budget of {Budget}.");
            if (after.Count > first.Count)
            {
                var added = after.Commands.ToList();
                foreach (var command in first.Commands) added.Remove(command);
                failures.Add($"{page.Name}: {first.Count} queries with the demo data, {after.Count} with twice the rows. Added:\n    "
                    + string.Join("\n    ", added.Take(5).Select(c => c.ReplaceLineEndings(" "))));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, $"{failures.Count} problems (a page that queries per row, or one the doubling missed):\n{string.Join("\n", failures)}\n\n{table}");
        // The counting itself works: every page was counted, and a page reads at least its user.
        Assert.All(before.Values, queries => Assert.True(queries.Count > 0));
    }
}

/// <summary>One GET, as one caller; <paramref name="Lists"/>: it lists rows the doubling doubles, so it must grow.</summary>
internal sealed record CountedPage(string Name, HttpClient Client, string Url, bool Lists);

/// <summary>The SQL commands one HTTP request ran.</summary>
internal sealed class RequestQueries
{
    private readonly ConcurrentQueue<string> commands = new();

    public int Count => commands.Count;

    /// <summary>The length of the page it answered: a list that shows more rows is longer.</summary>
    public int BodyLength { get; set; }
    public IReadOnlyList<string> Commands => [.. commands];

    public void Add(string sql) => commands.Enqueue(sql);
}

/// <summary>Counts every command EF Core runs into the HTTP request it runs for (nothing outside a request).</summary>
internal sealed class CountingInterceptor : DbCommandInterceptor
{
    public static readonly AsyncLocal<RequestQueries?> Current = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Current.Value?.Add(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Current.Value?.Add(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Current.Value?.Add(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// The real app (SQLite, demo data) with two test-only additions: the interceptor on its DbContext, and an outermost
/// middleware that gives each request marked with <see cref="Header"/> its own <see cref="RequestQueries"/>.
/// </summary>
internal sealed class QueryCountingApp(TestDatabase database) : IswPanelApp(database)
{
    public const string Header = "X-Test-Query-Count";

    private readonly ConcurrentDictionary<string, RequestQueries> byRequest = new();

    public static async Task<QueryCountingApp> StartAsync()
    {
        var app = new QueryCountingApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        _ = app.Services;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(new CountingInterceptor()));
            services.AddSingleton<IStartupFilter>(new CountingStartup(byRequest));
        });
    }

    /// <summary>GETs the page (it must answer 200) and returns the commands its request ran.</summary>
    public async Task<RequestQueries> MeasureAsync(CountedPage page)
    {
        var id = Guid.NewGuid().ToString("N");
        var (problem, length) = await GetAsync(page, id);
        Assert.True(problem is null, problem);
        var queries = byRequest.TryRemove(id, out var counted) ? counted : throw new InvalidOperationException($"{page.Name} was not counted.");
        queries.BodyLength = length;
        return queries;
    }

    /// <summary>GETs the page: no problem when it answers 200, else what it answered; and the length of its body.</summary>
    public static async Task<(string? Problem, int Length)> GetAsync(CountedPage page, string? countAs = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page.Url);
        if (countAs is not null) request.Headers.Add(Header, countAs);
        using var response = await page.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK) return (null, body.Length);
        var title = System.Text.RegularExpressions.Regex.Match(body, "<title>(.*?)</title>").Groups[1].Value;
        return ($"{page.Name}: answered {(int)response.StatusCode} {response.Headers.Location} {title} {(title.Length == 0 ? body[..Math.Min(body.Length, 300)] : "")}", body.Length);
    }

    private sealed class CountingStartup(ConcurrentDictionary<string, RequestQueries> byRequest) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers[Header].ToString() is not { Length: > 0 } id)
                {
                    await following(context);
                    return;
                }

                var queries = new RequestQueries();
                CountingInterceptor.Current.Value = queries;
                try
                {
                    await following(context);
                }
                finally
                {
                    CountingInterceptor.Current.Value = null;
                    byRequest[id] = queries;
                }
            });
            next(app);
        };
    }
}

/// <summary>The callers and the pages each of them lists.</summary>
internal sealed class PageWorld : IDisposable
{
    private readonly List<IDisposable> clients = [];

    public List<CountedPage> Pages { get; } = [];

    /// <summary>The requests and people whose own pages are measured (they get more rows of their own).</summary>
    public Guid InProgress { get; private set; }
    public Guid Submitted { get; private set; }
    public Guid Northshire { get; private set; }

    /// <summary>The panel members whose own pages are measured (isw1, and the one the administrator opens).</summary>
    public Guid[] People { get; private set; } = [];

    public static async Task<PageWorld> BuildAsync(IswPanelApp app)
    {
        var world = new PageWorld();
        async Task<Guid> RequestId(string reference) =>
            await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == reference).Select(r => r.Id).SingleAsync());
        world.InProgress = await RequestId("NS-2026-0142");
        world.Submitted = await RequestId("NS-2026-0170");
        world.Northshire = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync());
        var leah = await app.WithDbAsync(db => db.Shadowers.Where(s => s.SocialWorkEnglandNumber == "SW301122").Select(s => s.Id).SingleAsync());
        var leahsNomination = await app.WithDbAsync(db => db.ShadowingNominations.Where(n => n.ShadowerId == leah).Select(n => n.Id).SingleAsync());
        var imran = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Imran Chaudhry").Select(p => p.Id).SingleAsync());
        var amara = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Amara Okonkwo").Select(p => p.Id).SingleAsync());
        var (inProgress, submitted, northshire) = (world.InProgress, world.Submitted, world.Northshire);

        var commissioner = await world.SignInAsync(app, DemoUsers.Northshire);
        var admin = await world.SignInAsync(app, DemoUsers.Admin);
        var qa = await world.SignInAsync(app, DemoUsers.Qa);
        var isw = await world.SignInAsync(app, DemoUsers.Isw(1));
        var shadower = await world.SignInAsync(app, DemoUsers.Shadower1);
        world.People = [amara, imran];
        await AddInboxesAsync(app, DemoUsers.Northshire, DemoUsers.Admin, DemoUsers.Qa, DemoUsers.Isw(1), DemoUsers.Shadower1);

        // Pages that list rows the doubling doubles (they must grow), then pages of figures, settings and reference data.
        world.Lists("commissioner", commissioner.Pages,
            "/requests", "/invoices", "/shadowing", "/notifications", "/requests/access-history", $"/requests/{inProgress}",
            $"/requests/{inProgress}/access-history", $"/shadowing/shadowers/{leah}/summary");
        world.Add("commissioner", commissioner.Pages,
            "/dashboard", $"/authorities/{northshire}/evidence", "/shadowing/hours", "/account/calendar");
        world.Lists("admin", admin.Pages,
            "/requests", "/requests?page=2", "/admin/panel", "/admin/users", "/admin/audit", "/admin/email", "/admin/retention",
            "/deadlines/at-risk", "/invoices", $"/requests/{submitted}/shortlist", $"/requests/{inProgress}", $"/admin/panel/{imran}", "/qa");
        world.Add("admin", admin.Pages,
            "/admin", "/admin/dashboard", "/admin/authorities", "/admin/assessment-types", "/admin/rubric", "/deadlines/registrations",
            "/shadowing/hours", $"/authorities/{northshire}/evidence", "/admin/bank-holidays");
        world.Lists("QA reviewer", qa.Pages, "/qa", "/notifications");
        world.Lists("isw1", isw.Pages,
            "/offers", "/my-work", "/my-measures", "/my-evidence", "/my-shadowing", "/notifications",
            $"/work/{inProgress}", $"/work/{inProgress}/log", $"/work/{inProgress}/report-versions");
        world.Add("isw1", isw.Pages, "/my-dashboard", "/my-profile", $"/requests/{inProgress}");
        world.Lists("shadower1", shadower.Pages, "/shadowing/mine", "/notifications");
        world.Add("shadower1", shadower.Pages, $"/shadowing/mine/{leahsNomination}/reflections");

        world.Lists("commissioner API", commissioner.Api, "/api/v1/assessment-requests", "/api/v1/notifications",
            $"/api/v1/shadowers/{leah}/summary");
        world.Add("commissioner API", commissioner.Api, $"/api/v1/authorities/{northshire}/evidence", $"/api/v1/assessment-requests/{inProgress}");
        world.Lists("admin API", admin.Api, "/api/v1/assessment-requests", "/api/v1/panel/members",
            $"/api/v1/assessment-requests/{submitted}/shortlist");
        world.Add("admin API", admin.Api, $"/api/v1/panel/members/{imran}", "/api/v1/assessment-types", $"/api/v1/authorities/{northshire}/evidence");
        world.Lists("QA reviewer API", qa.Api, "/api/v1/qa/queue");
        world.Lists("isw1 API", isw.Api, "/api/v1/offers", "/api/v1/notifications");
        return world;
    }

    /// <summary>The demo has no notifications or failed emails yet: a few for each caller, so the doubling has some to double.</summary>
    private static async Task AddInboxesAsync(IswPanelApp app, params string[] emails)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync())
            {
                for (var i = 0; i < 3; i++)
                    db.Notifications.Add(Domain.Notifications.Notification.To(user, Domain.Notifications.NotificationCategories.Offers,
                        $"Query count notification {i}", "/offers", now.AddMinutes(-i)));
            }

            for (var i = 0; i < 3; i++)
            {
                db.OutboxEmails.Add(new Data.Outbox.OutboxEmail
                {
                    To = $"someone{i}@querycount.test", ToName = "Someone", Subject = $"Query count email {i}", Body = "Body",
                    Category = Domain.Notifications.NotificationCategories.Offers, CreatedAt = now, Attempts = 5, LastError = "refused", GaveUpAt = now,
                });
            }

            return await db.SaveChangesAsync();
        });
    }

    public void Dispose()
    {
        foreach (var client in clients) client.Dispose();
    }

    private void Lists(string caller, HttpClient client, params string[] urls) =>
        Pages.AddRange(urls.Select(url => new CountedPage($"{caller}: {url}", client, url, Lists: true)));

    private void Add(string caller, HttpClient client, params string[] urls) =>
        Pages.AddRange(urls.Select(url => new CountedPage($"{caller}: {url}", client, url, Lists: false)));

    private async Task<(HttpClient Pages, HttpClient Api)> SignInAsync(IswPanelApp app, string email)
    {
        var pages = PageClient.For(app);
        clients.Add(pages);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(email, DemoUsers.Password)).StatusCode);
        var api = await ApiClients.SignedInAsync(app, email, DemoUsers.Password);
        clients.Add(api);
        return (pages.Http, api);
    }
}

/// <summary>
/// Doubles rows straight in the SQLite file, whatever the table: each chosen row is copied with a new key, and every
/// column holding a copied row's key is pointed at the copy, so a copied request comes with copies of its offers,
/// assignment, work and reviews, all for the same authority, ISW and users. Values in a unique index that no copied key
/// changed get a suffix (text) or an offset (numbers). Foreign keys are checked when the copy commits.
/// </summary>
internal static class RowCloner
{
    /// <summary>The work: every request with everything hanging off it, and the mail and audit rows.</summary>
    private static readonly string[] WorkTables =
    [
        "AssessmentRequests", "RequestMilestones", "RequestParties", "RequestEvents", "Offers", "Assignments", "WorkLogEntries",
        "ReportVersions", "QaReviews", "QaReviewScores", "AssessmentFeedback", "StoredFiles", "ShadowingNominations",
        "ShadowedSessions", "Notifications", "AuditEvents", "OutboxEmails", "DirectHireRequests", "DirectHireSupplyPeriods", "Waivers",
    ];

    /// <summary>The people: every panel member with their account, evidence and histories.</summary>
    private static readonly string[] PeopleTables =
    [
        "IswProfiles", "ComplianceDocuments", "EmploymentRecords", "Referees", "VettingRecords", "MembershipTransitions",
        "IswUnavailablePeriods",
    ];

    public static async Task DoubleTheDemoDataAsync(IswPanelApp app, PageWorld world)
    {
        var before = await app.WithDbAsync(async db => (Requests: await db.AssessmentRequests.CountAsync(), Profiles: await db.IswProfiles.CountAsync()));
        await CloneAsync(app, WorkTables.Select(t => (t, "1 = 1")).ToArray(), "~w");

        const string panelUsers = "\"UserId\" IN (SELECT \"UserId\" FROM \"IswProfiles\")";
        await CloneAsync(app,
        [
            .. PeopleTables.Select(t => (t, "1 = 1")),
            ("AspNetUsers", "\"Id\" IN (SELECT \"UserId\" FROM \"IswProfiles\")"),
            ("AspNetUserRoles", panelUsers),
            ("PanelApplications", panelUsers),
        ], "~p");

        // The pages about one request list its own rows: give it more of them (same request, same assignment).
        var inProgress = $"\"AssessmentRequestId\" = '{world.InProgress.ToString().ToUpperInvariant()}'";
        await CloneAsync(app, [("WorkLogEntries", inProgress), ("RequestEvents", inProgress), ("Offers", inProgress)], "~r");
        // And the pages about one panel member list their jobs, referees and checks.
        var people = $"\"IswProfileId\" IN ({string.Join(", ", world.People.Select(p => $"'{p.ToString().ToUpperInvariant()}'"))})";
        await CloneAsync(app, [("EmploymentRecords", people), ("Referees", people), ("VettingRecords", people)], "~m");

        var (requests, profiles) = await app.WithDbAsync(async db => (await db.AssessmentRequests.CountAsync(), await db.IswProfiles.CountAsync()));
        Assert.Equal((2 * before.Requests, 2 * before.Profiles), (requests, profiles));
    }

    private sealed record Column(string Name, string Type, int KeyPosition);

    private static async Task CloneAsync(IswPanelApp app, (string Table, string Where)[] tables, string suffix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA foreign_keys = ON");
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, "PRAGMA defer_foreign_keys = ON", transaction);

        // Read every chosen row first, and give each row with a one-column text key (a Guid) its new key.
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var copies = new List<(string Table, Column[] Columns, List<object?[]> Rows, List<string[]> Unique)>();
        foreach (var (table, where) in tables)
        {
            var columns = await ColumnsAsync(connection, table, transaction);
            var unique = await UniqueIndexesAsync(connection, table, transaction);
            var rows = new List<object?[]>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))} FROM \"{table}\" WHERE {where}";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var values = new object?[columns.Length];
                    for (var i = 0; i < columns.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rows.Add(values);
                }
            }

            var keys = columns.Where(c => c.KeyPosition > 0).ToArray();
            if (keys.Length == 1 && keys[0].Type.Equals("TEXT", StringComparison.OrdinalIgnoreCase))
            {
                var key = Array.IndexOf(columns, keys[0]);
                foreach (var row in rows) map[(string)row[key]!] = Guid.NewGuid().ToString().ToUpperInvariant();
            }

            copies.Add((table, columns, rows, unique));
        }

        foreach (var (table, columns, rows, unique) in copies)
        {
            // A one-column integer key is the database's to number.
            var keys = columns.Where(c => c.KeyPosition > 0).ToArray();
            var written = keys.Length == 1 && keys[0].Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)
                ? columns.Where(c => c != keys[0]).ToArray()
                : columns;
            foreach (var row in rows)
            {
                var values = columns.Select((c, i) => row[i] is string text && map.TryGetValue(text, out var copy) ? copy : row[i]).ToArray();
                foreach (var index in unique)
                {
                    var positions = index.Select(name => Array.FindIndex(columns, c => c.Name == name)).ToArray();
                    if (positions.Any(p => !Equals(values[p], row[p]))) continue;
                    foreach (var p in positions)
                    {
                        values[p] = values[p] switch
                        {
                            string text => text + suffix,
                            long number => number + 100_000,
                            var other => other,
                        };
                    }
                }

                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", written.Select(c => $"\"{c.Name}\""))}) " +
                    $"VALUES ({string.Join(", ", written.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < written.Length; i++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = $"@p{i}";
                    parameter.Value = values[Array.IndexOf(columns, written[i])] ?? DBNull.Value;
                    insert.Parameters.Add(parameter);
                }

                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        Assert.True(copies.Sum(c => c.Rows.Count) > 0, "Nothing was copied.");
    }

    private static async Task<Column[]> ColumnsAsync(DbConnection connection, string table, DbTransaction transaction)
    {
        var columns = new List<Column>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"PRAGMA table_info(\"{table}\")";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add(new Column(reader.GetString(1), reader.GetString(2), reader.GetInt32(5)));
        Assert.True(columns.Count > 0, $"No table {table}.");
        return [.. columns];
    }

    private static async Task<List<string[]>> UniqueIndexesAsync(DbConnection connection, string table, DbTransaction transaction)
    {
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = $"PRAGMA index_list(\"{table}\")";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                if (reader.GetInt64(2) == 1 && reader.GetString(3) != "pk") names.Add(reader.GetString(1));
        }

        var indexes = new List<string[]>();
        foreach (var name in names)
        {
            var columns = new List<string>();
            await using var info = connection.CreateCommand();
            info.Transaction = transaction;
            info.CommandText = $"PRAGMA index_info(\"{name}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(2));
            indexes.Add([.. columns]);
        }

        return indexes;
    }

    private static async Task Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
