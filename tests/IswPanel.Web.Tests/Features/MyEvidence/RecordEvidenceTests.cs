using System.Net;
using AngleSharp.Dom;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Tests.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.MyEvidence;

/// <summary>
/// An ISW records their evidence: it waits for an administrator's verification, an active member who changes
/// verified evidence is suspended until then (and warned first), and bad answers keep every other answer.
/// </summary>
public sealed class RecordEvidenceTests(DemoApp demo)
{
    private static Dictionary<string, string> DbsAnswers(string day = "1", string month = "6", string year = "2026") => new()
    {
        ["Form.Reference"] = "0012 3456 7899",
        ["Form.IssuedOn.Day"] = day,
        ["Form.IssuedOn.Month"] = month,
        ["Form.IssuedOn.Year"] = year,
        ["Form.OnUpdateService"] = "True",
    };

    private static async Task<PageClient> SignedInAsync(IswPanelApp app, string email)
    {
        var client = PageClient.For(app);
        await client.SignInAsync(email, DemoUsers.Password);
        return client;
    }

    private static Task<IswProfile> ProfileOf(IswPanelApp app, int isw) =>
        app.WithDbAsync(db => db.IswProfiles.AsNoTracking().Include(p => p.Documents).SingleAsync(p => p.Email == DemoUsers.Isw(isw)));

    private static IElement? Check(IDocument page, VettingCheck check) => page.QuerySelector($"li[data-check='{check}']");

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_applicant_records_dbs_details_with_a_file_and_the_checks_then_show_the_dbs_waiting_for_verification(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        using var client = await SignedInAsync(app, DemoUsers.Isw(4));   // under review, DBS verified
        var (_, before) = await client.GetPageAsync("/my-evidence");
        Assert.Equal("Done", Check(before, VettingCheck.Dbs)?.QuerySelector(".govuk-tag")?.TextContent.Trim());

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers(),
            SampleFiles.AsPdf(SampleFiles.Pdf, "new-dbs.pdf"));
        var (path, _, page) = await client.FollowAsync(response);

        Assert.Equal("/my-evidence", path);
        Assert.Contains("Enhanced DBS check saved", page.QuerySelector(".govuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        var dbs = Check(page, VettingCheck.Dbs);
        Assert.Equal("Waiting for verification", dbs?.QuerySelector(".govuk-tag")?.TextContent.Trim());
        Assert.Contains("has not been verified", dbs?.TextContent, StringComparison.Ordinal);
        // The evidence list shows the new details and links to the file.
        var evidence = page.QuerySelector($"[data-evidence='{ComplianceDocumentKind.EnhancedDbs}']");
        Assert.Contains("001234567899", evidence?.TextContent, StringComparison.Ordinal);
        var link = evidence?.QuerySelector("a[href^='/documents/']");
        Assert.Equal("new-dbs.pdf", link?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(link!.GetAttribute("href"))).StatusCode);

        var profile = await ProfileOf(app, 4);
        var document = profile.Document(ComplianceDocumentKind.EnhancedDbs)!;
        Assert.Equal(PanelMemberStatus.UnderReview, profile.Status);
        Assert.False(document.IsVerified);
        Assert.Equal("001234567899", document.Reference);
        Assert.Equal(new DateOnly(2026, 6, 1), document.IssuedOn);
        Assert.True(document.OnUpdateService);
        Assert.NotNull(document.StoredFileId);
    }

    [Fact]
    public async Task An_active_member_is_warned_and_recording_new_insurance_suspends_them_until_it_is_verified()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = await SignedInAsync(app, DemoUsers.Isw(3));   // active, insurance verified

        var (_, form) = await client.GetPageAsync("/my-evidence/insurance");
        Assert.Contains("you will be suspended from matching", form.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);

        var response = await client.PostMultipartAsync("/my-evidence/insurance", "/my-evidence/insurance", new Dictionary<string, string>
        {
            ["Form.Reference"] = "PI-NEW-2027",
            ["Form.ExpiresOn.Day"] = "30",
            ["Form.ExpiresOn.Month"] = "11",
            ["Form.ExpiresOn.Year"] = "2027",
        }, new UploadedFile("Form.File", "insurance.png", "image/png", SampleFiles.Png));
        var (path, _, page) = await client.FollowAsync(response);

        Assert.Equal("/my-evidence", path);
        Assert.Contains("You are suspended from matching until the panel team verifies it",
            page.QuerySelector(".govuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("You are suspended from matching", page.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Waiting for verification", Check(page, VettingCheck.Insurance)?.QuerySelector(".govuk-tag")?.TextContent.Trim());

        var profile = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().Include(p => p.Documents)
            .SingleAsync(p => p.Email == DemoUsers.Isw(3)));
        Assert.Equal(PanelMemberStatus.Suspended, profile.Status);
        Assert.Equal(SuspensionCause.Compliance, profile.Suspension);
        Assert.Equal(new DateOnly(2027, 11, 30), profile.Document(ComplianceDocumentKind.IndemnityInsurance)!.ExpiresOn);
        Assert.Contains("awaiting verification", profile.History.OrderBy(h => h.At).Last().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_and_a_missing_file_show_both_errors_and_keep_the_other_answers()
    {
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(6));
        var before = await ProfileOf(demo.App, 6);

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers(day: "31", month: "2", year: "2026"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")?.TextContent;
        Assert.Contains("The date the certificate was issued must be a real date.", summary, StringComparison.Ordinal);
        Assert.Contains("Select a file", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Form_File']"));
        Assert.Equal("0012 3456 7899", page.QuerySelector("input[name='Form.Reference']")?.GetAttribute("value"));
        Assert.Equal("31", page.QuerySelector("input[name='Form.IssuedOn.Day']")?.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("input[name='Form.IssuedOn.Month']")?.GetAttribute("value"));
        Assert.Equal("2026", page.QuerySelector("input[name='Form.IssuedOn.Year']")?.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='Form.OnUpdateService'][value='True']")?.HasAttribute("checked"));
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);

        var after = await ProfileOf(demo.App, 6);
        Assert.Equal(before.Document(ComplianceDocumentKind.EnhancedDbs)!.Reference, after.Document(ComplianceDocumentKind.EnhancedDbs)!.Reference);
    }

    [Fact]
    public async Task A_good_file_with_a_bad_answer_asks_for_the_file_again()
    {
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(6));

        var response = await client.PostMultipartAsync("/my-evidence/dbs", "/my-evidence/dbs", DbsAnswers(year: "2030"), SampleFiles.AsPdf(SampleFiles.Pdf));

        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")?.TextContent;
        Assert.Contains("The date the certificate was issued must be today or in the past.", summary, StringComparison.Ordinal);
        Assert.Contains("Select the file again", page.QuerySelector("#Form_File-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insurance_that_has_already_ended_is_refused()
    {
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(6));

        var response = await client.PostMultipartAsync("/my-evidence/insurance", "/my-evidence/insurance", new Dictionary<string, string>
        {
            ["Form.ExpiresOn.Day"] = "30",
            ["Form.ExpiresOn.Month"] = "11",
            ["Form.ExpiresOn.Year"] = "2026",
        }, SampleFiles.AsPdf(SampleFiles.Pdf));

        var page = await PageClient.ParseAsync(response);
        Assert.Contains("The date the policy ends must be in the future.", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/my-evidence/dbs")]
    [InlineData("/my-evidence/insurance")]
    [InlineData("/my-evidence/right-to-work")]
    [InlineData("/my-evidence/qualification")]
    [InlineData("/my-evidence/referees")]
    [InlineData("/my-evidence")]
    public async Task Each_page_opens_for_an_isw_and_not_for_other_roles(string url)
    {
        using var isw = await SignedInAsync(demo.App, DemoUsers.Isw(6));
        using var commissioner = await SignedInAsync(demo.App, DemoUsers.Northshire);

        var (response, page) = await isw.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("h1"));
        Assert.NotEqual(HttpStatusCode.OK, (await commissioner.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_checks_page_lists_every_vetting_check_with_its_explanation()
    {
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(6));   // under review: blocked by non-solicitation

        var (_, page) = await client.GetPageAsync("/my-evidence");

        Assert.Equal(Enum.GetValues<VettingCheck>().Length, page.QuerySelectorAll("li[data-check]").Length);
        var nonSolicitation = Check(page, VettingCheck.NonSolicitation);
        Assert.Equal("Not done", nonSolicitation?.QuerySelector(".govuk-tag")?.TextContent.Trim());
        Assert.Contains("Northshire County Council", nonSolicitation?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Done", Check(page, VettingCheck.Pqe)?.QuerySelector(".govuk-tag")?.TextContent.Trim());
    }
}
