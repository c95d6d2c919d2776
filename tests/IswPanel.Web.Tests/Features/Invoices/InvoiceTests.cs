using System.Globalization;
using System.Net;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Invoices;
using IswPanel.Web.Tests.Features.Qa;
using static IswPanel.Web.Tests.Features.Qa.WorkScenario;

namespace IswPanel.Web.Tests.Features.Invoices;

public sealed class InvoiceTests(QaApp fixture) : IClassFixture<QaApp>
{
    private IswPanelApp App => fixture.App;

    [Fact]
    public async Task The_invoice_csv_totals_match_the_approved_hours_to_the_penny()
    {
        // Budget 2 hours at £62.50: 107 minutes within it, 40 more approved beyond it, 90 more awaiting approval (not counted).
        var a = await AssignedAsync(App, 1, "INV-TEST-1", budgetHours: 2, rate: 62.50m);
        var within = await LogAsync(App, a, new DateOnly(2026, 11, 3), 95, 12, 10.5m);
        var approved = await LogAsync(App, a, new DateOnly(2026, 11, 10), 40, 0, 3.3m, approveIfOverBudget: true);
        var waiting = await LogAsync(App, a, new DateOnly(2026, 11, 17), 90, 0, 20m);
        await LogAsync(App, a, new DateOnly(2026, 12, 1), 30, 0, 1m); // December: not on November's invoice
        Assert.Equal(HoursApproval.WithinBudget, within.Approval);
        Assert.Equal(HoursApproval.Approved, approved.Approval);
        Assert.Equal(HoursApproval.AwaitingApproval, waiting.Approval);
        // A second assignment at £55: 61 minutes is 1.02 hours.
        var b = await AssignedAsync(App, 3, "INV-TEST-2", rate: 55m);
        await LogAsync(App, b, new DateOnly(2026, 11, 30), 61, 0, 0m);
        // Another authority's hours never appear on Northshire's invoice.
        var c = await AssignedAsync(App, 5, "INV-TEST-3", authority: Southborough);
        await LogAsync(App, c, new DateOnly(2026, 11, 12), 120, 0, 5m);

        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        var response = await client.Http.GetAsync("/invoices/csv?month=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Fields).ToList();
        Assert.Equal(InvoiceCsv.Header, rows[0]);

        var first = rows.Single(r => r[2] == "INV-TEST-1");
        // 147 minutes = 2.45 hours × £62.50 = £153.125; 13.8 miles × £0.45 = £6.21; £159.335 rounds to £159.34.
        Assert.Equal(["2026-11", "Northshire County Council", "INV-TEST-1"], first[..3]);
        Assert.Equal(["2.45", "62.50", "13.8", "6.21", "159.34"], first[5..]);
        var second = rows.Single(r => r[2] == "INV-TEST-2");
        Assert.Equal(["1.02", "55.00", "0.0", "0.00", "56.10"], second[5..]);
        Assert.DoesNotContain(rows, r => r[2] == "INV-TEST-3");

        var total = rows[^1];
        Assert.Equal("Total", total[2]);
        var lines = rows.Skip(1).Take(rows.Count - 2).Sum(r => decimal.Parse(r[9], CultureInfo.InvariantCulture));
        Assert.Equal(lines, decimal.Parse(total[9], CultureInfo.InvariantCulture));

        var (pageResponse, page) = await client.GetPageAsync("/invoices?month=2026-11");
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("£159.34", page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>One CSV line's fields (RFC 4180: quoted fields may hold commas and doubled quotes; the demo data's names do).</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    [Fact]
    public async Task A_commissioner_cannot_see_another_authoritys_invoice_but_an_administrator_chooses_any()
    {
        var northshire = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Authorities.Where(x => x.Name == Northshire).Select(x => x.Id)));
        using var southborough = PageClient.For(App);
        await southborough.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await southborough.GetPageAsync($"/invoices?authority={northshire}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await southborough.Http.GetAsync($"/invoices/csv?authority={northshire}")).StatusCode);

        using var admin = PageClient.For(App);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (response, page) = await admin.GetPageAsync($"/invoices?authority={northshire}&month=2026-11");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Northshire County Council", page.QuerySelector(".govuk-caption-l")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("select[name='authority']"));
    }
}
