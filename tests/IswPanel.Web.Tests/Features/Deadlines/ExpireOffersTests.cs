using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

public sealed class ExpireOffersTests
{
    private static Task<List<Offer>> OffersAsync(IswPanelApp app, Guid request) =>
        app.WithDbAsync(db => db.Offers.AsNoTracking().Where(o => o.AssessmentRequestId == request).OrderBy(o => o.SentAt).ToListAsync());

    private static Task<AssessmentRequestStatus> StatusAsync(IswPanelApp app, Guid request) =>
        app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task An_expired_offer_cascades_to_the_next_candidate_and_stops_when_none_is_left_telling_the_administrator_once_each_time()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-EXP-0001");
        await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)], cascade: true); // expires in 3 days

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 29, 0, TimeSpan.Zero));
        Assert.Equal(0, (await ExpireOffersAsync(app)).Done);
        Assert.Equal(OfferStatus.Open, Assert.Single(await OffersAsync(app, request)).Status);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 31, 0, TimeSpan.Zero));
        Assert.Equal(1, (await ExpireOffersAsync(app)).Done);
        Assert.Equal(0, (await ExpireOffersAsync(app)).Found);

        var offers = await OffersAsync(app, request);
        Assert.Equal([OfferStatus.Expired, OfferStatus.Open], offers.Select(o => o.Status));
        Assert.Equal(await MatchingScenario.IswIdAsync(app, 7), offers[1].IswProfileId);
        Assert.Equal(AssessmentRequestStatus.Offered, await StatusAsync(app, request));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Amara Okonkwo did not answer the offer of", "NS-EXP-0001", "it was offered to Nadia Rahman"));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(1), "has lapsed"));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Isw(1), "NS-EXP-0001"));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(7), "You have a new offer"));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.AssessmentRequestId == request && e.What.StartsWith("The offer to Amara Okonkwo lapsed unanswered"))));

        // The cascaded offer has a window of 2 working days from Friday 4 December: it lapses at the end of Tuesday 8 December.
        Assert.Equal(new DateTime(2026, 12, 9, 0, 0, 0, DateTimeKind.Utc), offers[1].ExpiresAt);
        MoveTo(app, new DateOnly(2026, 12, 8));
        Assert.Equal(0, (await ExpireOffersAsync(app)).Found);
        MoveTo(app, new DateOnly(2026, 12, 9));
        Assert.Equal(1, (await ExpireOffersAsync(app)).Done);
        Assert.Equal(0, (await ExpireOffersAsync(app)).Found);

        Assert.Equal([OfferStatus.Expired, OfferStatus.Expired], (await OffersAsync(app, request)).Select(o => o.Status));
        Assert.Equal(AssessmentRequestStatus.Submitted, await StatusAsync(app, request));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Nadia Rahman did not answer the offer of", "NS-EXP-0001", "no eligible candidate is left"));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(7), "has lapsed"));
        Assert.Equal(2, await MessagesAsync(app, DemoUsers.Admin, "NS-EXP-0001"));
    }

    [Fact]
    public async Task Without_cascade_an_expired_offer_sends_the_request_back_to_matching_and_tells_the_administrator()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-EXP-0002");
        await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)], cascade: false);

        MoveTo(app, new DateOnly(2026, 12, 7));
        var first = await ExpireOffersAsync(app);
        var second = await ExpireOffersAsync(app);

        Assert.Equal((1, 1), (first.Found, first.Done));
        Assert.Equal(0, second.Found);
        Assert.Equal(OfferStatus.Expired, Assert.Single(await OffersAsync(app, request)).Status);
        Assert.Equal(AssessmentRequestStatus.Submitted, await StatusAsync(app, request));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, "Amara Okonkwo did not answer the offer of", "NS-EXP-0002", "no offer is open now"));
    }
}
