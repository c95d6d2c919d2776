using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Panel;

public sealed class WaiverTests
{
    private static Dictionary<string, string> Waiver() => new()
    {
        ["Form.GrantedBy"] = "Dana Wells, Director of Children's Services",
        ["Form.GrantedOn.Day"] = "25", ["Form.GrantedOn.Month"] = "11", ["Form.GrantedOn.Year"] = "2026",
        ["Form.DocumentReference"] = "SB-HR-2026-117",
    };

    [Fact]
    public async Task A_waiver_where_the_contract_allows_it_lifts_the_approval_block_and_is_audited()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var (james, southborough) = await app.WithDbAsync(async db =>
        {
            var authority = await db.Authorities.SingleAsync(a => a.Name == "Southborough City Council");
            var profile = await db.IswProfiles.Include(p => p.EmploymentHistory).SingleAsync(p => p.FullName == "James Allen");
            profile.AddEmployment(authority.Id, authority.Name, "Social worker", EmploymentKind.Permanent, new DateOnly(2023, 1, 9), new DateOnly(2026, 10, 2));
            await db.SaveChangesAsync();
            return (profile.Id, authority.Id);
        });
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (_, before) = await admin.GetPageAsync($"/admin/panel/{james}");
        Assert.Contains("Record a waiver", before.Body!.TextContent, StringComparison.Ordinal);

        var recorded = await admin.PostMultipartAsync($"/admin/panel/{james}/waiver/{southborough}", $"/admin/panel/{james}/waiver/{southborough}",
            Waiver(), ("Form.Letter", "waiver.pdf", PageClient.TinyPdf()));
        var (_, _, after) = await admin.FollowAsync(recorded);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("Waived in writing", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("granted by Dana Wells, Director of Children's Services on 25 Nov 2026 (reference SB-HR-2026-117)", after.Body!.TextContent, StringComparison.Ordinal);
        var letter = after.QuerySelectorAll("a").Single(a => a.TextContent == "Download the letter").GetAttribute("href");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(letter)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "panel.waiver-recorded" && e.EntityId == james.ToString())));
    }

    [Fact]
    public async Task No_waiver_can_be_recorded_where_the_contract_does_not_allow_it()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var (gareth, northshire) = await app.WithDbAsync(async db =>
            ((await db.IswProfiles.SingleAsync(p => p.FullName == "Gareth Price")).Id, (await db.Authorities.SingleAsync(a => a.Name == "Northshire County Council")).Id));
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (_, form) = await admin.GetPageAsync($"/admin/panel/{gareth}/waiver/{northshire}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in Waiver()) body.Add(new StringContent(value), name);
        body.Add(new ByteArrayContent(PageClient.TinyPdf()), "Form.Letter", "waiver.pdf");
        var refused = await PageClient.ParseAsync(await admin.Http.PostAsync($"/admin/panel/{gareth}/waiver/{northshire}", body));

        Assert.Contains("does not allow waivers", form.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Northshire County Council's contract does not allow non-solicitation waivers.",
            refused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Waivers.CountAsync()));
    }
}
