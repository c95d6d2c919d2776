using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Work;
using IswPanel.Testing;
using IswPanel.Web.Features.Measures;
using IswPanel.Web.Tests.Features.Qa;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Qa.WorkScenario;

namespace IswPanel.Web.Tests.Features.Measures;

/// <summary>
/// Measures from a known history. Chloe Bennett (isw9) and Sofia Kowalska (isw3) have no delivered work in the demo
/// data; both offer viability assessments in the South East, so both are candidates for a Southborough viability request.
/// </summary>
public sealed class MeasuresTests
{
    private const int Chloe = 9;
    private const int Sofia = 3;

    private static Task<Dictionary<Guid, IswMeasures>> MeasuresAsync(IswPanelApp app, Guid? authorityId = null) =>
        app.WithDbAsync(async db => await IswMeasures.ForAsync(db, await db.IswProfiles.Select(p => p.Id).ToListAsync(), authorityId, CancellationToken.None));

    [Fact]
    public async Task Measures_are_computed_from_a_known_history()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var chloe = await MatchingIdAsync(app, Chloe);
        var baseline = (await MeasuresAsync(app))[chloe];
        Assert.Equal((0, null, null), (baseline.Completed, baseline.MeanQaScore, baseline.MeanAuthorityRating));

        // 1: first pass, on time, all 4s, rated 5/5/5 by Southborough.
        var one = await DeliveredAsync(app, Chloe, "MEAS-1", firstPass: true, workingDaysLate: 0, score: 4, authority: Southborough);
        await RateAsync(app, one, 5, 5, 5);
        // 2: returned (all 2s), version 2 approved (all 2s), 2 working days late, rated 4/3/2 by Northshire.
        var two = await DeliveredAsync(app, Chloe, "MEAS-2", firstPass: false, workingDaysLate: 2, score: 2);
        await RateAsync(app, two, 4, 3, 2);
        // 3: first pass, on time, all 3s, not rated.
        await DeliveredAsync(app, Chloe, "MEAS-3", firstPass: true, workingDaysLate: 0, score: 3);
        // Work in progress is not completed.
        await SubmitVersionAsync(app, await AssignedAsync(app, Chloe, "MEAS-4"), 1);

        var southborough = await app.WithDbAsync(db => db.Authorities.Where(a => a.Name == Southborough).Select(a => a.Id).SingleAsync());
        var m = (await MeasuresAsync(app, southborough))[chloe];
        Assert.Equal(3, m.Completed);
        Assert.Equal(2, m.FirstPass);
        Assert.Equal(2.0 / 3, m.FirstPassRate!.Value, 6);
        Assert.Equal(2, m.OnTime);
        Assert.Equal(2.0 / 3, m.OnTimeRate!.Value, 6);
        Assert.Equal((4 + 2 + 2 + 3) / 4.0, m.MeanQaScore!.Value, 6); // four reviews, every criterion scored alike
        Assert.Equal((15 + 9) / 6.0, m.MeanAuthorityRating!.Value, 6);
        Assert.Equal(2, m.Ratings);
        Assert.Equal(5.0, m.MeanRatingByAuthority!.Value, 6);

        // Chloe sees the same figures and every review of her work, comments included.
        using var client = PageClient.For(app);
        await client.SignInAsync(DemoUsers.Isw(Chloe), DemoUsers.Password);
        var (_, myWork) = await client.GetPageAsync("/my-work");
        Assert.NotNull(myWork.QuerySelector("a[href='/my-measures']"));
        var (response, page) = await client.GetPageAsync("/my-measures");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains("67% (2 of 3)", text, StringComparison.Ordinal);
        Assert.Contains("2.8 out of 4", text, StringComparison.Ordinal);
        Assert.Contains("4.0 out of 5 (2 ratings)", text, StringComparison.Ordinal);
        Assert.Contains("Say more about the child.", text, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("h3").Count(h => h.TextContent.Contains("MEAS-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_shortlist_order_changes_when_the_measures_change()
    {
        Assert.Equal(["Chloe Bennett", "Sofia Kowalska"], await OrderWithBetterHistoryForAsync(Chloe));
        Assert.Equal(["Sofia Kowalska", "Chloe Bennett"], await OrderWithBetterHistoryForAsync(Sofia));
    }

    /// <summary>Gives one of the two a strong record and the other a weak one, then reads the same request's shortlist.</summary>
    private static async Task<List<string>> OrderWithBetterHistoryForAsync(int better)
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var worse = better == Chloe ? Sofia : Chloe;
        for (var i = 0; i < 2; i++)
        {
            var good = await DeliveredAsync(app, better, $"HIST-GOOD-{i}", firstPass: true, workingDaysLate: 0, score: 4, authority: Southborough);
            await RateAsync(app, good, 5, 5, 5);
            var poor = await DeliveredAsync(app, worse, $"HIST-POOR-{i}", firstPass: false, workingDaysLate: 6, score: 1, authority: Southborough);
            await RateAsync(app, poor, 1, 1, 2);
        }

        var request = await Matching.MatchingScenario.SubmittedRequestAsync(app, "viability", Southborough, "SB-MEAS-0001", new DateOnly(2027, 3, 1));
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);
        using var body = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/assessment-requests/{request}/shortlist"));
        var candidates = body.RootElement.GetProperty("candidates").EnumerateArray().ToList();
        var names = candidates.Select(c => c.GetProperty("name").GetString()!).Where(n => n is "Chloe Bennett" or "Sofia Kowalska").ToList();

        // The reasons quote the measures.
        var best = candidates.Single(c => c.GetProperty("name").GetString() == (better == Chloe ? "Chloe Bennett" : "Sofia Kowalska"));
        var reasons = best.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("on time in 2 of 2 past assessments", reasons);
        Assert.Contains("first-pass QA approval 100%", reasons);
        Assert.Contains("mean QA score 4 of 4", reasons);
        Assert.Contains("rated 5 of 5 by this authority", reasons);
        return names;
    }

    private static Task<Guid> MatchingIdAsync(IswPanelApp app, int number) => Matching.MatchingScenario.IswIdAsync(app, number);
}
