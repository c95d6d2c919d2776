using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IswPanel.Domain.Assessments;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Requests.RequestForms;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>POST /api/v1/assessment-requests: creates and submits, 201 with Location and the GET body; idempotent; problems keyed by the body's names.</summary>
public sealed class RequestsApiTests(RequestsApp fixture) : IClassFixture<RequestsApp>
{
    private IswPanelApp App => fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string caseReference, string filingDeadline = "2027-03-01", string type = "parenting-pams") => new
    {
        assessmentType = type,
        caseReference,
        childInitials = "T.K.",
        filingDeadline,
        postcodeDistrict = "BB2",
        courtCaseNumber = "MA27C00001",
        specialRequirements = new[] { AssessmentTypeCatalogue.PamsTrained },
        language = "Urdu",
        budgetHours = 60,
        notes = "From the case-management system.",
        parties = new[] { new { role = "Mother", initials = "R.K." } },
        interpreterNeeded = true,
    };

    private static HttpRequestMessage Post(object body, string? key = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessment-requests") { Content = JsonContent.Create(body) };
        if (key is not null) message.Headers.Add("Idempotency-Key", key);
        return message;
    }

    [Fact]
    public async Task Creating_a_request_submits_it_and_answers_201_with_its_location_and_the_same_body_as_get()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);

        var response = await api.SendAsync(Post(Body("NS-API-0001")), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadAsStringAsync(Ct);
        var body = JsonDocument.Parse(created).RootElement;
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/assessment-requests/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("submitted", body.GetProperty("status").GetString());
        Assert.Equal("parenting-pams", body.GetProperty("assessmentType").GetString());
        Assert.Equal("Northshire County Council", body.GetProperty("authority").GetProperty("name").GetString());
        Assert.Equal("2027-03-01", body.GetProperty("filingDeadline").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("assignedIsw").ValueKind);
        Assert.True(body.GetProperty("forCourt").GetBoolean());
        Assert.True(body.GetProperty("interpreterNeeded").GetBoolean());
        Assert.Equal("Urdu", body.GetProperty("language").GetString());
        Assert.Equal(60, body.GetProperty("budgetHours").GetInt32());
        Assert.Equal("R.K.", body.GetProperty("parties")[0].GetProperty("initials").GetString());
        Assert.Equal(AssessmentTypeCatalogue.PamsTrained, body.GetProperty("specialRequirements")[0].GetString());
        Assert.False(body.GetProperty("atRisk").GetBoolean());
        Assert.Equal(0, body.GetProperty("shortfallWorkingDays").GetInt32());

        var plan = await PlanAsync(App, new DateOnly(2027, 3, 1), "parenting-pams");
        var milestones = body.GetProperty("milestones").EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), m.GetProperty("due").GetString())).ToList();
        Assert.Equal(plan.Milestones.Select(m => ((string?)m.Name, (string?)m.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), milestones);

        var get = await api.GetStringAsync(response.Headers.Location, Ct);
        Assert.Equal(created, get);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_return_the_first_response_and_create_one_request()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);
        var key = Guid.NewGuid().ToString();

        var first = await api.SendAsync(Post(Body("NS-API-0002"), key), Ct);
        var second = await api.SendAsync(Post(Body("NS-API-0002"), key), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        Assert.Equal(firstId, secondId);
        Assert.Equal(1, await App.WithDbAsync(db => db.AssessmentRequests.CountAsync(r => r.CaseReference == "NS-API-0002")));

        var different = await api.SendAsync(Post(Body("NS-API-0003"), key), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.AssessmentRequests.AnyAsync(r => r.CaseReference == "NS-API-0003")));
    }

    [Fact]
    public async Task Validation_problems_are_400_keyed_by_the_bodys_camel_case_names()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);
        var body = new
        {
            assessmentType = "parenting",
            caseReference = "NS-API-BAD",
            childInitials = "Tommy Kay",
            filingDeadline = "2027-03-06",
            postcodeDistrict = "not a district",
            courtName = "Family Court",
            budgetHours = 5000,
            parties = new[] { new { role = "Mother", initials = "Rebecca" } },
        };

        var response = await api.PostAsJsonAsync("/api/v1/assessment-requests", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("childInitials", keys);
        Assert.Contains("postcodeDistrict", keys);
        Assert.Contains("budgetHours", keys);
        Assert.Contains("parties[0].initials", keys);
        Assert.DoesNotContain(keys, k => char.IsUpper(k[0]));
        Assert.False(await App.WithDbAsync(db => db.AssessmentRequests.AnyAsync(r => r.CaseReference == "NS-API-BAD")));
    }

    [Theory]
    [InlineData("2027-03-06", "must be a working day")]
    [InlineData("2026-11-30", "must be in the future")]
    [InlineData("1 March 2027", "must be a real date")]
    [InlineData("", "Enter the filing deadline")]
    public async Task A_bad_filing_deadline_is_400_on_filing_deadline(string filingDeadline, string message)
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);

        var response = await api.SendAsync(Post(Body("NS-API-DATE", filingDeadline)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("filingDeadline")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_date_when_not_for_court_is_reported_on_filing_deadline_too()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);

        var response = await api.PostAsJsonAsync("/api/v1/assessment-requests", new
        {
            assessmentType = "viability", caseReference = "NS-API-TARGET", childInitials = "A.A.", filingDeadline = "2026-12-28",
            postcodeDistrict = "M14", forCourt = false,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.StartsWith("The target date must be a working day", errors.GetProperty("filingDeadline")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_assessment_type_is_400_on_assessment_type()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);

        var response = await api.SendAsync(Post(Body("NS-API-TYPE", type: "astrology")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("astrology", errors.GetProperty("assessmentType")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_deadline_is_accepted_at_risk_with_the_shortfall()
    {
        using var api = await ApiClients.SignedInAsync(App, DemoUsers.Northshire, DemoUsers.Password);
        var plan = await PlanAsync(App, new DateOnly(2027, 1, 15), "parenting-pams");

        var response = await api.SendAsync(Post(Body("NS-API-RISK", "2027-01-15")), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(body.GetProperty("atRisk").GetBoolean());
        Assert.Equal(plan.ShortfallWorkingDays, body.GetProperty("shortfallWorkingDays").GetInt32());
    }

    [Theory]
    [InlineData(DemoUsers.Qa)]
    [InlineData("isw1@demo.iswpanel.test")]
    [InlineData(DemoUsers.Admin)]
    public async Task Only_a_commissioner_may_create_requests_403(string email)
    {
        using var api = await ApiClients.SignedInAsync(App, email, DemoUsers.Password);

        var response = await api.SendAsync(Post(Body($"NS-API-403-{email.Length}")), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.AssessmentRequests.AnyAsync(r => r.CaseReference == $"NS-API-403-{email.Length}")));
    }

    [Fact]
    public async Task The_openapi_document_says_the_api_needs_no_letter_of_instruction()
    {
        using var client = App.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("no letter of instruction needed here", document, StringComparison.Ordinal);
    }
}
