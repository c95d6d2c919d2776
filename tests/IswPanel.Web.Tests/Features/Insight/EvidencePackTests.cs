using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using IswPanel.Testing;
using IswPanel.Web.Features.Insight;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>The dashboards, the evidence pack's page, CSV, API and plan, through HTTP as each role sees them.</summary>
[Collection(InsightCollection.Name)]
public sealed class EvidencePackTests(InsightApp fixture)
{
    private const string Period = "from=2026-01-01&to=2026-06-30";
    private IswPanelApp App => fixture.App;
    private string AstonPack => $"/authorities/{fixture.World.AstonId}/evidence";

    private async Task<PageClient> SignedInAsync(string email)
    {
        var client = PageClient.For(App);
        await client.SignInAsync(email, DemoUsers.Password);
        return client;
    }

    /// <summary>The table behind a chart: its rows as (label, value).</summary>
    private static IReadOnlyList<(string Label, string Value)> Table(IDocument page, string chartId) =>
        [.. page.QuerySelectorAll($"#{chartId} table tbody tr").Select(r =>
            (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelectorAll("td")[0].TextContent.Trim()))];

    [Fact]
    public async Task A_commissioners_dashboard_shows_only_their_authoritys_figures_with_a_table_for_every_chart()
    {
        using var aston = await SignedInAsync(InsightData.AstonCommissioner);
        var (response, page) = await aston.GetPageAsync($"/dashboard?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("In progress", "2")], Table(page, "open-by-state").Where(r => r.Label == "In progress"));
        Assert.Equal("6.00", Table(page, "hours-delegated").Single(r => r.Label == "March 2026").Value);
        Assert.Equal("100%", Table(page, "on-time").Single(r => r.Label == "February 2026").Value);
        Assert.Equal("0%", Table(page, "on-time").Single(r => r.Label == "April 2026").Value);

        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.NotEmpty(charts);
        Assert.All(charts, svg =>
        {
            Assert.NotNull(svg.QuerySelector("title"));
            Assert.NotNull(svg.QuerySelector("desc"));
            Assert.NotNull(svg.ParentElement!.QuerySelector("table"));
        });
        var link = page.QuerySelector("#open-by-state table a")!.GetAttribute("href");
        Assert.Equal("/requests?status=Submitted", link);
        Assert.DoesNotContain("script", string.Concat(charts.Select(c => c.OuterHtml)), StringComparison.OrdinalIgnoreCase);

        using var brook = await SignedInAsync(InsightData.BrookCommissioner);
        var (_, brookPage) = await brook.GetPageAsync($"/dashboard?{Period}");
        Assert.Equal("10.00", Table(brookPage, "hours-delegated").Single(r => r.Label == "March 2026").Value);
        Assert.Equal("0", Table(brookPage, "open-by-state").Single(r => r.Label == "In progress").Value);
    }

    [Fact]
    public async Task The_rows_behind_a_figure_are_the_requests_list_filtered_to_them()
    {
        using var aston = await SignedInAsync(InsightData.AstonCommissioner);
        var (response, page) = await aston.GetPageAsync("/requests?late=true&releasedFrom=2026-01-01&releasedTo=2026-06-30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var references = page.QuerySelectorAll("table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).Order().ToList();
        Assert.Equal(["AST-2", "AST-4"], references);
    }

    [Fact]
    public async Task The_evidence_pack_puts_the_figures_under_the_three_questions()
    {
        using var aston = await SignedInAsync(InsightData.AstonCommissioner);
        var (response, page) = await aston.GetPageAsync($"{AstonPack}?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([EvidencePack.QuestionKnow, EvidencePack.QuestionHow, EvidencePack.QuestionPlans],
            page.QuerySelectorAll("h2.govuk-heading-l").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Quality", "Timeliness", "Capacity", "Workforce development"],
            page.QuerySelectorAll("h3.govuk-heading-m").Select(h => h.TextContent.Trim()));
        Assert.Equal("2.83", Table(page, "qa-scores").Single(r => r.Label == "The child's lived experience").Value);
        Assert.Equal("2", Table(page, "late-reasons").Single().Value);
        Assert.Equal("5.00", Table(page, "shadowing-by-role").Single(r => r.Label == "ASYE social worker").Value);
        Assert.Contains("2 of 4 reports were released by their filing deadline", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", page.Body.TextContent, StringComparison.Ordinal); // Brook's late reason
        Assert.DoesNotContain("AST-", page.Body.TextContent, StringComparison.Ordinal); // no case references
    }

    [Fact]
    public async Task Another_authoritys_commissioner_gets_404_for_the_pack_its_csv_and_the_api()
    {
        using var brook = await SignedInAsync(InsightData.BrookCommissioner);
        Assert.Equal(HttpStatusCode.NotFound, (await brook.Http.GetAsync($"{AstonPack}?{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await brook.Http.GetAsync($"{AstonPack}.csv?{Period}")).StatusCode);
        var api = await ApiClients.SignedInAsync(App, InsightData.BrookCommissioner, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/authorities/{fixture.World.AstonId}/evidence?{Period}")).StatusCode);

        using var admin = await SignedInAsync(DemoUsers.Admin);
        var (response, page) = await admin.GetPageAsync($"{AstonPack}?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("form[action$='/evidence/plan']"));
    }

    [Fact]
    public async Task The_csv_has_one_row_per_figure_and_escapes_text_a_spreadsheet_would_run()
    {
        using var aston = await SignedInAsync(InsightData.AstonCommissioner);
        var response = await aston.Http.GetAsync($"{AstonPack}.csv?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Csv(await response.Content.ReadAsStringAsync());
        Assert.Equal(EvidenceCsv.Header, rows[0]);
        Assert.Contains(["Timeliness", "On-time rate against filing deadlines (%)", "2026-01-01 to 2026-06-30", "50.0"], rows);
        Assert.Contains(["Capacity", "Hours delegated to the panel", "2026-03", "6.00"], rows);
        Assert.Contains(["Workforce development", "Shadowing hours: ASYE social worker", "2026-01-01 to 2026-06-30", "5.00"], rows);
        Assert.Contains(["Quality", "Mean authority rating (1 to 5): communication", "2026-01-01 to 2026-06-30", "4.00"], rows);

        using var brook = await SignedInAsync(InsightData.BrookCommissioner);
        var brookRows = Csv(await (await brook.Http.GetAsync($"/authorities/{fixture.World.BrookId}/evidence.csv?{Period}")).Content.ReadAsStringAsync());
        var reason = brookRows.Single(r => r[1].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("1", reason[3]);
        Assert.All(brookRows.SelectMany(r => r), field => Assert.False(field.StartsWith('='), field));
    }

    [Fact]
    public async Task The_api_answers_with_the_packs_figures_and_a_problem_for_a_bad_period()
    {
        var api = await ApiClients.SignedInAsync(App, InsightData.AstonCommissioner, DemoUsers.Password);
        var response = await api.GetAsync($"/api/v1/authorities/{fixture.World.AstonId}/evidence?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("2026-01-01", root.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(4, root.GetProperty("timeliness").GetProperty("released").GetInt32());
        Assert.Equal(0.5, root.GetProperty("quality").GetProperty("firstPassRate").GetDouble(), 3);
        Assert.Equal(18.75m, root.GetProperty("capacity").GetProperty("hoursDelegated").GetDecimal());
        Assert.Equal(9.00m, root.GetProperty("workforceDevelopment").GetProperty("shadowingHours").GetDecimal());
        Assert.True(root.GetProperty("figures").GetArrayLength() > 20);

        var bad = await api.GetAsync($"/api/v1/authorities/{fixture.World.AstonId}/evidence?from=2026-07-01&to=2026-06-30");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));

        var admin = await ApiClients.SignedInAsync(App, DemoUsers.Admin, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/authorities/{fixture.World.BrookId}/evidence?{Period}")).StatusCode);
    }

    [Fact]
    public async Task A_commissioner_saves_the_plan_for_the_period_and_bad_input_keeps_the_text()
    {
        using var aston = await SignedInAsync(InsightData.AstonCommissioner);
        var form = $"{AstonPack}?from=2026-01-01&to=2026-03-31";
        var action = $"{AstonPack}/plan";

        var empty = await aston.PostFormAsync(form, action, Fields("   "));
        var emptyPage = await PageClient.ParseAsync(empty);
        Assert.Contains("Enter your plans", emptyPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var tooLong = new string('x', 8001);
        var longPage = await PageClient.ParseAsync(await aston.PostFormAsync(form, action, Fields(tooLong)));
        Assert.NotNull(longPage.QuerySelector(".govuk-error-summary"));
        Assert.Equal(tooLong, longPage.QuerySelector("textarea[name='Form.Text']")!.TextContent.Trim());

        var saved = await aston.PostFormAsync(form, action, Fields("Recruit two more fostering assessors.\nReview QA returns quarterly."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, _, page) = await aston.FollowAsync(saved);
        Assert.Contains("Recruit two more fostering assessors.", page.QuerySelector("#saved-plan")!.TextContent, StringComparison.Ordinal);

        var again = await aston.PostFormAsync(form, action, Fields("Recruit three."));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var plans = await App.WithDbAsync(db => db.EvidencePlans.Where(p => p.AuthorityId == fixture.World.AstonId && p.PeriodTo == new DateOnly(2026, 3, 31))
            .Select(p => p.Text).ToListAsync());
        Assert.Equal(["Recruit three."], plans);

        // The plan belongs to that period only.
        var (_, other) = await aston.GetPageAsync($"{AstonPack}?{Period}");
        Assert.Null(other.QuerySelector("#saved-plan"));

        using var brook = await SignedInAsync(InsightData.BrookCommissioner);
        var brookForm = $"/authorities/{fixture.World.BrookId}/evidence?from=2026-01-01&to=2026-03-31";
        var refused = await brook.PostFormAsync(brookForm, action, Fields("Not theirs."));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task The_admin_and_isw_dashboards_render_and_a_bad_period_shows_the_error_summary()
    {
        using var admin = await SignedInAsync(DemoUsers.Admin);
        var (adminResponse, adminPage) = await admin.GetPageAsync($"/admin/dashboard?{Period}&authority={fixture.World.AstonId}");
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.Equal("Peter Lindqvist", adminPage.QuerySelector("#near-capacity tbody th")!.TextContent.Trim());
        Assert.Equal("3", Table(adminPage, "demand")[0].Value);

        using var isw = await SignedInAsync(DemoUsers.Isw(9));
        var (iswResponse, iswPage) = await isw.GetPageAsync($"/my-dashboard?{Period}");
        Assert.Equal(HttpStatusCode.OK, iswResponse.StatusCode);
        Assert.Equal("£760.00", Table(iswPage, "earnings").Single(r => r.Label == "March 2026").Value);
        Assert.Equal(3, iswPage.QuerySelectorAll("#milestones tbody tr").Length);
        Assert.Single(iswPage.QuerySelectorAll("#offers-waiting tbody tr"));

        var (badResponse, badPage) = await isw.GetPageAsync("/my-dashboard?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badResponse.StatusCode);
        Assert.NotNull(badPage.QuerySelector(".govuk-error-summary a[href='#from']"));
        Assert.Equal("yesterday", badPage.QuerySelector("input#from")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_pdf_opens_and_its_text_has_the_three_questions_and_the_figures()
    {
        using var aston = await SignedInAsync(InsightData.AstonCommissioner);
        var (_, page) = await aston.GetPageAsync($"{AstonPack}?{Period}");
        var link = page.QuerySelector("a[href*='evidence.pdf']")!.GetAttribute("href");
        Assert.Equal($"{AstonPack}.pdf?{Period}", link);

        var response = await aston.Http.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        Assert.Contains("Aston", text, StringComparison.Ordinal);
        var questions = new[] { EvidencePack.QuestionKnow, EvidencePack.QuestionHow, EvidencePack.QuestionPlans }
            .Select(q => text.IndexOf(q, StringComparison.Ordinal)).ToList();
        Assert.All(questions, at => Assert.True(at >= 0, "Each question is a heading in the PDF."));
        Assert.Equal(questions.Order(), questions);
        // Figures sit under the first question, each label followed by its value.
        Assert.InRange(text.IndexOf("On-time rate against filing deadlines (%) 50.0", StringComparison.Ordinal), questions[0], questions[1]);
        Assert.InRange(text.IndexOf("Hours delegated to the panel, 2026-03 6.00", StringComparison.Ordinal), questions[0], questions[1]);
        Assert.Contains($"Page {pdf.NumberOfPages} of {pdf.NumberOfPages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_authoritys_commissioner_gets_404_for_the_pdf()
    {
        using var brook = await SignedInAsync(InsightData.BrookCommissioner);
        Assert.Equal(HttpStatusCode.NotFound, (await brook.Http.GetAsync($"{AstonPack}.pdf?{Period}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_pdf_content_puts_every_figure_under_the_first_question_in_the_packs_order()
    {
        var pack = await InsightApp.FigureAsync(App, async (db, _) =>
        {
            var me = new FixedUser(Domain.Security.Roles.PanelAdmin);
            var clock = new FixedClock();
            var result = await new EvidencePack.Handler(db, me, clock, NoCache(clock)).Handle(new EvidencePack.Query(fixture.World.AstonId, "2026-01-01", "2026-06-30"), default);
            return result.Value!;
        });
        var blocks = EvidencePdfContent.Blocks(pack);
        Assert.Equal([EvidencePack.QuestionKnow, EvidencePack.QuestionHow, EvidencePack.QuestionPlans],
            blocks.Where(b => b.Kind == EvidencePdfContent.Kind.Question).Select(b => b.Text));
        var how = blocks.ToList().FindIndex(b => b.Text == EvidencePack.QuestionHow);
        Assert.Equal(pack.Rows.Count, blocks.Take(how).Count(b => b.Kind == EvidencePdfContent.Kind.Figure));
        Assert.Contains(blocks, b => b is { Kind: EvidencePdfContent.Kind.Figure, Text: "On-time rate against filing deadlines (%)", Value: "50.0" });
    }

    private static InsightCache NoCache(Domain.Common.IClock clock) =>
        new(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()),
            Microsoft.Extensions.Options.Options.Create(new InsightOptions { CacheSeconds = 0 }), clock);

    private sealed class FixedUser(string role) : Domain.Security.ICurrentUser
    {
        public bool IsAuthenticated => true;
        public Guid? UserId => null;
        public string? DisplayName => null;
        public Guid? AuthorityId => null;
        public Guid? IswProfileId => null;
        public bool IsInRole(string name) => name == role;
    }

    private sealed class FixedClock : Domain.Common.IClock
    {
        public DateTime UtcNow => new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        public DateOnly Today => new(2026, 12, 1);
    }

    private static List<KeyValuePair<string, string>> Fields(string text) =>
    [
        new("Form.From", "2026-01-01"),
        new("Form.To", "2026-03-31"),
        new("Form.Text", text),
    ];

    /// <summary>RFC 4180 rows (quoted fields may hold commas, doubled quotes and line breaks).</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && !quoted) { }
            else if (c == '\n' && !quoted) { fields.Add(field.ToString()); field.Clear(); rows.Add([.. fields]); fields.Clear(); }
            else field.Append(c);
        }

        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString()); rows.Add([.. fields]); }
        return rows;
    }
}
