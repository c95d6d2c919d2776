using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Work.WorkScenario;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>
/// Issue 7's whole loop, through the pages a person uses (each page sends its command to the same handler as the API):
/// sessions logged, version 1 submitted, returned with comments, version 2 submitted, approved, released,
/// downloaded, rated, closed. Nothing reaches the authority before approval.
/// </summary>
public sealed class WholeLoopTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public async Task Sessions_two_versions_a_return_an_approval_a_download_and_a_rating_take_a_request_from_assigned_to_closed()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var id = await IdOf(app, "NS-2026-0161");
        Assert.Equal(AssessmentRequestStatus.Assigned, await StatusOf(app, id));

        // The ISW logs two sessions.
        using var isw = await SignedInAsync(app, DemoUsers.Isw(1));
        foreach (var (day, kind) in new[] { (Today.AddDays(-6), "HomeVisit"), (Today.AddDays(-2), "Observation") })
        {
            var logged = await isw.PostFormAsync($"/work/{id}/log", $"/work/{id}/log",
                LogAnswers(day, kind: kind, hours: "2", minutes: "15", travelMinutes: "30", mileage: "14", whoSeen: "Mother (T.M.)"));
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }

        Assert.Equal(AssessmentRequestStatus.InProgress, await StatusOf(app, id));
        Assert.Equal(2, await app.WithDbAsync(db => db.WorkLogEntries.CountAsync(e => e.AssessmentRequestId == id && e.Kind != WorkKind.ReportWriting)));

        // Version 1 goes to QA; the commissioner cannot have it.
        await UploadAsync(isw, id, "Report v1.pdf");
        Assert.Equal(AssessmentRequestStatus.InQa, await StatusOf(app, id));
        using var commissioner = await SignedInAsync(app, DemoUsers.Northshire);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.Http.GetAsync($"/requests/{id}/report")).StatusCode);

        // QA returns it with comments; the ISW sees them on the case page.
        using var qa = await SignedInAsync(app, DemoUsers.Qa);
        var v1 = await VersionAsync(app, id, 1);
        await ReviewAsync(app, qa, v1, "Return", "Say more about the child's wishes and feelings.");
        Assert.Equal(AssessmentRequestStatus.InProgress, await StatusOf(app, id));
        var (_, casePage) = await isw.GetPageAsync($"/work/{id}");
        Assert.Contains("Say more about the child's wishes and feelings.", casePage.Body!.TextContent, StringComparison.Ordinal);

        // Version 2, approved: released to the commissioner.
        await UploadAsync(isw, id, "Report v2.pdf");
        var v2 = await VersionAsync(app, id, 2);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.Http.GetAsync($"/requests/{id}/report")).StatusCode);
        await ReviewAsync(app, qa, v2, "Approve", "Clear and well evidenced.");
        var released = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((AssessmentRequestStatus.Delivered, v2), (released.Status, released.ReleasedReportVersionId));
        Assert.Equal(ReportVersionStatus.Returned, await app.WithDbAsync(db => db.ReportVersions.Where(v => v.Id == v1).Select(v => v.Status).SingleAsync()));

        // The commissioner downloads the released version (audited) and rates the work: the request closes.
        var download = await commissioner.Http.GetAsync($"/requests/{id}/report");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ReportDownloaded)));

        var rated = await commissioner.PostFormAsync($"/requests/{id}", $"/requests/{id}/feedback",
            [new("Feedback.Quality", "5"), new("Feedback.Timeliness", "4"), new("Feedback.Communication", "5"), new("Feedback.Comment", "Thorough.")]);
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var closed = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(AssessmentRequestStatus.Closed, closed.Status);
        Assert.NotNull(closed.RetainUntil);
        var feedback = await app.WithDbAsync(db => db.AssessmentFeedback.AsNoTracking().SingleAsync(f => f.AssessmentRequestId == id));
        Assert.Equal((5, 4, 5), (feedback.QualityRating, feedback.TimelinessRating, feedback.CommunicationRating));
        Assert.Equal(2, await app.WithDbAsync(db => db.QaReviews.CountAsync(r => r.AssessmentRequestId == id)));
    }

    private static Task<AssessmentRequestStatus> StatusOf(IswPanelApp app, Guid id) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    private static Task<Guid> VersionAsync(IswPanelApp app, Guid requestId, int number) =>
        app.WithDbAsync(db => db.ReportVersions.Where(v => v.AssessmentRequestId == requestId && v.Number == number).Select(v => v.Id).SingleAsync());

    private static async Task UploadAsync(PageClient isw, Guid id, string fileName)
    {
        var uploaded = await isw.PostMultipartAsync($"/work/{id}", $"/work/{id}/report-versions",
            new Dictionary<string, string> { ["Upload.NoteToReviewer"] = "" }, ("Upload.File", fileName, PageClient.TinyPdf()));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
    }

    private static async Task ReviewAsync(IswPanelApp app, PageClient qa, Guid versionId, string decision, string comments)
    {
        var criteria = await app.WithDbAsync(db => db.RubricCriteria.Where(c => c.IsActive).OrderBy(c => c.DisplayOrder).Select(c => c.Id).ToListAsync());
        var fields = new List<KeyValuePair<string, string>> { new("Form.Decision", decision), new("Form.Comments", comments) };
        for (var i = 0; i < criteria.Count; i++)
        {
            fields.Add(new($"Form.Scores[{i}].CriterionId", criteria[i].ToString()));
            fields.Add(new($"Form.Scores[{i}].Score", decision == "Approve" ? "4" : "2"));
        }

        var reviewed = await qa.PostFormAsync($"/qa/versions/{versionId}", $"/qa/versions/{versionId}", fields);
        Assert.True(reviewed.StatusCode == HttpStatusCode.Redirect,
            (await PageClient.ParseAsync(reviewed)).QuerySelector(".govuk-error-summary")?.TextContent ?? reviewed.StatusCode.ToString());
    }
}
