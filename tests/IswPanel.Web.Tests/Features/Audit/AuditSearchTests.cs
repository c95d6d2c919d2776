using System.Net;
using IswPanel.Data.Audit;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Audit;

/// <summary>The administrators' audit search and its CSV export.</summary>
public sealed class AuditSearchTests(DemoApp demo)
{
    private IswPanelApp App => demo.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds audit rows straight to the trail (inserting is what the trail allows), by the administrator.</summary>
    private async Task<string> AddRowsAsync(string action, params string[] details)
    {
        var recordId = Guid.NewGuid().ToString();
        var admin = await UserIdAsync(App, DemoUsers.Admin);
        await App.WithDbAsync(async db =>
        {
            var at = App.Clock.GetUtcNow().UtcDateTime;
            foreach (var (detail, i) in details.Select((d, i) => (d, i)))
                db.AuditEvents.Add(AuditEvent.Create(at.AddSeconds(i), action, admin, "PanelAdmin", null, "Authority", recordId, detail, "203.0.113.9"));
            return await db.SaveChangesAsync();
        });
        return recordId;
    }

    private async Task<PageClient> AdminAsync()
    {
        var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        return client;
    }

    [Fact]
    public async Task Searching_by_record_shows_only_that_records_events_newest_first_with_who_role_action_and_ip()
    {
        var record = await AddRowsAsync(AuditActions.AuthorityUpdated, "first change", "second change");
        await AddRowsAsync(AuditActions.AuthorityUpdated, "another record's change");
        using var admin = await AdminAsync();

        var (response, page) = await admin.GetPageAsync($"/admin/audit?Filter.RecordType=Authority&Filter.RecordId={record}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("second change", rows[0], StringComparison.Ordinal);
        Assert.Contains("first change", rows[1], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains("Priya Shah", r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("203.0.113.9", r, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains(AuditActions.AuthorityUpdated, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searching_by_a_requests_case_reference_finds_the_reads_of_that_request_and_by_user_finds_the_reader()
    {
        var id = await IdOf(App, "SB/26/0320");
        using var commissioner = PageClient.For(App);
        await commissioner.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);
        await commissioner.GetPageAsync($"/requests/{id}");
        using var admin = await AdminAsync();

        var (_, byCase) = await admin.GetPageAsync($"/admin/audit?Filter.CaseReference={Uri.EscapeDataString("SB/26/0320")}&Filter.Action={AuditActions.RequestViewed}");
        var rows = byCase.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(id.ToString(), r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Marcus Reid", StringComparison.Ordinal) && r.Contains("Southborough City Council", StringComparison.Ordinal));

        var (_, byUser) = await admin.GetPageAsync("/admin/audit?Filter.User=marcus&Filter.RecordType=AssessmentRequest");
        var userRows = byUser.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(userRows);
        Assert.All(userRows, r => Assert.Contains("Marcus Reid", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_filters_by_uk_dates_and_a_period_the_wrong_way_round_is_explained_with_the_answers_kept()
    {
        var record = await AddRowsAsync(AuditActions.AuthorityUpdated, "today's change");
        using var admin = await AdminAsync();

        var (_, today) = await admin.GetPageAsync($"/admin/audit?Filter.RecordId={record}&Filter.From.Day=1&Filter.From.Month=12&Filter.From.Year=2026&Filter.To.Day=1&Filter.To.Month=12&Filter.To.Year=2026");
        Assert.Single(today.QuerySelectorAll("tbody tr"));
        var (_, yesterday) = await admin.GetPageAsync($"/admin/audit?Filter.RecordId={record}&Filter.To.Day=30&Filter.To.Month=11&Filter.To.Year=2026");
        Assert.Empty(yesterday.QuerySelectorAll("tbody tr"));

        var (response, bad) = await admin.GetPageAsync("/admin/audit?Filter.User=priya&Filter.From.Day=2&Filter.From.Month=12&Filter.From.Year=2026&Filter.To.Day=31&Filter.To.Month=1&Filter.To.Year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The end of the period must be the same as or after the start.", bad.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("priya", bad.QuerySelector("input[name='Filter.User']")?.GetAttribute("value"));
        Assert.Equal("31", bad.QuerySelector("input[name='Filter.To.Day']")?.GetAttribute("value"));
        Assert.Empty(bad.QuerySelectorAll("tbody tr"));

        var (_, notADate) = await admin.GetPageAsync("/admin/audit?Filter.From.Day=31&Filter.From.Month=2&Filter.From.Year=2026");
        Assert.Contains("Enter the start of the period as a real date", notADate.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_the_filtered_rows_guards_against_formulas_and_is_audited()
    {
        var record = await AddRowsAsync(AuditActions.AuthorityUpdated, "=HYPERLINK(\"http://evil.example\")", "+1+2", "-3", "@SUM(A1)", "plain, with a comma");
        await AddRowsAsync(AuditActions.AuthorityUpdated, "not in this export");
        using var admin = await AdminAsync();

        var response = await admin.Http.GetAsync($"/admin/audit/export?Filter.RecordType=Authority&Filter.RecordId={record}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("When (UTC),When (UK time),User,Email,Role,Tenant,Action,Record type,Record id,Detail,From (IP address)", lines[0]);
        Assert.All(lines[1..], l => Assert.Contains(record, l, StringComparison.Ordinal));
        Assert.All(lines[1..], l => Assert.Contains("Priya Shah", l, StringComparison.Ordinal));
        Assert.DoesNotContain("not in this export", csv, StringComparison.Ordinal);
        // Newest first; each formula-like value starts with an apostrophe, so a spreadsheet shows it as text.
        Assert.Contains("\"plain, with a comma\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", lines[2], StringComparison.Ordinal);
        Assert.Contains("'-3", lines[3], StringComparison.Ordinal);
        Assert.Contains("'+1+2", lines[4], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK(", lines[5], StringComparison.Ordinal);
        foreach (var field in lines[1..].SelectMany(l => l.Split(',')))
            Assert.False(field.TrimStart('"').Length > 0 && "=+-@".Contains(field.TrimStart('"')[0], StringComparison.Ordinal), $"Unguarded field: {field}");

        var exported = await App.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.AuditExported && e.Detail!.Contains(record))
            .CountAsync(Ct));
        Assert.Equal(1, exported);
    }

    [Theory]
    [InlineData("/admin/audit")]
    [InlineData("/admin/audit/export")]
    public async Task The_audit_search_and_export_are_for_panel_administrators_only(string path)
    {
        foreach (var email in new[] { DemoUsers.Northshire, DemoUsers.Qa, DemoUsers.Isw(1) })
        {
            using var client = PageClient.For(App);
            await client.SignInAsync(email, DemoUsers.Password);
            var (_, response, _) = await client.FollowAsync(await client.Http.GetAsync(path, Ct));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var anonymous = PageClient.For(App);
        var signIn = await anonymous.Http.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("sign-in", signIn.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
