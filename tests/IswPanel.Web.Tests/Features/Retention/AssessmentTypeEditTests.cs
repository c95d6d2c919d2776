using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Retention;

/// <summary>An administrator changes an assessment type: length, hours, milestone plan and retention.</summary>
public sealed class AssessmentTypeEditTests
{
    private static Dictionary<string, string> Form(string allocate = "50", string firstVisit = "45", string draft = "10", string qa = "4",
        string release = "2", string years = "30") => new()
    {
        ["Name"] = "Viability assessment (revised)",
        ["TypicalWeeks"] = "10",
        ["TypicalHoursLow"] = "20",
        ["TypicalHoursHigh"] = "30",
        ["AllocateBefore"] = allocate,
        ["FirstVisitBefore"] = firstVisit,
        ["DraftToQaBefore"] = draft,
        ["QaCompleteBefore"] = qa,
        ["ReleaseBefore"] = release,
        ["RetentionYears"] = years,
    };

    [Fact]
    public async Task An_administrator_changes_the_length_milestones_and_retention_of_a_type_and_the_change_is_audited()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var id = await app.WithDbAsync(db => db.AssessmentTypes.Where(t => t.Code == "viability").Select(t => t.Id).SingleAsync());
        var (_, list) = await admin.GetPageAsync("/admin/assessment-types");
        Assert.NotNull(list.QuerySelector($"a[href='/admin/assessment-types/{id}/edit']"));

        var response = await admin.PostFormAsync($"/admin/assessment-types/{id}/edit", $"/admin/assessment-types/{id}/edit", Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.AssessmentTypes.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal("Viability assessment (revised)", saved.Name);
        Assert.Equal(10, saved.TypicalWeeks);
        Assert.Equal((20, 30), (saved.TypicalHoursLow, saved.TypicalHoursHigh));
        Assert.Equal([50, 45, 10, 4, 2], saved.MilestoneOffsets.InOrder());
        Assert.Equal(30, saved.RetentionYears);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.AssessmentTypeUpdated && e.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Offsets_out_of_order_are_explained_and_every_answer_is_kept_and_nothing_changes()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var before = await app.WithDbAsync(db => db.AssessmentTypes.AsNoTracking().SingleAsync(t => t.Code == "viability"));

        var response = await admin.PostFormAsync($"/admin/assessment-types/{before.Id}/edit", $"/admin/assessment-types/{before.Id}/edit",
            Form(firstVisit: "55", qa: "12", years: "0"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";
        Assert.Contains("\"First visit by\" must be fewer working days before the deadline than \"Allocate by\" (50).", summary, StringComparison.Ordinal);
        Assert.Contains("\"QA complete by\" must be fewer working days before the deadline than \"Draft to QA by\" (10).", summary, StringComparison.Ordinal);
        Assert.Contains("Retention must be between 1 and 150 years.", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#FirstVisitBefore-error"));
        Assert.Equal("55", page.QuerySelector("input[name='FirstVisitBefore']")?.GetAttribute("value"));
        Assert.Equal("12", page.QuerySelector("input[name='QaCompleteBefore']")?.GetAttribute("value"));
        Assert.Equal("Viability assessment (revised)", page.QuerySelector("input[name='Name']")?.GetAttribute("value"));
        Assert.Equal("0", page.QuerySelector("input[name='RetentionYears']")?.GetAttribute("value"));

        var after = await app.WithDbAsync(db => db.AssessmentTypes.AsNoTracking().SingleAsync(t => t.Id == before.Id));
        Assert.Equal(before.MilestoneOffsets.InOrder(), after.MilestoneOffsets.InOrder());
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.RetentionYears, after.RetentionYears);
    }

    [Fact]
    public async Task Only_panel_administrators_may_edit_an_assessment_type()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var id = await app.WithDbAsync(db => db.AssessmentTypes.Select(t => t.Id).FirstAsync());
        using var commissioner = PageClient.For(app);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, response, _) = await commissioner.FollowAsync(await commissioner.Http.GetAsync($"/admin/assessment-types/{id}/edit", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
