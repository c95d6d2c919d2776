using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Features.Insight;
using IswPanel.Web.Features.Insight.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>The panel dashboard lists the first rows of its long tables and counts the rest.</summary>
public sealed class AdminDashboardListsTests
{
    [Fact]
    public async Task The_page_lists_the_20_documents_expiring_soonest_counts_the_rest_and_links_to_the_panel_list()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var today = app.Services.GetRequiredService<IClock>().Today;
        var expiring = await app.WithDbAsync(async db =>
        {
            var panel = db.IswProfiles.Where(p => p.Status == PanelMemberStatus.Active || p.Status == PanelMemberStatus.Suspended).Select(p => p.Id);
            return await db.ComplianceDocuments.Where(d => panel.Contains(d.IswProfileId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ExpiresOn, today.AddDays(10)));
        });
        Assert.True(expiring > AdminDashboard.ListedRows, $"the demo panel has only {expiring} documents");

        var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var (response, page) = await admin.GetPageAsync("/admin/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AdminDashboard.ListedRows, page.QuerySelectorAll("#expiring-documents tbody tr").Length);
        var more = page.QuerySelector("#expiring-documents-more")!;
        Assert.Contains($"the {AdminDashboard.ListedRows} soonest of {expiring} documents", more.TextContent, StringComparison.Ordinal);
        Assert.Equal("/admin/panel?ExpiringWithinDays=30&Sort=NextExpiry", more.QuerySelector("a")!.GetAttribute("href"));
        var (listResponse, list) = await admin.GetPageAsync("/admin/panel?ExpiringWithinDays=30&Sort=NextExpiry");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Null(list.QuerySelector(".govuk-error-summary"));
    }

    [Fact]
    public void At_most_20_members_near_capacity_are_listed_in_the_figures_order_fewest_places_free_first()
    {
        var loads = Enumerable.Range(1, 25).Select(i => new PanelFigures.MemberLoad(Guid.NewGuid(), $"Member {i:00}", 2, 2)).ToList();
        var page = new AdminDashboard.Page(null!, DateTime.UtcNow, null, [], null!, null!,
            new PanelFigures.Utilisation(25, 50, 50, loads, []), [], new PanelFigures.Expiring(default, default, []), null!, null!);

        Assert.Equal(loads.Take(AdminDashboard.ListedRows), page.NearCapacityListed);
        Assert.Empty(page.ExpiringListed);
    }
}
