using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Qa.WorkScenario;

namespace IswPanel.Web.Tests.Features.Qa;

/// <summary>Reviews through the API and the review page, which send the same command to the same handler.</summary>
public sealed class ReviewVersionTests(QaApp fixture) : IClassFixture<QaApp>
{
    private IswPanelApp App => fixture.App;

    private async Task<object> ScoresAsync(int score) =>
        (await CriteriaAsync(App)).ToDictionary(c => c.Name, _ => score);

    private async Task<HttpResponseMessage> ReviewAsync(HttpClient api, Guid versionId, string decision, string? comments = null, int score = 3) =>
        await api.PostAsJsonAsync($"/api/v1/report-versions/{versionId}/review", new { decision, scores = await ScoresAsync(score), comments });

    [Fact]
    public async Task The_queue_puts_at_risk_requests_first_then_the_earliest_date_QA_must_finish()
    {
        var later = await AssignedAsync(App, 1, "QA-ORDER-LATER", deadline: new DateOnly(2027, 4, 1));
        var sooner = await AssignedAsync(App, 3, "QA-ORDER-SOONER", deadline: new DateOnly(2027, 3, 1));
        var atRisk = await AssignedAsync(App, 5, "QA-ORDER-RISK", deadline: new DateOnly(2027, 5, 4), atRisk: true);
        foreach (var a in new[] { later, sooner, atRisk }) await SubmitVersionAsync(App, a, 1);

        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Qa, DemoUsers.Password);
        using var response = await api.GetAsync("/api/v1/qa/queue?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(100, body.RootElement.GetProperty("pageSize").GetInt32());
        var ours = body.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("caseReference").GetString())
            .Where(c => c!.StartsWith("QA-ORDER-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["QA-ORDER-RISK", "QA-ORDER-SOONER", "QA-ORDER-LATER"], ours);

        var risky = body.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseReference").GetString() == "QA-ORDER-RISK");
        Assert.True(risky.GetProperty("atRisk").GetBoolean());
        Assert.Equal(1, risky.GetProperty("versionNumber").GetInt32());
        Assert.False(string.IsNullOrEmpty(risky.GetProperty("qaDue").GetString()));

        // An ISW may not read the queue.
        using var isw = await ApiClients.SignedInAsync(App, DemoUsers.Isw(1), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await isw.GetAsync("/api/v1/qa/queue")).StatusCode);
    }

    [Fact]
    public async Task Returning_with_comments_sends_the_request_back_to_the_isw_in_progress_and_tells_them_what_must_change()
    {
        var a = await AssignedAsync(App, 7, "QA-RETURN-1", typeCode: "parenting");
        var v1 = await SubmitVersionAsync(App, a, 1, note: "Please look at section 4.");
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Qa, DemoUsers.Password);

        var noComments = await ReviewAsync(api, v1, "return", comments: " ");
        Assert.Equal(HttpStatusCode.BadRequest, noComments.StatusCode);
        Assert.Contains("Say what must change", await noComments.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await ReviewAsync(api, v1, "return", "The analysis of the father's capacity to change is missing.", score: 2);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (version, request, review) = await App.WithDbAsync(async db => (
            await db.ReportVersions.SingleAsync(v => v.Id == v1),
            await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId),
            await db.QaReviews.Include(q => q.Scores).SingleAsync(q => q.ReportVersionId == v1)));
        Assert.Equal(ReportVersionStatus.Returned, version.Status);
        Assert.Equal(AssessmentRequestStatus.InProgress, request.Status);
        Assert.Null(request.ReleasedAt);
        Assert.Equal(QaDecision.Return, review.Decision);
        Assert.Equal((await CriteriaAsync(App)).Count, review.Scores.Count);
        Assert.All(review.Scores, s => Assert.Equal(2, s.Score));
        Assert.Equal(version.SubmittedAt, review.VersionSubmittedAt);
        Assert.True(review.TurnaroundMinutes >= 0);

        var told = await NotificationsAsync(App, DemoUsers.Isw(7));
        Assert.Contains(told, t => t.Contains("QA returned version 1", StringComparison.Ordinal)
            && t.Contains("The analysis of the father's capacity to change is missing.", StringComparison.Ordinal));

        // The next version goes back into the queue.
        var v2 = await SubmitVersionAsync(App, a, 2);
        using var queue = JsonDocument.Parse(await api.GetStringAsync("/api/v1/qa/queue?pageSize=100"));
        Assert.Contains(queue.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("versionId").GetGuid() == v2);
    }

    [Fact]
    public async Task Version_2_approved_on_the_review_page_is_released_and_the_commissioners_are_told()
    {
        var a = await AssignedAsync(App, 1, "QA-RELEASE-1");
        var v1 = await SubmitVersionAsync(App, a, 1);
        await WorkScenario.ReviewAsync(App, v1, QaDecision.Return, 2);
        var v2 = await SubmitVersionAsync(App, a, 2, note: "Section 4 rewritten.");

        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Qa, DemoUsers.Password);
        var (pageResponse, page) = await client.GetPageAsync($"/qa/versions/{v2}");
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("Section 4 rewritten.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Say more about the child.", page.Body!.TextContent, StringComparison.Ordinal); // version 1's review
        Assert.NotNull(page.QuerySelector($"a[href='/qa/versions/{v2}/file']"));

        var criteria = await CriteriaAsync(App);
        var missingScores = await client.PostFormAsync($"/qa/versions/{v2}", $"/qa/versions/{v2}", [new("Form.Decision", "Approve")]);
        Assert.Equal(HttpStatusCode.OK, missingScores.StatusCode);
        var again = await PageClient.ParseAsync(missingScores);
        Assert.Contains($"Score “{criteria[0].Name}” from 1 to 4.", again.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Approve", again.QuerySelector("input[name='Form.Decision'][checked]")?.GetAttribute("value"));

        var fields = new List<KeyValuePair<string, string>> { new("Form.Decision", "Approve"), new("Form.Comments", "A clear, well-evidenced report.") };
        for (var i = 0; i < criteria.Count; i++)
        {
            fields.Add(new($"Form.Scores[{i}].CriterionId", criteria[i].Id.ToString()));
            fields.Add(new($"Form.Scores[{i}].Score", "4"));
        }

        var response = await client.PostFormAsync($"/qa/versions/{v2}", $"/qa/versions/{v2}", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (version, request) = await App.WithDbAsync(async db => (
            await db.ReportVersions.SingleAsync(v => v.Id == v2), await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId)));
        Assert.Equal(ReportVersionStatus.Approved, version.Status);
        Assert.NotNull(version.ReleasedAt);
        Assert.Equal(AssessmentRequestStatus.Delivered, request.Status);
        Assert.Equal(v2, request.ReleasedReportVersionId);
        Assert.Equal(0, request.WorkingDaysLate);
        Assert.NotNull(request.ReleasedAt);

        var told = await NotificationsAsync(App, DemoUsers.Northshire);
        Assert.Contains(told, t => t.Contains("QA-RELEASE-1", StringComparison.Ordinal) && t.Contains("released", StringComparison.Ordinal));
        var audited = await App.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "qa.report-released" && e.EntityId == a.RequestId.ToString()));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task A_reviewer_cannot_review_their_own_work_on_the_page_or_the_api()
    {
        // Peter Lindqvist (isw8) is a senior ISW and also a QA reviewer.
        var a = await AssignedAsync(App, 8, "QA-OWN-1");
        var v1 = await SubmitVersionAsync(App, a, 1);

        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.SeniorIswAndQa, DemoUsers.Password);
        var (_, queue) = await client.GetPageAsync("/qa");
        var row = queue.QuerySelector($"tr[data-version='{v1}']");
        Assert.NotNull(row);
        Assert.Contains("Your own report", row!.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector($"a[href='/qa/versions/{v1}']"));

        var (pageResponse, page) = await client.GetPageAsync($"/qa/versions/{v1}");
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Contains("You wrote this report", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"form[action='/qa/versions/{v1}']"));

        // Posting anyway (the form from another version's page) is refused.
        var criteria = await CriteriaAsync(App);
        var other = await SubmitVersionAsync(App, await AssignedAsync(App, 3, "QA-OWN-OTHER"), 1);
        var fields = new List<KeyValuePair<string, string>> { new("Form.Decision", "Approve") };
        for (var i = 0; i < criteria.Count; i++)
        {
            fields.Add(new($"Form.Scores[{i}].CriterionId", criteria[i].Id.ToString()));
            fields.Add(new($"Form.Scores[{i}].Score", "4"));
        }

        var posted = await client.PostFormAsync($"/qa/versions/{other}", $"/qa/versions/{v1}", fields);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);

        using var api = await ApiClients.SignedInAsync(App, DemoUsers.SeniorIswAndQa, DemoUsers.Password);
        var response = await ReviewAsync(api, v1, "approve", score: 4);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var (status, reviews) = await App.WithDbAsync(async db => (
            (await db.ReportVersions.SingleAsync(v => v.Id == v1)).Status, await db.QaReviews.CountAsync(q => q.ReportVersionId == v1)));
        Assert.Equal(ReportVersionStatus.InQa, status);
        Assert.Equal(0, reviews);
    }

    [Fact]
    public async Task A_second_reviewer_type_needs_two_approvals_from_different_reviewers()
    {
        // The administrator requires a second reviewer for specialist risk assessments.
        var typeId = await App.WithDbAsync(db => db.AssessmentTypes.Where(t => t.Code == "specialist-risk").Select(t => t.Id).SingleAsync());
        using (var admin = PageClient.For(App))
        {
            await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
            var set = await admin.PostFormAsync($"/admin/assessment-types/{typeId}/qa", $"/admin/assessment-types/{typeId}/qa",
                [new("Form.RequiresSecondReviewer", "true"), new("Form.RequiresSecondReviewer", "false")]);
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        Assert.True(await App.WithDbAsync(db => db.AssessmentTypes.Where(t => t.Id == typeId).Select(t => t.RequiresSecondReviewer).SingleAsync()));

        var a = await AssignedAsync(App, 2, "QA-SECOND-1", typeCode: "specialist-risk");
        var v1 = await SubmitVersionAsync(App, a, 1);
        using var first = await ApiClients.SignedInAsync(App, DemoUsers.Qa, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(first, v1, "approve", score: 3)).StatusCode);

        var afterOne = await App.WithDbAsync(async db => (
            (await db.ReportVersions.SingleAsync(v => v.Id == v1)).Status, (await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId)).Status));
        Assert.Equal((ReportVersionStatus.InQa, AssessmentRequestStatus.InQa), afterOne);

        using var queue = JsonDocument.Parse(await first.GetStringAsync("/api/v1/qa/queue?pageSize=100"));
        var item = queue.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("versionId").GetGuid() == v1);
        Assert.Equal(1, item.GetProperty("approvals").GetInt32());
        Assert.Equal(2, item.GetProperty("approvalsNeeded").GetInt32());

        // The same reviewer cannot give the second approval.
        Assert.Equal(HttpStatusCode.Conflict, (await ReviewAsync(first, v1, "approve", score: 3)).StatusCode);

        using var second = await ApiClients.SignedInAsync(App, DemoUsers.SeniorIswAndQa, DemoUsers.Password);
        var response = await ReviewAsync(second, v1, "approve", score: 4);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(outcome.RootElement.GetProperty("released").GetBoolean());

        var afterTwo = await App.WithDbAsync(async db => (
            (await db.ReportVersions.SingleAsync(v => v.Id == v1)).Status, (await db.AssessmentRequests.SingleAsync(r => r.Id == a.RequestId)).Status,
            await db.QaReviews.CountAsync(q => q.ReportVersionId == v1)));
        Assert.Equal((ReportVersionStatus.Approved, AssessmentRequestStatus.Delivered, 2), afterTwo);
    }

    [Fact]
    public async Task The_api_answers_409_once_the_version_is_decided()
    {
        var a = await AssignedAsync(App, 9, "QA-DECIDED-1");
        var v1 = await SubmitVersionAsync(App, a, 1);
        using var qa = await ApiClients.SignedInAsync(App, DemoUsers.Qa, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(qa, v1, "approve")).StatusCode);

        using var other = await ApiClients.SignedInAsync(App, DemoUsers.SeniorIswAndQa, DemoUsers.Password);
        var late = await ReviewAsync(other, v1, "return", "Too late to change.");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("already been decided", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.QaReviews.CountAsync(q => q.ReportVersionId == v1)));
    }

    [Fact]
    public async Task Two_reviewers_deciding_the_same_version_at_once_make_exactly_one_decision()
    {
        var a = await AssignedAsync(App, 10, "QA-RACE-1", typeCode: "special-guardianship");
        var v1 = await SubmitVersionAsync(App, a, 1);
        using var one = await ApiClients.SignedInAsync(App, DemoUsers.Qa, DemoUsers.Password);
        using var two = await ApiClients.SignedInAsync(App, DemoUsers.SeniorIswAndQa, DemoUsers.Password);

        var responses = await Task.WhenAll(ReviewAsync(one, v1, "approve"), ReviewAsync(two, v1, "return", "Needs more analysis."));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await App.WithDbAsync(db => db.QaReviews.CountAsync(q => q.ReportVersionId == v1)));
    }
}
