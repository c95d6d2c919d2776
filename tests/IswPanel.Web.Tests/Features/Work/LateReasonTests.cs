using System.Net;
using IswPanel.Testing;
using IswPanel.Web.Tests.Features.Qa;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>The ISW says why a report comes after the filing deadline; the evidence pack groups the reasons.</summary>
public sealed class LateReasonTests(QaApp fixture) : IClassFixture<QaApp>
{
    [Fact]
    public async Task A_report_submitted_after_the_deadline_asks_why_and_records_the_reason()
    {
        var app = fixture.App;
        var late = await Qa.WorkScenario.AssignedAsync(app, 7, "LATE-REASON-1", deadline: new DateOnly(2026, 12, 10));
        var onTime = await Qa.WorkScenario.AssignedAsync(app, 7, "LATE-REASON-2", deadline: new DateOnly(2027, 3, 1));
        app.Clock.Advance(TimeSpan.FromDays(14)); // 15 December: the first is past its deadline (this class has its own app)
        using var client = await WorkScenario.SignedInAsync(app, DemoUsers.Isw(7));

        var (_, latePage) = await client.GetPageAsync($"/work/{late.RequestId}");
        Assert.NotNull(latePage.QuerySelector("textarea[name='Upload.LateReason']"));
        var (_, onTimePage) = await client.GetPageAsync($"/work/{onTime.RequestId}");
        Assert.Null(onTimePage.QuerySelector("textarea[name='Upload.LateReason']"));

        var tooLong = await client.PostMultipartAsync($"/work/{late.RequestId}", $"/work/{late.RequestId}/report-versions",
            new Dictionary<string, string> { ["Upload.LateReason"] = new string('x', 1001) }, ("Upload.File", "Report.pdf", PageClient.TinyPdf()));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(tooLong)).QuerySelector(".govuk-error-summary"));

        var response = await client.PostMultipartAsync($"/work/{late.RequestId}", $"/work/{late.RequestId}/report-versions",
            new Dictionary<string, string> { ["Upload.LateReason"] = "  The court moved the hearing.  " }, ("Upload.File", "Report.pdf", PageClient.TinyPdf()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("The court moved the hearing.",
            await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == late.RequestId).Select(r => r.LateReason).SingleAsync()));
    }
}
