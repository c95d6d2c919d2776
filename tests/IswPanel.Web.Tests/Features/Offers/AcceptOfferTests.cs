using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using IswPanel.Web.Features.Offers;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Offers;

/// <summary>The first acceptance wins, exactly once, on every database the app runs on.</summary>
public sealed class AcceptOfferTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private static readonly int[] ActiveIsws = [1, 2, 3, 5, 7, 8, 9, 10];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Thirty_two_simultaneous_acceptances_give_exactly_one_assignment(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var isws = new List<Guid>();
        foreach (var n in ActiveIsws) isws.Add(await MatchingScenario.IswIdAsync(app, n));
        var offers = await MatchingScenario.OffersAsync(app, request, isws);
        var clients = new List<HttpClient>();
        foreach (var n in ActiveIsws) clients.Add(await ApiClients.SignedInAsync(app, DemoUsers.Isw(n), DemoUsers.Password));

        // Four acceptances per ISW, all released at once.
        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 32).Select(async i =>
        {
            await start.WaitAsync();
            return await clients[i % clients.Count].PostAsync($"/api/v1/offers/{offers[i % offers.Count]}/accept", null);
        }).ToList();
        start.Release(32);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(31, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(request.ToString(), winner.GetProperty("assessmentRequestId").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.AssessmentRequestId == request)));
        var stored = await app.WithDbAsync(db => db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == request));
        Assert.Equal(AssessmentRequestStatus.Assigned, stored.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Offers.CountAsync(o => o.AssessmentRequestId == request && o.Status == OfferStatus.Accepted)));
        Assert.Equal(7, await app.WithDbAsync(db => db.Offers.CountAsync(o => o.AssessmentRequestId == request && o.Status == OfferStatus.Withdrawn)));
        // The racers wait for the winner in line (RequestTurns), and at the request's row (RowLocks), and are told it is taken.
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await lost.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(AcceptOffer.AlreadyAssigned, problem.GetProperty("detail").GetString());
        }

        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task An_acceptance_waits_while_the_request_is_held_then_goes_ahead_if_it_was_not_assigned()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.PostgreSql);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var amara = await MatchingScenario.IswIdAsync(app, 1);
        var offer = (await MatchingScenario.OffersAsync(app, request, [amara]))[0];
        using var amaraApi = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);

        // Another acceptance in flight, as far as the database can tell: the request's row held in an open transaction.
        await using var holder = await HoldRequestAsync(app, request);

        var accepting = amaraApi.PostAsync($"/api/v1/offers/{offer}/accept", null, TestContext.Current.CancellationToken);
        // It waits at the start, for the row, before reading the request or changing anything (not at its save).
        Assert.Single(await WaitersAsync(holder, 1));
        Assert.False(accepting.IsCompleted, "The acceptance went ahead while another held the request.");
        Assert.Null(await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == request).Select(r => r.AssignedIswId).SingleAsync()));

        // The holder finishes without assigning it: the waiting acceptance takes the row and goes ahead.
        await holder.Transaction.CommitAsync(TestContext.Current.CancellationToken);
        var accepted = await accepting;
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(amara, await app.WithDbAsync(db => db.AssessmentRequests.Where(r => r.Id == request).Select(r => r.AssignedIswId).SingleAsync()));
    }

    [Fact]
    public async Task Acceptances_from_two_servers_wait_for_the_holder_side_by_side_and_are_told_together_that_it_was_assigned()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.PostgreSql);
        await using var second = app.SecondInstance();
        var (request, isws, offers) = await RequestOfferedToThreeAsync(app);
        using var first = await ApiClients.SignedInAsync(app, DemoUsers.Isw(ActiveIsws[1]), DemoUsers.Password);
        using var other = await ApiClients.SignedInAsync(second, DemoUsers.Isw(ActiveIsws[2]), DemoUsers.Password);

        await using var holder = await HoldRequestAsync(app, request);
        var accepting = new[] { first.PostAsync($"/api/v1/offers/{offers[1]}/accept", null, TestContext.Current.CancellationToken),
            other.PostAsync($"/api/v1/offers/{offers[2]}/accept", null, TestContext.Current.CancellationToken) };

        // Both wait at once with a shared lock, neither in line behind the other for the row itself.
        var waiting = await WaitersAsync(holder, 2, "FOR SHARE");
        Assert.Equal(2, waiting.Count);

        await AssignAndCommitAsync(holder, request, isws[0]);
        await AssertAllToldAssignedAsync(accepting);
        Assert.Equal(0, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.AssessmentRequestId == request)));
    }

    [Fact]
    public async Task Acceptances_on_one_server_wait_in_line_there_and_only_one_of_them_waits_at_the_database()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.PostgreSql);
        var (request, isws, offers) = await RequestOfferedToThreeAsync(app);
        using var first = await ApiClients.SignedInAsync(app, DemoUsers.Isw(ActiveIsws[1]), DemoUsers.Password);
        using var other = await ApiClients.SignedInAsync(app, DemoUsers.Isw(ActiveIsws[2]), DemoUsers.Password);

        await using var holder = await HoldRequestAsync(app, request);
        var accepting = new List<Task<HttpResponseMessage>> { first.PostAsync($"/api/v1/offers/{offers[1]}/accept", null, TestContext.Current.CancellationToken) };
        Assert.Single(await WaitersAsync(holder, 1, "FOR SHARE"));
        accepting.Add(other.PostAsync($"/api/v1/offers/{offers[2]}/accept", null, TestContext.Current.CancellationToken));

        // The second is in line in memory, behind the first: it never reaches the database while the first waits there.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Single(await WaitersAsync(holder, 2, "AssessmentRequests", attempts: 1));
        Assert.False(accepting[1].IsCompleted, "The second acceptance did not wait for the first.");

        await AssignAndCommitAsync(holder, request, isws[0]);
        await AssertAllToldAssignedAsync(accepting);
        Assert.Equal(0, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.AssessmentRequestId == request)));
    }

    private static async Task<(Guid Request, List<Guid> Isws, IReadOnlyList<Guid> Offers)> RequestOfferedToThreeAsync(IswPanelApp app)
    {
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var isws = new List<Guid>();
        foreach (var n in ActiveIsws[..3]) isws.Add(await MatchingScenario.IswIdAsync(app, n));
        return (request, isws, await MatchingScenario.OffersAsync(app, request, isws));
    }

    /// <summary>The holder assigns the request (as a winning acceptance would) and commits.</summary>
    private static async Task AssignAndCommitAsync(HeldRow holder, Guid request, Guid isw)
    {
        await using (var assign = new Npgsql.NpgsqlCommand("UPDATE \"AssessmentRequests\" SET \"AssignedIswId\" = @isw WHERE \"Id\" = @id",
            holder.Connection, holder.Transaction))
        {
            assign.Parameters.AddWithValue("isw", isw);
            assign.Parameters.AddWithValue("id", request);
            await assign.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        await holder.Transaction.CommitAsync(TestContext.Current.CancellationToken);
    }

    private static async Task AssertAllToldAssignedAsync(IEnumerable<Task<HttpResponseMessage>> accepting)
    {
        foreach (var lost in await Task.WhenAll(accepting))
        {
            Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
            var problem = await lost.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(AcceptOffer.AlreadyAssigned, problem.GetProperty("detail").GetString());
        }
    }

    private sealed record HeldRow(string ConnectionString, Npgsql.NpgsqlConnection Connection, Npgsql.NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    private static async Task<HeldRow> HoldRequestAsync(IswPanelApp app, Guid request)
    {
        var connection = new Npgsql.NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var hold = new Npgsql.NpgsqlCommand("SELECT 1 FROM \"AssessmentRequests\" WHERE \"Id\" = @id FOR UPDATE", connection, transaction);
        hold.Parameters.AddWithValue("id", request);
        await hold.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return new HeldRow(app.Database.ConnectionString, connection, transaction);
    }

    /// <summary>
    /// The queries of this database's sessions waiting for a lock (those containing <paramref name="querying"/>, when
    /// given), once there are <paramref name="expected"/> (or after <paramref name="attempts"/> looks 100 ms apart, 30 s by
    /// default: on a busy 2-core CI machine a cold app took more than 10 s to bring a second acceptance to its lock).
    /// Each look is a fresh connection outside the holder's transaction: inside a transaction pg_stat_activity keeps the
    /// query texts of its first look (only the wait state is live), so a poll from the holder once saw a session's
    /// earlier query, and missed the second waiter for good.
    /// </summary>
    private static async Task<List<string>> WaitersAsync(HeldRow holder, int expected, string? querying = null, int attempts = 300)
    {
        var waiting = new List<string>();
        for (var attempt = 0; attempt < attempts && waiting.Count < expected; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            waiting.Clear();
            await using var connection = new Npgsql.NpgsqlConnection(holder.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var query = new Npgsql.NpgsqlCommand(
                "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND strpos(query, @querying) > 0",
                connection);
            query.Parameters.AddWithValue("querying", querying ?? "");
            await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken)) waiting.Add(reader.GetString(0));
        }
        return waiting;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_requests_racing_for_an_isws_last_free_slot_give_it_to_exactly_one(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        // Olu (isw10) has 1 of 4 in hand; two more requests assigned leave one slot free.
        var olu = await MatchingScenario.IswIdAsync(app, 10);
        await app.WithDbAsync(async db =>
        {
            var profile = await db.IswProfiles.SingleAsync(p => p.Id == olu);
            profile.SetPractice([.. profile.AssessmentTypeCodes, "parenting-pams"], [.. profile.Skills, "PAMS-trained"], [.. profile.RegionsCovered, Domain.Authorities.EnglishRegion.NorthWest],
                profile.Languages, profile.HomePostcodeDistrict, profile.TravelRadiusMiles, capacity: 2, profile.HourlyRate);
            return await db.SaveChangesAsync();
        });
        var first = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-TEST-A");
        var second = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-TEST-B");
        var offerA = (await MatchingScenario.OffersAsync(app, first, [olu]))[0];
        var offerB = (await MatchingScenario.OffersAsync(app, second, [olu]))[0];
        using var a = await ApiClients.SignedInAsync(app, DemoUsers.Isw(10), DemoUsers.Password);
        using var b = await ApiClients.SignedInAsync(app, DemoUsers.Isw(10), DemoUsers.Password);

        using var start = new SemaphoreSlim(0);
        var racing = new[] { (a, offerA), (b, offerB) }.Select(async pair =>
        {
            await start.WaitAsync();
            return await pair.Item1.PostAsync($"/api/v1/offers/{pair.Item2}/accept", null);
        }).ToList();
        start.Release(2);
        var responses = await Task.WhenAll(racing);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var inHand = await app.WithDbAsync(db => db.AssessmentRequests.CountAsync(r => r.AssignedIswId == olu
            && (r.Status == AssessmentRequestStatus.Assigned || r.Status == AssessmentRequestStatus.InProgress || r.Status == AssessmentRequestStatus.InQa)));
        Assert.Equal(2, inHand);
    }

    [Fact]
    public async Task The_winner_is_assigned_the_others_withdrawn_and_everyone_told()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var amara = await MatchingScenario.IswIdAsync(app, 1);
        var nadia = await MatchingScenario.IswIdAsync(app, 7);
        var offers = await MatchingScenario.OffersAsync(app, request, [amara, nadia]);
        using var amaraApi = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);
        using var nadiaApi = await ApiClients.SignedInAsync(app, DemoUsers.Isw(7), DemoUsers.Password);

        var won = await amaraApi.PostAsync($"/api/v1/offers/{offers[0]}/accept", null, TestContext.Current.CancellationToken);
        var late = await nadiaApi.PostAsync($"/api/v1/offers/{offers[1]}/accept", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("This request has already been assigned to another social worker.", problem.GetProperty("detail").GetString());
        using var commissioner = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var details = await commissioner.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{request}", TestContext.Current.CancellationToken);
        Assert.Equal("Amara Okonkwo", details.GetProperty("assignedIsw").GetProperty("name").GetString());
        var inbox = await commissioner.GetFromJsonAsync<JsonElement>("/api/v1/notifications", TestContext.Current.CancellationToken);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Amara Okonkwo has been assigned", StringComparison.Ordinal)
            && !n.GetProperty("text").GetString()!.Contains("T.K.", StringComparison.Ordinal));
        var nadiaInbox = await nadiaApi.GetFromJsonAsync<JsonElement>("/api/v1/notifications", TestContext.Current.CancellationToken);
        Assert.Contains(nadiaInbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains("withdrawn", StringComparison.Ordinal));
        var history = await app.WithDbAsync(db => db.RequestEvents.Where(e => e.AssessmentRequestId == request).Select(e => e.What).ToListAsync());
        Assert.Contains("Amara Okonkwo accepted the offer and was assigned.", history);
    }

    [Fact]
    public async Task An_isw_sees_their_offers_without_child_details_and_cannot_touch_another_isws()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var offers = await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)]);
        using var amara = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);
        using var nadia = await ApiClients.SignedInAsync(app, DemoUsers.Isw(7), DemoUsers.Password);

        var mine = await amara.GetStringAsync("/api/v1/offers", TestContext.Current.CancellationToken);
        var theirs = await nadia.GetFromJsonAsync<JsonElement>("/api/v1/offers", TestContext.Current.CancellationToken);

        Assert.Contains("parenting-pams", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("T.K.", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("NS-TEST-0001", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), o => o.GetProperty("offerId").GetString() == offers[0].ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await nadia.PostAsync($"/api/v1/offers/{offers[0]}/accept", null, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nadia.PostAsJsonAsync($"/api/v1/offers/{offers[0]}/decline", new { reason = "no" }, TestContext.Current.CancellationToken)).StatusCode);
        using var page = PageClient.For(app);
        await page.SignInAsync(DemoUsers.Isw(7), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/offers/{offers[0]}")).StatusCode);
    }

    [Fact]
    public async Task An_expired_offer_cannot_be_accepted()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        var offers = await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)]);
        app.Clock.Advance(TimeSpan.FromDays(4));
        using var amara = await ApiClients.SignedInAsync(app, DemoUsers.Isw(1), DemoUsers.Password);

        var response = await amara.PostAsync($"/api/v1/offers/{offers[0]}/accept", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("expired", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }
}
