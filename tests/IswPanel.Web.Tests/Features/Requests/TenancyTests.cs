using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Documents;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// An authority sees only its own requests and an ISW only theirs; another tenant's record is a 404
/// on the pages and the API, on each database the app supports.
/// </summary>
public sealed class TenancyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static Task<Guid> RequestOf(IswPanelApp app, string caseReference) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.CaseReference == caseReference).Select(r => r.Id).SingleAsync());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_commissioner_gets_404_for_another_authoritys_request_on_pages_and_the_api(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var southborough = await RequestOf(app, "SB/26/0311");
        var northshire = await RequestOf(app, "NS-2026-0142");

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        var foreignPage = await page.Http.GetAsync($"/requests/{southborough}");
        var ownPage = await page.Http.GetAsync($"/requests/{northshire}");

        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var foreignApi = await api.GetAsync($"/api/v1/assessment-requests/{southborough}");
        var ownApi = await api.GetAsync($"/api/v1/assessment-requests/{northshire}");

        Assert.Equal(HttpStatusCode.NotFound, foreignPage.StatusCode);
        Assert.DoesNotContain("SB/26/0311", await foreignPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains("NS-2026-0142", await ownPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, foreignApi.StatusCode);
        Assert.Equal("application/problem+json", foreignApi.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("0311", await foreignApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownApi.StatusCode);
        var own = await ownApi.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(northshire.ToString(), own.GetProperty("id").GetString());
        Assert.Equal("Northshire County Council", own.GetProperty("authority").GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_commissioners_list_holds_only_their_authoritys_requests(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var northshireId = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == "Northshire County Council").Select(a => a.Id).SingleAsync());
        var expected = await app.WithDbAsync(db => db.AssessmentRequests.CountAsync(r => r.AuthorityId == northshireId));

        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/assessment-requests?pageSize=100", TestContext.Current.CancellationToken);

        var authorities = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("authority").GetProperty("name").GetString()).ToList();
        Assert.Equal(expected, list.GetProperty("total").GetInt32());
        Assert.Equal(expected, authorities.Count);
        Assert.All(authorities, name => Assert.Equal("Northshire County Council", name));
    }

    [Fact]
    public async Task An_isw_sees_only_requests_assigned_to_them()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var amaras = await RequestOf(app, "NS-2026-0142");   // assigned to isw1
        var sofias = await RequestOf(app, "SB/26/0311");     // assigned to isw3

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, (await page.Http.GetAsync($"/requests/{amaras}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/requests/{sofias}")).StatusCode);
    }

    [Fact]
    public async Task Reading_a_requests_child_details_is_audited()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await RequestOf(app, "NS-2026-0142");
        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        await page.Http.GetAsync($"/requests/{request}");

        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "request.viewed" && e.EntityId == request.ToString()));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_commissioner_may_not_list_requests_of_the_whole_panel_by_filtering()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Southborough, DemoUsers.Password);

        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests?status={AssessmentRequestStatus.InProgress}", TestContext.Current.CancellationToken);

        Assert.All(list.GetProperty("items").EnumerateArray(),
            i => Assert.Equal("Southborough City Council", i.GetProperty("authority").GetProperty("name").GetString()));
        Assert.Equal(3, list.GetProperty("total").GetInt32());
    }

    /// <summary>Stores a letter of instruction (owned by no user, as the request form stores it) and attaches it to the request.</summary>
    private static async Task<Guid> AttachLetterAsync(IswPanelApp app, Guid requestId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var commissioner = await db.Users.Where(u => u.Email == DemoUsers.Northshire).Select(u => u.Id).SingleAsync();
        var content = PageClient.TinyPdf();
        var key = $"2026/12/{Guid.NewGuid():N}";
        await store.SaveAsync(key, new MemoryStream(content), CancellationToken.None);
        var file = StoredFile.Record(null, commissioner, app.Clock.GetUtcNow().UtcDateTime, "Letter of instruction.pdf", FileKind.Pdf, content.Length, "", key);
        db.StoredFiles.Add(file);
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == requestId);
        db.Entry(request).Property(r => r.LetterOfInstructionFileId).CurrentValue = file.Id;
        await db.SaveChangesAsync();
        return file.Id;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Another_authoritys_commissioner_gets_404_on_every_request_page_and_api_route(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var submitted = await RequestOf(app, "NS-2026-0170");
        var draft = await RequestOf(app, "NS-2026-0171");
        var assigned = await RequestOf(app, "NS-2026-0161");
        var letter = await AttachLetterAsync(app, assigned);

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);
        var form = "/requests/new";   // any page of theirs with an antiforgery token
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["GET details"] = await page.Http.GetAsync($"/requests/{submitted}"),
            ["GET edit"] = await page.Http.GetAsync($"/requests/{draft}/edit"),
            ["POST edit"] = await page.PostFormAsync(form, $"/requests/{draft}/edit",
                [new("Form.CaseReference", "SB-STOLEN"), new("Form.Intent", "SaveDraft")]),
            ["GET cancel"] = await page.Http.GetAsync($"/requests/{submitted}/cancel"),
            ["POST cancel"] = await page.PostFormAsync(form, $"/requests/{submitted}/cancel", [new("Form.Reason", "Not ours.")]),
            ["POST approve"] = await page.PostFormAsync(form, $"/requests/{assigned}/approve-isw", []),
            ["GET decline"] = await page.Http.GetAsync($"/requests/{assigned}/decline-isw"),
            ["POST decline"] = await page.PostFormAsync(form, $"/requests/{assigned}/decline-isw", [new("Form.Reason", "Not ours.")]),
            ["GET letter"] = await page.Http.GetAsync($"/documents/{letter}"),
        };

        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Southborough, DemoUsers.Password);
        responses["API GET"] = await api.GetAsync($"/api/v1/assessment-requests/{submitted}");
        responses["API cancel"] = await api.PostAsJsonAsync($"/api/v1/assessment-requests/{submitted}/cancel", new { reason = "Not ours." });

        Assert.All(responses, r => Assert.True(r.Value.StatusCode == HttpStatusCode.NotFound, $"{r.Key} answered {(int)r.Value.StatusCode}"));
        var statuses = await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == submitted || r.Id == draft || r.Id == assigned)
            .Select(r => new { r.Id, r.Status, r.CaseReference }).ToListAsync());
        Assert.Equal(AssessmentRequestStatus.Submitted, statuses.Single(r => r.Id == submitted).Status);
        Assert.Equal("NS-2026-0171", statuses.Single(r => r.Id == draft).CaseReference);
        Assert.Equal(AssessmentRequestStatus.Assigned, statuses.Single(r => r.Id == assigned).Status);
        Assert.False(await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.AssessmentRequestId == assigned && a.CommissionerApprovedAt != null)));
    }

    [Fact]
    public async Task A_requests_letter_of_instruction_downloads_for_whoever_may_read_the_request_and_is_404_for_anyone_else()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await RequestOf(app, "NS-2026-0161");   // Northshire's, assigned to isw1
        var letter = await AttachLetterAsync(app, request);

        async Task<HttpStatusCode> DownloadAs(string email)
        {
            using var client = PageClient.For(app);
            await client.SignInAsync(email, DemoUsers.Password);
            var response = await client.Http.GetAsync($"/documents/{letter}");
            if (response.StatusCode == HttpStatusCode.OK)
                Assert.Equal(PageClient.TinyPdf(), await response.Content.ReadAsByteArrayAsync());
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await DownloadAs(DemoUsers.Northshire));
        Assert.Equal(HttpStatusCode.OK, await DownloadAs(DemoUsers.Isw(1)));
        Assert.Equal(HttpStatusCode.OK, await DownloadAs(DemoUsers.Admin));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAs(DemoUsers.Southborough));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAs(DemoUsers.Isw(2)));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "document.downloaded" && e.EntityId == letter.ToString())));
    }

    [Fact]
    public async Task An_isw_not_assigned_gets_404_on_the_request_page()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await RequestOf(app, "NS-2026-0161");   // assigned to isw1

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Isw(2), DemoUsers.Password);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Isw(2), DemoUsers.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/requests/{request}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/assessment-requests/{request}")).StatusCode);
    }

    [Fact]
    public async Task The_assigned_isw_reads_the_request_without_its_history_or_any_action()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await RequestOf(app, "NS-2026-0161");

        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);
        var (response, document) = await page.GetPageAsync($"/requests/{request}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("T.M.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("History", document.Body.TextContent, StringComparison.Ordinal);
        var allocate = document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Allocate by", StringComparison.Ordinal));
        Assert.Contains("Done", allocate.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector($"a[href='/requests/{request}/cancel']"));
        Assert.Null(document.QuerySelector($"form[action='/requests/{request}/approve-isw']"));
    }
}
