using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Testing;
using IswPanel.Web.Features.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Matching;

/// <summary>Requests and offers made straight in the database, as the request and offer pages would make them.</summary>
internal static class MatchingScenario
{
    /// <summary>A submitted Northshire request of the given type, filed 13 weeks from the fake clock's today.</summary>
    public static async Task<Guid> SubmittedRequestAsync(IswPanelApp app, string typeCode = "parenting-pams", string authority = "Northshire County Council",
        string caseReference = "NS-TEST-0001", DateOnly? deadline = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var planner = scope.ServiceProvider.GetRequiredService<MilestonePlanner>();
        var type = await db.AssessmentTypes.SingleAsync(t => t.Code == typeCode);
        var authorityId = await db.Authorities.Where(a => a.Name == authority).Select(a => a.Id).SingleAsync();
        var commissioner = await db.Users.Where(u => u.AuthorityId == authorityId).Select(u => u.Id).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var due = deadline ?? new DateOnly(2027, 3, 1);
        var request = AssessmentRequest.CreateDraft(authorityId, new Domain.Assessments.RequestDetails(type.Id, caseReference, "T.K.", [new RequestParty("Mother", "R.K.")],
            true, "Family Court", "MA27C00001", due, "BB2", null, false, type.RequiredSkill is { } s ? [s] : [], 60, null, null), commissioner, now);
        var plan = planner.Plan(type, due, DateOnly.FromDateTime(now));
        request.Submit(MilestonePlanner.Stored(plan), plan.AtRisk, plan.ShortfallWorkingDays, now);
        db.AssessmentRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    public static Task<Guid> IswIdAsync(IswPanelApp app, int number) =>
        app.WithDbAsync(db => (from p in db.IswProfiles join u in db.Users on p.UserId equals u.Id where u.Email == DemoUsers.Isw(number) select p.Id).SingleAsync());

    /// <summary>Open offers of the request to each ISW (the request moves to Offered), as the offers page sends them.</summary>
    public static async Task<IReadOnlyList<Guid>> OffersAsync(IswPanelApp app, Guid requestId, IEnumerable<Guid> iswIds, bool cascade = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == requestId);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var offers = iswIds.Select(isw => Offer.Send(requestId, isw, admin, now, 2, now.AddDays(3), cascade)).ToList();
        db.Offers.AddRange(offers);
        request.MarkOffered(now);
        await db.SaveChangesAsync();
        return [.. offers.Select(o => o.Id)];
    }
}
