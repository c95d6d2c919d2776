using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

public sealed class RegistrationsToReverifyTests
{
    private static Task<SweepReport> SweepAsync(IswPanelApp app) => RunAsync<RegistrationsToReverify.Job>(app, (j, ct) => j.RunAsync(ct));

    private static readonly string[] Active =
    [
        "Amara Okonkwo", "Chloe Bennett", "David Whitfield", "Imran Chaudhry", "Margaret Hughes", "Nadia Rahman", "Olu Adeyemi",
        "Peter Lindqvist", "Ruth Mensah", "Sofia Kowalska",
    ];

    private static async Task<(HttpStatusCode Status, IReadOnlyList<string> Names, IReadOnlyList<string> Links)> PageAsync(PageClient admin)
    {
        var (response, page) = await admin.GetPageAsync(RegistrationsToReverify.PagePath);
        var links = page.QuerySelectorAll("tbody a.govuk-link").ToList();
        return (response.StatusCode, [.. links.Select(a => a.TextContent.Trim())], [.. links.Select(a => a.GetAttribute("href")!)]);
    }

    [Fact]
    public async Task After_1_December_the_administrators_get_one_task_a_year_listing_every_active_member_not_verified_since()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        const string task = "Social Work England's registration year began on";

        // 1 December 2026: the demo members were verified this morning. Nothing to do.
        Assert.Equal(0, (await SweepAsync(app)).Done);
        Assert.Empty((await PageAsync(admin)).Names);

        MoveTo(app, new DateOnly(2027, 11, 30));
        Assert.Equal(0, (await SweepAsync(app)).Done);

        MoveTo(app, new DateOnly(2027, 12, 1));
        Assert.Equal(1, (await SweepAsync(app)).Done);
        MoveTo(app, new DateOnly(2027, 12, 2));
        Assert.Equal(0, (await SweepAsync(app)).Done);

        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, task));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin,
            $"{task} 1 December 2027. Re-verify the registration of 10 members: {string.Join(", ", Active)}."));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Northshire, task));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Isw(1), task));

        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var page = await PageAsync(admin);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Active, page.Names);
        var amara = await MemberIdAsync(app, "Amara Okonkwo");
        Assert.Equal($"/admin/panel/{amara}", page.Links[0]);

        // Verifying one takes them off the list.
        await admin.PostFormAsync($"/admin/panel/{amara}", $"/admin/panel/{amara}/verify/{ComplianceDocumentKind.SocialWorkEnglandRegistration}", []);
        Assert.Equal(Active[1..], (await PageAsync(admin)).Names);

        // The next registration year brings the next task.
        MoveTo(app, new DateOnly(2028, 12, 1));
        Assert.Equal(1, (await SweepAsync(app)).Done);
        Assert.Equal(2, await MessagesAsync(app, DemoUsers.Admin, task));
    }

    [Fact]
    public async Task The_registrations_page_is_for_panel_administrators_only()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        var (_, response, _) = await isw.FollowAsync(await isw.Http.GetAsync(RegistrationsToReverify.PagePath, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
