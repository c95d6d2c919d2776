using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Work;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Work.WorkScenario;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>
/// Report versions: a PDF or DOCX up to 20 MB, its type checked by content, numbered per request, sent to QA one at
/// a time; the page and the API send the same command.
/// </summary>
public sealed class ReportVersionTests(WorkApp work) : IClassFixture<WorkApp>
{
    private static Task<HttpResponseMessage> UploadAsync(PageClient client, Guid id, byte[] content, string fileName, string note = "") =>
        client.PostMultipartAsync($"/work/{id}", $"/work/{id}/report-versions",
            new Dictionary<string, string> { ["Upload.NoteToReviewer"] = note }, ("Upload.File", fileName, content));

    [Fact]
    public async Task Version_1_goes_to_qa_and_a_second_upload_while_it_is_there_is_refused()
    {
        var app = work.App;
        var id = await IdOf(app, "NS-2026-0157");
        using var client = await SignedInAsync(app, DemoUsers.Isw(7));

        var response = await UploadAsync(client, id, PageClient.TinyPdf(), "Report draft.pdf", "Section 4 is new.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, _, page) = await client.FollowAsync(response);
        Assert.Contains("Version 1 of your report has been sent to QA.", page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        var version = await app.WithDbAsync(db => db.ReportVersions.AsNoTracking().SingleAsync(v => v.AssessmentRequestId == id));
        Assert.Equal((1, ReportVersionStatus.InQa, "Section 4 is new."), (version.Number, version.Status, version.NoteToReviewer));
        Assert.Equal(AssessmentRequestStatus.InQa, (await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id))).Status);
        var qa = await UserIdAsync(app, DemoUsers.Qa);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == qa && n.Text.Contains("Version 1 of the report") && n.Text.Contains("NS-2026-0157"))));
        Assert.True(await app.WithDbAsync(db => db.RequestEvents.AnyAsync(e => e.AssessmentRequestId == id && e.What.StartsWith("Report version 1 submitted to QA"))));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReportVersionSubmitted && e.EntityId == version.Id.ToString())));
        Assert.NotNull(page.QuerySelector($"a[href='/work/{id}/report-versions/{version.Id}/file']"));

        // The ISW can download what they sent.
        var own = await client.Http.GetAsync($"/work/{id}/report-versions/{version.Id}/file", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(PageClient.TinyPdf(), await own.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        // The upload form is gone while version 1 is in QA, and a posted upload is refused with the reason.
        Assert.Null(page.QuerySelector($"form[action='/work/{id}/report-versions']"));
        var second = await client.PostMultipartAsync("/my-work", $"/work/{id}/report-versions",
            new Dictionary<string, string>(), ("Upload.File", "Report v2.pdf", PageClient.TinyPdf()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(SubmitReportVersion.OneAtATime, (await PageClient.ParseAsync(second)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportVersions.CountAsync(v => v.AssessmentRequestId == id)));

        // Another ISW cannot download it.
        using var other = await SignedInAsync(app, DemoUsers.Isw(1));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/work/{id}/report-versions/{version.Id}/file", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_pdf_that_is_really_text_is_refused_by_its_content()
    {
        var app = work.App;
        var id = await IdOf(app, "SB/26/0311");
        using var client = await SignedInAsync(app, DemoUsers.Isw(3));

        var response = await UploadAsync(client, id, "This is only text pretending to be a PDF."u8.ToArray(), "Report.pdf", "Kept note");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("The selected file must be a PDF or DOCX", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept note", page.QuerySelector("textarea[name='Upload.NoteToReviewer']")?.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportVersions.CountAsync(v => v.AssessmentRequestId == id)));
        Assert.Equal(AssessmentRequestStatus.InProgress, (await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id))).Status);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused()
    {
        var app = work.App;
        var id = await IdOf(app, "SB/26/0311");
        using var client = await SignedInAsync(app, DemoUsers.Isw(3));
        var large = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(large);

        var response = await UploadAsync(client, id, large, "Big report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The selected file must be smaller than 20 MB",
            (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReportVersions.CountAsync(v => v.AssessmentRequestId == id)));
    }

    [Fact]
    public async Task The_assigned_isw_uploads_a_docx_through_the_api_and_another_isw_gets_404()
    {
        var app = work.App;
        var id = await IdOf(app, "SB/26/0318");
        var assignment = await AssignmentOf(app, id);
        using var ruth = await ApiClients.SignedInAsync(app, DemoUsers.Isw(5), DemoUsers.Password);
        using var sofia = await ApiClients.SignedInAsync(app, DemoUsers.Isw(3), DemoUsers.Password);

        using (var body = FileBody(TinyDocx(), "Report.docx"))
        {
            var refused = await sofia.PostAsync($"/api/v1/assignments/{assignment}/report-versions", body, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using (var text = FileBody("plain text"u8.ToArray(), "Report.docx"))
        {
            var wrong = await ruth.PostAsync($"/api/v1/assignments/{assignment}/report-versions", text, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Contains("PDF or DOCX", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assignments/{assignment}/report-versions")
        {
            Content = FileBody(TinyDocx(), "Report.docx", "First draft"),
        };
        request.Headers.Add("Idempotency-Key", "report-v1");
        var created = await ruth.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(1, json.GetProperty("number").GetInt32());
        var versionId = json.GetProperty("versionId").GetGuid();
        var stored = await app.WithDbAsync(db => (from v in db.ReportVersions where v.Id == versionId
                                                   join f in db.StoredFiles on v.StoredFileId equals f.Id
                                                   select new { v.AssessmentRequestId, f.Kind }).SingleAsync());
        Assert.Equal(id, stored.AssessmentRequestId);
        Assert.Equal(IswPanel.Domain.Documents.FileKind.Docx, stored.Kind);

        // The same key and body again: the first response, not a second version.
        using var retry = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assignments/{assignment}/report-versions")
        {
            Content = FileBody(TinyDocx(), "Report.docx", "First draft"),
        };
        retry.Headers.Add("Idempotency-Key", "report-v1");
        var replayed = await ruth.SendAsync(retry, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(versionId, (await replayed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("versionId").GetGuid());
        Assert.Equal(1, await app.WithDbAsync(db => db.ReportVersions.CountAsync(v => v.AssessmentRequestId == id)));

        // Without a key, a second version while the first is in QA is a conflict.
        using var again = FileBody(PageClient.TinyPdf(), "Report v2.pdf");
        Assert.Equal(HttpStatusCode.Conflict, (await ruth.PostAsync($"/api/v1/assignments/{assignment}/report-versions", again, TestContext.Current.CancellationToken)).StatusCode);
    }
}
