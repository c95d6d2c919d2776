using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Matching;

/// <summary>
/// The contract end to end over HTTP, as an authority's system and the agency's tools would use it: a request
/// created, shortlisted, offered to three, accepted by one, refused to the second, and shown as assigned.
/// </summary>
public sealed class ApiJourneyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_request_goes_from_creation_to_one_assigned_isw(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        using var commissioner = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        using var admin = await ApiClients.SignedInAsync(app, DemoUsers.Admin, DemoUsers.Password);

        // 1. The authority's system creates the request, retrying once with the same Idempotency-Key.
        var body = new
        {
            assessmentType = "parenting",
            caseReference = "NS-API-0001",
            childInitials = "L.M.",
            filingDeadline = "2027-03-01",
            postcodeDistrict = "M14",
            courtCaseNumber = "MA27C00077",
            budgetHours = 60,
        };
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessment-requests") { Content = JsonContent.Create(body) };
        create.Headers.Add("Idempotency-Key", "journey-0001");
        var created = await commissioner.SendAsync(create, ct);
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessment-requests") { Content = JsonContent.Create(body) };
        retry.Headers.Add("Idempotency-Key", "journey-0001");
        var replayed = await commissioner.SendAsync(retry, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var again = await replayed.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = request.GetProperty("id").GetString()!;
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.Equal(created.Headers.Location, replayed.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.AssessmentRequests.CountAsync(r => r.CaseReference == "NS-API-0001", ct)));
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        Assert.Equal(5, request.GetProperty("milestones").GetArrayLength());

        // 2. The administrator reads the shortlist and offers to the best three.
        var shortlist = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{id}/shortlist", ct);
        var three = shortlist.GetProperty("candidates").EnumerateArray().Take(3).Select(c => c.GetProperty("iswId").GetString()!).ToList();
        Assert.Equal(3, three.Count);
        var offersResponse = await admin.PostAsJsonAsync($"/api/v1/assessment-requests/{id}/offers", new { iswIds = three, respondWithinWorkingDays = 2 }, ct);
        Assert.Equal(HttpStatusCode.Created, offersResponse.StatusCode);
        var offers = (await offersResponse.Content.ReadFromJsonAsync<JsonElement>(ct)).EnumerateArray()
            .ToDictionary(o => o.GetProperty("iswId").GetString()!, o => o.GetProperty("offerId").GetString()!);

        // 3. The first ISW accepts; the second is too late.
        var emails = await app.WithDbAsync(db => (from p in db.IswProfiles join u in db.Users on p.UserId equals u.Id
                                                  select new { p.Id, u.Email }).ToDictionaryAsync(x => x.Id.ToString(), x => x.Email!, ct));
        using var first = await ApiClients.SignedInAsync(app, emails[three[0]], DemoUsers.Password);
        using var second = await ApiClients.SignedInAsync(app, emails[three[1]], DemoUsers.Password);
        var accepted = await first.PostAsync($"/api/v1/offers/{offers[three[0]]}/accept", null, ct);
        var tooLate = await second.PostAsync($"/api/v1/offers/{offers[three[1]]}/accept", null, ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal(id, (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("assessmentRequestId").GetString());

        // 4. The request shows the assigned ISW to its authority.
        var final = await commissioner.GetFromJsonAsync<JsonElement>($"/api/v1/assessment-requests/{id}", ct);
        Assert.Equal("assigned", final.GetProperty("status").GetString());
        Assert.Equal(three[0], final.GetProperty("assignedIsw").GetProperty("id").GetString());
    }
}
