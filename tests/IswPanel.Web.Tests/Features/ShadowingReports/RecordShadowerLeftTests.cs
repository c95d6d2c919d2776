using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.ShadowingReports.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.ShadowingReports;

public sealed class RecordShadowerLeftTests
{
    private static Dictionary<string, string> LastDay(string day, string month, string year) => new()
    {
        ["Leaving.LeftOn.Day"] = day,
        ["Leaving.LeftOn.Month"] = month,
        ["Leaving.LeftOn.Year"] = year,
    };

    [Fact]
    public async Task A_commissioner_records_a_shadowers_last_day_and_a_bad_date_keeps_the_answers()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        await ClearAsync(app);
        var shadower = await ShadowerAsync(app, Northshire, "Dee Rowe", "dee.rowe@northshire.gov.uk", ShadowerRole.Asye, null,
            staffSince: new DateOnly(2026, 3, 1));
        var summary = $"/shadowing/shadowers/{shadower}/summary";
        using var commissioner = await SignedInAsync(app, DemoUsers.Northshire);

        var notADate = await PageClient.ParseAsync(await commissioner.PostFormAsync(summary, $"/shadowing/shadowers/{shadower}/left", LastDay("31", "2", "2026")));
        var beforeRecorded = await PageClient.ParseAsync(await commissioner.PostFormAsync(summary, $"/shadowing/shadowers/{shadower}/left", LastDay("28", "2", "2026")));
        var future = await PageClient.ParseAsync(await commissioner.PostFormAsync(summary, $"/shadowing/shadowers/{shadower}/left", LastDay("2", "12", "2026")));

        Assert.Equal(["Enter their last day as a real date, like 27 3 2026."], Errors(notADate));
        Assert.Equal("31", notADate.QuerySelector("#Leaving_LeftOn")?.GetAttribute("value"));
        Assert.Equal("2", notADate.QuerySelector("#Leaving_LeftOn_Month")?.GetAttribute("value"));
        Assert.Equal("#Leaving_LeftOn", notADate.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal(["The last day must be on or after 1 March 2026, when they were recorded."], Errors(beforeRecorded));
        Assert.Equal("28", beforeRecorded.QuerySelector("#Leaving_LeftOn")?.GetAttribute("value"));
        Assert.Equal(["Their last day must be today or in the past."], Errors(future));
        Assert.Null(await app.WithDbAsync(db => db.Shadowers.Where(s => s.Id == shadower).Select(s => s.LeftOn).SingleAsync()));

        var recorded = await commissioner.PostFormAsync(summary, $"/shadowing/shadowers/{shadower}/left", LastDay("30", "9", "2026"));
        var (path, _, page) = await commissioner.FollowAsync(recorded);

        Assert.Equal(summary, path);
        Assert.Contains("Dee Rowe's last day, 30 September 2026, is recorded.", page.QuerySelector(".govuk-notification-banner")?.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 30), await app.WithDbAsync(db => db.Shadowers.Where(s => s.Id == shadower).Select(s => s.LeftOn).SingleAsync()));
        Assert.Equal(1, await AuditCountAsync(app, AuditActions.ShadowerLeft, shadower));
        Assert.Equal("30", page.QuerySelector("#Leaving_LeftOn")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Only_a_commissioner_of_the_shadowers_authority_may_record_it()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        await ClearAsync(app);
        var shadower = await ShadowerAsync(app, Northshire, "Dee Rowe", "dee.rowe@northshire.gov.uk", ShadowerRole.Asye, null);
        var summary = $"/shadowing/shadowers/{shadower}/summary";
        using var self = await SignedInAsync(app, "dee.rowe@northshire.gov.uk");
        using var other = await SignedInAsync(app, DemoUsers.Southborough);
        using var admin = await SignedInAsync(app, DemoUsers.Admin);

        // The shadower's own page has no leaving form; posting with the page's token is still refused.
        var (_, own) = await self.GetPageAsync(summary);
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var bySelf = token is null ? null : await self.Http.PostAsync($"/shadowing/shadowers/{shadower}/left",
            new FormUrlEncodedContent(LastDay("1", "10", "2026").Append(new("__RequestVerificationToken", token))));
        var byOther = await other.PostFormAsync("/shadowing/hours", $"/shadowing/shadowers/{shadower}/left", LastDay("1", "10", "2026"));
        var (_, adminPage) = await admin.GetPageAsync(summary);

        Assert.Null(own.QuerySelector("form[action$='/left']"));
        if (bySelf is not null) Assert.Equal(HttpStatusCode.Forbidden, (await self.FollowAsync(bySelf)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Null(adminPage.QuerySelector("form[action$='/left']"));
        Assert.Null(await app.WithDbAsync(db => db.Shadowers.Where(s => s.Id == shadower).Select(s => s.LeftOn).SingleAsync()));
    }
}
