using System.Net;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Work.WorkScenario;

namespace IswPanel.Web.Tests.Features.Work;

/// <summary>
/// The case page is the assigned ISW's alone: NS-2026-0142 (Northshire, parenting, in progress) is Amara Okonkwo's
/// (isw1); anyone else is told it does not exist. These tests only read, so they share the demo app.
/// </summary>
public sealed class CasePageTests(DemoApp demo)
{
    private const string CaseReference = "NS-2026-0142";

    [Fact]
    public async Task The_assigned_isw_sees_the_request_milestones_hours_and_log()
    {
        var id = await IdOf(demo.App, CaseReference);
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(1));

        var (response, page) = await client.GetPageAsync($"/work/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("Parenting assessment: NS-2026-0142", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Northshire County Council", text, StringComparison.Ordinal);
        Assert.Contains("Mother, A.B.", text, StringComparison.Ordinal);
        Assert.Contains("Family Court", text, StringComparison.Ordinal);
        // Every milestone still ahead says how many working days are left.
        var milestoneRows = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr");
        Assert.Contains(milestoneRows, row => row.TextContent.Contains("Draft to QA by", StringComparison.Ordinal)
            && row.TextContent.Contains("working day", StringComparison.Ordinal));
        // The demo log runs over the 48-hour budget: two entries wait for the commissioner and do not count.
        Assert.Contains("of 48 hours budgeted", text, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".govuk-tag--yellow").Count(t => t.TextContent.Contains("Awaiting approval", StringComparison.Ordinal)));
        var counted = await demo.App.WithDbAsync(db => db.WorkLogEntries
            .Where(e => e.AssessmentRequestId == id && (e.Approval == HoursApproval.WithinBudget || e.Approval == HoursApproval.Approved))
            .SumAsync(e => e.DurationMinutes + e.TravelMinutes));
        Assert.True(counted <= 48 * 60, $"Counted {counted} minutes, beyond the budget.");
        Assert.NotNull(page.QuerySelector($"a[href='/work/{id}/log']"));
        Assert.NotNull(page.QuerySelector($"form[action='/work/{id}/report-versions'] input[type=file][name='Upload.File']"));
    }

    [Fact]
    public async Task Another_isw_gets_404()
    {
        var id = await IdOf(demo.App, CaseReference);
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(2));

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/work/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/work/{id}/log")).StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.Southborough)]
    [InlineData(DemoUsers.Northshire)]
    public async Task A_commissioner_gets_404_for_the_case_page(string commissioner)
    {
        var id = await IdOf(demo.App, CaseReference);
        using var client = await SignedInAsync(demo.App, commissioner);

        var response = await client.Http.GetAsync($"/work/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("A.B.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_work_links_each_active_assignment_to_its_case_page()
    {
        var active = await demo.App.WithDbAsync(db => db.AssessmentRequests
            .Where(r => r.CaseReference == "NS-2026-0142" || r.CaseReference == "NS-2026-0161").Select(r => r.Id).ToListAsync());
        using var client = await SignedInAsync(demo.App, DemoUsers.Isw(1));

        var (_, page) = await client.GetPageAsync("/my-work");

        Assert.All(active, id => Assert.NotNull(page.QuerySelector($"a[href='/work/{id}']")));
    }

    [Fact]
    public async Task The_demo_data_has_logs_report_versions_and_released_reports_with_full_reviews()
    {
        var facts = await demo.App.WithDbAsync(async db =>
        {
            var rubric = await db.RubricCriteria.CountAsync(c => c.IsActive);
            var finished = await db.AssessmentRequests.AsNoTracking()
                .Where(r => r.Status == AssessmentRequestStatus.Delivered || r.Status == AssessmentRequestStatus.Closed).ToListAsync();
            var inQa = await db.AssessmentRequests.Where(r => r.Status == AssessmentRequestStatus.InQa).Select(r => r.Id).ToListAsync();
            var versionsInQa = await db.ReportVersions.Where(v => inQa.Contains(v.AssessmentRequestId) && v.Status == ReportVersionStatus.InQa).CountAsync();
            var reviews = await db.QaReviews.AsNoTracking().ToListAsync();
            var inProgress = await db.AssessmentRequests.Where(r => r.Status == AssessmentRequestStatus.InProgress).Select(r => r.Id).ToListAsync();
            var logged = await db.WorkLogEntries.Where(e => inProgress.Contains(e.AssessmentRequestId)).Select(e => e.AssessmentRequestId).Distinct().CountAsync();
            return (rubric, finished, inQa.Count, versionsInQa, reviews, inProgress.Count, logged);
        });

        Assert.Equal(RubricCriterion.Defaults.Count, facts.rubric);
        Assert.NotEmpty(facts.finished);
        Assert.All(facts.finished, r =>
        {
            Assert.NotNull(r.ReleasedReportVersionId);
            Assert.NotNull(r.ReleasedAt);
            var review = Assert.Single(facts.reviews, q => q.ReportVersionId == r.ReleasedReportVersionId);
            Assert.Equal(QaDecision.Approve, review.Decision);
            Assert.Equal(facts.rubric, review.Scores.Count);
        });
        Assert.Equal(facts.Item3, facts.versionsInQa);
        Assert.Equal(facts.Item6, facts.logged);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_upload_and_the_released_report_routes()
    {
        using var client = demo.App.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Contains("\"/api/v1/assignments/{id}/report-versions\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/assessment-requests/{id}/report\"", document, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", document, StringComparison.Ordinal);
    }
}
