using System.Net;
using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Offers;

public sealed class DeclineOfferTests
{
    [Fact]
    public async Task Declining_the_last_open_offer_returns_the_request_to_matching_and_tells_the_administrators()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var offers = await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)]);
        using var amara = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);

        var noReason = await amara.PostAsJsonAsync($"/api/v1/offers/{offers[0]}/decline", new { reason = "" }, TestContext.Current.CancellationToken);
        var declined = await amara.PostAsJsonAsync($"/api/v1/offers/{offers[0]}/decline", new { reason = "No capacity before the deadline" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(AssessmentRequestStatus.Submitted, await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Text.StartsWith("Amara Okonkwo declined the offer of"))));
    }

    [Fact]
    public async Task With_cascade_a_declined_offer_moves_to_the_next_candidate_and_stops_when_none_is_left()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var first = await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)], cascade: true);
        using var amara = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);
        using var nadia = await ApiClients.SignedInAsync(app, DemoUsers.Isw(7), DemoUsers.Password);

        await amara.PostAsJsonAsync($"/api/v1/offers/{first[0]}/decline", new { reason = "On leave" }, TestContext.Current.CancellationToken);
        var cascaded = await app.WithDbAsync(db => db.Offers.Where(o => o.AssessmentRequestId == request && o.Status == OfferStatus.Open).ToListAsync());
        Assert.Equal(await MatchingScenario.IswIdAsync(app, 7), Assert.Single(cascaded).IswProfileId);

        await nadia.PostAsJsonAsync($"/api/v1/offers/{cascaded[0].Id}/decline", new { reason = "Too far" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, await app.WithDbAsync(db => db.Offers.CountAsync(o => o.AssessmentRequestId == request && o.Status == OfferStatus.Open)));
        Assert.Equal(AssessmentRequestStatus.Submitted, await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Text.Contains("no eligible candidate is left"))));
    }
}
