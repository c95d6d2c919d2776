using IswPanel.Data;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Features.Panel.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Panel;

public sealed class SuspendMembersWithLapsedDocumentsTests
{
    private static async Task<int> SweepAsync(IswPanelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SuspendMembersWithLapsedDocuments.Command());
        return result.Value;
    }

    private static Task<PanelMemberStatus> StatusOf(IswPanelApp app, string name) =>
        app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == name).Select(p => p.Status).SingleAsync());

    [Fact]
    public async Task A_member_is_suspended_the_day_after_a_document_lapses_and_only_once()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var dbsValidUntil = await app.WithDbAsync(db => (
            from d in db.ComplianceDocuments
            join p in db.IswProfiles on d.IswProfileId equals p.Id
            where p.FullName == "Ruth Mensah" && d.Kind == ComplianceDocumentKind.EnhancedDbs
            select d.ExpiresOn!.Value).SingleAsync());

        Assert.Equal(0, await SweepAsync(app));
        app.Clock.SetUtcNow(new DateTimeOffset(dbsValidUntil.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Assert.Equal(0, await SweepAsync(app));
        Assert.Equal(PanelMemberStatus.Active, await StatusOf(app, "Ruth Mensah"));

        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await SweepAsync(app));
        Assert.Equal(PanelMemberStatus.Suspended, await StatusOf(app, "Ruth Mensah"));
        Assert.Equal(0, await SweepAsync(app));
    }
}
