using System.Net;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Qa.WorkScenario;

namespace IswPanel.Web.Tests.Features.Qa;

/// <summary>The commissioner receiving a released report: the QA summary, hours, and the feedback that closes the request.</summary>
public sealed class FeedbackTests(QaApp fixture) : IClassFixture<QaApp>
{
    private IswPanelApp App => fixture.App;

    private static KeyValuePair<string, string>[] Ratings(string quality = "4") =>
        [new("Feedback.Quality", quality), new("Feedback.Timeliness", "5"), new("Feedback.Communication", "3"), new("Feedback.Comment", "Thorough and clear.")];

    [Fact]
    public async Task Nothing_shows_before_release_then_feedback_closes_the_request_and_starts_retention_once_only()
    {
        var a = await AssignedAsync(App, 1, "QA-FEEDBACK-1", budgetHours: 2);
        await LogAsync(App, a, new DateOnly(2026, 11, 20), 90, 15, 12m);
        await LogAsync(App, a, new DateOnly(2026, 11, 24), 60, 0, 0m); // over the budget, not approved: does not count
        var v1 = await SubmitVersionAsync(App, a, 1);

        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);
        var (_, before) = await client.GetPageAsync($"/requests/{a.RequestId}");
        Assert.Null(before.QuerySelector("#delivery-heading"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/requests/{a.RequestId}", $"/requests/{a.RequestId}/feedback", Ratings())).StatusCode);

        await ReviewAsync(App, v1, QaDecision.Approve, 3);
        var (_, page) = await client.GetPageAsync($"/requests/{a.RequestId}");
        var section = page.QuerySelector(".app-delivery")?.TextContent ?? "";
        Assert.Contains("On time", section, StringComparison.Ordinal);
        Assert.Contains("3.0 out of 4", section, StringComparison.Ordinal);
        Assert.Contains("1.75 hours of a 2 hour budget", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Say more about the child", section, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/requests/{a.RequestId}/feedback']"));

        var missing = await client.PostFormAsync($"/requests/{a.RequestId}", $"/requests/{a.RequestId}/feedback", [new("Feedback.Quality", "4")]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var again = await PageClient.ParseAsync(missing);
        Assert.Contains("Rate the timeliness from 1 to 5.", again.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", again.QuerySelector("input[name='Feedback.Quality'][checked]")?.GetAttribute("value"));

        var response = await client.PostFormAsync($"/requests/{a.RequestId}", $"/requests/{a.RequestId}/feedback", Ratings());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (request, feedback, retention) = await App.WithDbAsync(async db =>
        {
            var r = await db.AssessmentRequests.SingleAsync(x => x.Id == a.RequestId);
            var years = await db.AssessmentTypes.Where(t => t.Id == r.AssessmentTypeId).Select(t => t.RetentionYears).SingleAsync();
            return (r, await db.AssessmentFeedback.SingleAsync(f => f.AssessmentRequestId == a.RequestId), years);
        });
        Assert.Equal(AssessmentRequestStatus.Closed, request.Status);
        Assert.NotNull(request.ClosedAt);
        Assert.Equal(new DateOnly(2026, 12, 1).AddYears(retention), request.RetainUntil);
        Assert.Equal((4, 5, 3, a.IswId), (feedback.QualityRating, feedback.TimelinessRating, feedback.CommunicationRating, feedback.IswProfileId));
        Assert.Equal("Thorough and clear.", feedback.Comment);

        var twice = await client.PostFormAsync($"/requests/{a.RequestId}", $"/requests/{a.RequestId}/feedback", Ratings("1"));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("already given feedback", (await PageClient.ParseAsync(twice)).QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, await App.WithDbAsync(db => db.AssessmentFeedback.Where(f => f.AssessmentRequestId == a.RequestId).Select(f => f.QualityRating).SingleAsync()));
    }

    [Fact]
    public async Task Feedback_from_another_authority_is_not_found()
    {
        var a = await AssignedAsync(App, 3, "QA-FEEDBACK-2");
        await ReviewAsync(App, await SubmitVersionAsync(App, a, 1), QaDecision.Approve, 4);

        using var client = PageClient.For(App);
        await client.SignInAsync(DemoUsers.Southborough, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync($"/requests/{a.RequestId}")).Response.StatusCode);
        var response = await client.PostFormAsync("/requests", $"/requests/{a.RequestId}/feedback", Ratings());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AssessmentRequestStatus.Delivered, await App.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == a.RequestId).Select(r => r.Status).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.AssessmentFeedback.AnyAsync(f => f.AssessmentRequestId == a.RequestId)));
    }
}
