using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Panel;

public sealed class SuspendMembersWithLapsedDocumentsTests
{
    private static Task<SweepReport> SweepAsync(IswPanelApp app) => RunAsync<LapsedDocumentsJob>(app, (j, ct) => j.RunAsync(ct));

    private static Task<PanelMemberStatus> StatusOf(IswPanelApp app, string name) =>
        app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == name).Select(p => p.Status).SingleAsync());

    private static async Task<(List<string> Candidates, Dictionary<string, List<string>> Excluded)> ShortlistAsync(IswPanelApp app, Guid request)
    {
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);
        var shortlist = await api.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{request}/shortlist", TestContext.Current.CancellationToken);
        return (
            [.. shortlist.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)],
            shortlist.GetProperty("excluded").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!,
                e => e.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList()));
    }

    [Fact]
    public async Task A_member_is_suspended_the_day_after_a_document_lapses_told_with_the_administrators_and_only_once()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var dbsValidUntil = await app.WithDbAsync(db => (
            from d in db.ComplianceDocuments
            join p in db.IswProfiles on d.IswProfileId equals p.Id
            where p.FullName == "Ruth Mensah" && d.Kind == ComplianceDocumentKind.EnhancedDbs
            select d.ExpiresOn!.Value).SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 21), dbsValidUntil);

        Assert.Equal(0, (await SweepAsync(app)).Found);
        MoveTo(app, dbsValidUntil);
        Assert.Equal(0, (await SweepAsync(app)).Found);
        Assert.Equal(PanelMemberStatus.Active, await StatusOf(app, "Ruth Mensah"));

        MoveTo(app, dbsValidUntil.AddDays(1));
        Assert.Equal(1, (await SweepAsync(app)).Done);
        Assert.Equal(0, (await SweepAsync(app)).Found);
        app.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, (await SweepAsync(app)).Found);

        Assert.Equal(PanelMemberStatus.Suspended, await StatusOf(app, "Ruth Mensah"));
        var history = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().Where(p => p.FullName == "Ruth Mensah").Select(p => p.History).SingleAsync());
        var suspension = Assert.Single(history, h => h.To == PanelMemberStatus.Suspended);
        Assert.Equal("Enhanced DBS check lapsed on 22 December 2026.", suspension.Reason);
        Assert.Null(suspension.ActorUserId);
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(5),
            "You are suspended from matching: your enhanced DBS check lapsed on 22 December 2026."));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Ruth Mensah is suspended from matching: their enhanced DBS check lapsed on 22 December 2026."));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "is suspended from matching"));
    }

    [Fact]
    public async Task Suspension_on_the_expiry_date_removes_the_member_from_shortlists_and_verifying_the_renewed_evidence_restores_them()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app); // PAMS: Amara Okonkwo and Nadia Rahman are eligible
        var amara = await MemberIdAsync(app, "Amara Okonkwo");
        await SetDocumentAsync(app, "Amara Okonkwo", ComplianceDocumentKind.IndemnityInsurance, new DateOnly(2026, 12, 2));

        MoveTo(app, new DateOnly(2026, 12, 2));
        await SweepAsync(app);
        Assert.Equal(PanelMemberStatus.Active, await StatusOf(app, "Amara Okonkwo"));

        MoveTo(app, new DateOnly(2026, 12, 3)); // the day the insurance lapses
        Assert.Equal(1, (await SweepAsync(app)).Done);
        var (candidates, excluded) = await ShortlistAsync(app, request);
        Assert.Equal(["Nadia Rahman"], candidates);
        Assert.Contains(excluded["Amara Okonkwo"], r => r.StartsWith("Not active", StringComparison.Ordinal));

        // Amara sends her renewed policy; an administrator checks it on the vetting page.
        await app.WithDbAsync(async db =>
        {
            var member = await db.IswProfiles.Include(p => p.Documents).SingleAsync(p => p.Id == amara);
            member.ProvideEvidence(ComplianceDocumentKind.IndemnityInsurance, "PI-001-2027", new DateOnly(2026, 12, 3), new DateOnly(2027, 12, 2),
                false, null, app.Clock.GetUtcNow().UtcDateTime, member.UserId);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(PanelMemberStatus.Suspended, await StatusOf(app, "Amara Okonkwo"));
        using (var admin = PageClient.For(app))
        {
            await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
            await admin.PostFormAsync($"/admin/panel/{amara}", $"/admin/panel/{amara}/verify/{ComplianceDocumentKind.IndemnityInsurance}", []);
        }

        Assert.Equal(PanelMemberStatus.Active, await StatusOf(app, "Amara Okonkwo"));
        Assert.Equal(["Amara Okonkwo", "Nadia Rahman"], (await ShortlistAsync(app, request)).Candidates.Order());
        Assert.Equal(0, (await SweepAsync(app)).Found);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await SweepAsync(app)).Found);
        Assert.Equal(PanelMemberStatus.Active, await StatusOf(app, "Amara Okonkwo"));
    }

    [Fact]
    public async Task A_member_reinstated_by_an_administrator_is_not_suspended_again_for_the_same_lapse()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        await SetDocumentAsync(app, "Chloe Bennett", ComplianceDocumentKind.IndemnityInsurance, new DateOnly(2026, 12, 1));
        MoveTo(app, new DateOnly(2026, 12, 2));
        Assert.Equal(1, (await SweepAsync(app)).Done);

        await app.WithDbAsync(async db =>
        {
            var member = await db.IswProfiles.SingleAsync(p => p.FullName == "Chloe Bennett");
            var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
            member.Reinstate("Broker confirmed cover continues; certificate to follow.", app.Clock.GetUtcNow().UtcDateTime, admin);
            return await db.SaveChangesAsync();
        });
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = await scope.ServiceProvider.GetRequiredService<LapsedDocumentsJob>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0), (sweep.Found, sweep.Done));
        Assert.Equal(PanelMemberStatus.Active, await StatusOf(app, "Chloe Bennett"));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Chloe Bennett is suspended from matching"));
    }
}
