using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.MyEvidence;

/// <summary>When administrators ask for more information, the applicant sees the request and answers it.</summary>
public sealed class AnswerInformationRequestTests
{
    private const string Request = "Please upload a DBS certificate issued in the last three years.";

    private static async Task AskForMoreInformationAsync(IswPanelApp app, int isw) =>
        await app.WithDbAsync(async db =>
        {
            var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
            var profile = await db.IswProfiles.SingleAsync(p => p.Email == DemoUsers.Isw(isw));
            profile.RequestMoreInformation(Request, app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), admin);
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_applicant_sees_the_request_and_their_answer_sends_the_application_back_to_review()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        await AskForMoreInformationAsync(app, 4);
        using var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Isw(4), DemoUsers.Password);

        var (_, page) = await client.GetPageAsync("/my-evidence");
        Assert.Contains(Request, page.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);

        var empty = await client.PostFormAsync("/my-evidence", "/my-evidence/respond",
            new Dictionary<string, string> { ["Answer.Response"] = "", ["Answer.UploadedIt"] = "false" });
        var errorPage = await PageClient.ParseAsync(empty);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter your response", errorPage.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);

        var response = await client.PostFormAsync("/my-evidence", "/my-evidence/respond",
            new Dictionary<string, string> { ["Answer.Response"] = "Done: my renewed certificate is uploaded.", ["Answer.UploadedIt"] = "true" });
        var (path, _, after) = await client.FollowAsync(response);

        Assert.Equal("/my-evidence", path);
        Assert.Contains("We have sent your response", after.QuerySelector(".govuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Request, after.Body?.TextContent, StringComparison.Ordinal);
        var profile = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().SingleAsync(p => p.Email == DemoUsers.Isw(4)));
        Assert.Equal(PanelMemberStatus.UnderReview, profile.Status);
        Assert.Null(profile.InformationRequested);
        Assert.Equal("More information provided: Done: my renewed certificate is uploaded. (I have uploaded it.)", profile.History.OrderBy(h => h.At).Last().Reason);
    }
}
