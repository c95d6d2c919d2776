using System.Net;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Admin;

public sealed class SaveAuthorityTests
{
    private static Dictionary<string, string> Form(string name, string ons, string day = "12", string month = "5", string year = "2025",
        string shadowers = "2") => new()
    {
        ["Name"] = name,
        ["OnsCode"] = ons,
        ["Region"] = "EastMidlands",
        ["OfstedGrade"] = "Good",
        ["InspectedOn.Day"] = day,
        ["InspectedOn.Month"] = month,
        ["InspectedOn.Year"] = year,
        ["NonSolicitationMonths"] = "18",
        ["WaiversAllowed"] = "true",
        ["CommissionerApprovesIsw"] = "false",
        ["MaxShadowersPerSession"] = shadowers,
    };

    [Fact]
    public async Task An_administrator_adds_an_authority_with_its_contract_terms()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var response = await admin.PostFormAsync("/admin/authorities/new", "/admin/authorities/save", Form("Eastvale Borough Council", "e07000999"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Authorities.SingleAsync(a => a.OnsCode == "E07000999"));
        Assert.Equal("Eastvale Borough Council", saved.Name);
        Assert.Equal(18, saved.Contract.NonSolicitationMonths);
        Assert.True(saved.Contract.WaiversAllowed);
        Assert.Equal(2, saved.Contract.MaxShadowersPerSession);
        Assert.Equal(new DateOnly(2025, 5, 12), saved.OfstedInspectionDate);
    }

    [Fact]
    public async Task The_change_form_shows_the_shadowers_per_session_and_saves_a_new_number()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        var northshire = await app.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Name == "Northshire County Council"));

        var (_, form) = await admin.GetPageAsync($"/admin/authorities/{northshire.Id}/edit");
        var fields = Form("Northshire County Council", northshire.OnsCode, shadowers: "3").Append(new("Id", northshire.Id.ToString()));
        var response = await admin.PostFormAsync($"/admin/authorities/{northshire.Id}/edit", "/admin/authorities/save", fields);

        Assert.Equal("1", form.QuerySelector("#MaxShadowersPerSession")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, (await app.WithDbAsync(db => db.Authorities.SingleAsync(a => a.Id == northshire.Id))).Contract.MaxShadowersPerSession);
    }

    [Theory]
    [InlineData("0", "Shadowers per session must be between 1 and 5.")]
    [InlineData("6", "Shadowers per session must be between 1 and 5.")]
    [InlineData("", "Enter how many shadowers may join one session.")]
    [InlineData("two", "Enter a valid value.")]
    public async Task Shadowers_per_session_outside_1_to_5_is_refused_and_kept(string shadowers, string message)
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var response = await admin.PostFormAsync("/admin/authorities/new", "/admin/authorities/save",
            Form("Eastvale Borough Council", "E07000999", shadowers: shadowers));

        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelectorAll(".govuk-error-summary__list a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Equal(message, summary["#MaxShadowersPerSession"]);
        Assert.Equal(shadowers, page.QuerySelector("#MaxShadowersPerSession")?.GetAttribute("value") ?? "");
        Assert.Equal("Eastvale Borough Council", page.QuerySelector("#Name")?.GetAttribute("value"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Authorities.CountAsync()));
    }

    [Fact]
    public async Task Ticked_and_unticked_boxes_save_as_a_browser_posts_them()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);
        // What a browser sends: a ticked box's "true" and then its hidden "false"; an unticked box only the hidden "false".
        var fields = Form("Westmoor District Council", "E07000997").Where(f => f.Key is not ("WaiversAllowed" or "CommissionerApprovesIsw"))
            .Append(new("WaiversAllowed", "true")).Append(new("WaiversAllowed", "false"))
            .Append(new("CommissionerApprovesIsw", "false"));

        await admin.PostFormAsync("/admin/authorities/new", "/admin/authorities/save", fields);

        var saved = await app.WithDbAsync(db => db.Authorities.SingleAsync(a => a.OnsCode == "E07000997"));
        Assert.True(saved.Contract.WaiversAllowed);
        Assert.False(saved.Contract.CommissionerApprovesIsw);
    }

    [Fact]
    public async Task Bad_answers_are_explained_and_every_answer_is_kept()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var response = await admin.PostFormAsync("/admin/authorities/new", "/admin/authorities/save",
            Form("Northshire County Council", "X123", day: "31", month: "2"));

        var page = await PageClient.ParseAsync(response);
        var summary = page.QuerySelectorAll(".govuk-error-summary__list a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Equal("Enter an ONS code like E08000025: the letter E and 8 digits.", summary["#OnsCode"]);
        Assert.Equal("Enter the date of the inspection as a real date, like 27 3 2024.", summary["#InspectedOn"]);
        Assert.Equal("X123", page.QuerySelector("#OnsCode")?.GetAttribute("value"));
        Assert.Equal("31", page.QuerySelector("#InspectedOn")?.GetAttribute("value"));
        Assert.Equal("18", page.QuerySelector("#NonSolicitationMonths")?.GetAttribute("value"));
        Assert.Equal("2", page.QuerySelector("#MaxShadowersPerSession")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#WaiversAllowed[checked]"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Authorities.CountAsync()));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var response = await admin.PostFormAsync("/admin/authorities/new", "/admin/authorities/save", Form("Northshire County Council", "E07000998"));

        var page = await PageClient.ParseAsync(response);
        Assert.Contains("Another authority already has this name.", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commissioner_cannot_reach_the_administration_pages()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var commissioner = PageClient.For(app);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var (_, response, _) = await commissioner.FollowAsync(await commissioner.Http.GetAsync("/admin/authorities"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
