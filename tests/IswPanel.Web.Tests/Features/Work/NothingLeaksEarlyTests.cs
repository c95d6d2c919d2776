using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Work.WorkScenario;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>
/// Nothing leaks early: NS-2026-0164 is in QA with version 1 in the demo data. Until QA's approval releases it the
/// authority gets 404 for the report, on the page and the API; once released they get the file, and every download
/// is audited.
/// </summary>
public sealed class NothingLeaksEarlyTests(WorkApp work) : IClassFixture<WorkApp>
{
    [Fact]
    public async Task The_commissioner_gets_404_before_release_and_the_file_after_with_an_audit_row()
    {
        var app = work.App;
        var ct = TestContext.Current.CancellationToken;
        var id = await IdOf(app, "NS-2026-0164");
        using var page = await SignedInAsync(app, DemoUsers.Northshire);
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        using var otherAuthority = await ApiClients.SignedInAsync(app, DemoUsers.Southborough, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/requests/{id}/report", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/assessment-requests/{id}/report", ct)).StatusCode);
        var (_, details) = await page.GetPageAsync($"/requests/{id}");
        Assert.Null(details.QuerySelector($"a[href='/requests/{id}/report']"));
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{id}", ct);
        Assert.False(before.GetProperty("released").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("releasedAt").ValueKind);

        // QA approves version 1 and it is released (through the domain, as the QA review will).
        var versionId = await app.WithDbAsync(async db =>
        {
            var request = await db.AssessmentRequests.SingleAsync(r => r.Id == id);
            var version = await db.ReportVersions.SingleAsync(v => v.AssessmentRequestId == id && v.Status == ReportVersionStatus.InQa);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            version.Approve(now);
            version.Release(now);
            request.Release(version.Id, workingDaysLate: 0, now);
            await db.SaveChangesAsync(ct);
            return version.Id;
        });
        var expected = await app.WithDbAsync(db => (from v in db.ReportVersions where v.Id == versionId
                                                     join f in db.StoredFiles on v.StoredFileId equals f.Id
                                                     select f.Length).SingleAsync());

        var fromPage = await page.Http.GetAsync($"/requests/{id}/report", ct);
        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal("application/pdf", fromPage.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", fromPage.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await fromPage.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(expected, bytes.Length);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);

        var fromApi = await api.GetAsync($"/api/v1/assessment-requests/{id}/report", ct);
        Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
        Assert.Equal(bytes, await fromApi.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAuthority.GetAsync($"/api/v1/assessment-requests/{id}/report", ct)).StatusCode);

        var helen = await UserIdAsync(app, DemoUsers.Northshire);
        var audited = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ReportDownloaded && e.EntityId == versionId.ToString())
            .Select(e => e.UserId).ToListAsync());
        Assert.Equal([helen, helen], audited);

        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{id}", ct);
        Assert.True(after.GetProperty("released").GetBoolean());
        Assert.Equal(0, after.GetProperty("workingDaysLate").GetInt32());
        Assert.Equal("delivered", after.GetProperty("status").GetString());
        var (_, detailsAfter) = await page.GetPageAsync($"/requests/{id}");
        Assert.NotNull(detailsAfter.QuerySelector($"a[href='/requests/{id}/report']"));
    }
}
