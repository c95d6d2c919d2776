using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Domain.Security;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Deadlines;

/// <summary>Dates, requests, documents and sweep runs for the deadline tests, made the way the app makes them.</summary>
internal static class DeadlineScenario
{
    /// <summary>
    /// The app with demo data, without the calendar's background refresh: its PeriodicTimer runs on the fake clock,
    /// so every clock move of days would otherwise fire it thousands of times (a month took ~15 seconds).
    /// </summary>
    public static Task<IswPanelApp> StartAsync(DatabaseProvider provider) =>
        IswPanelApp.StartAsync(provider, new Dictionary<string, string?> { ["Calendar:RefreshInterval"] = "00:00:00" });

    /// <summary>Moves the app's clock to 08:00 UTC on <paramref name="day"/> (the same UK date all year round).</summary>
    public static void MoveTo(IswPanelApp app, DateOnly day) =>
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));

    /// <summary>Runs a sweep's Hangfire job method in a scope of its own, as Hangfire would.</summary>
    public static async Task<SweepReport> RunAsync<TJob>(IswPanelApp app, Func<TJob, CancellationToken, Task<SweepReport>> run)
        where TJob : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TJob>(), TestContext.Current.CancellationToken);
    }

    public static Task<SweepReport> ExpireOffersAsync(IswPanelApp app) => RunAsync<ExpireOffers.Job>(app, (j, ct) => j.RunAsync(ct));

    public static Task<SweepReport> RemindAsync(IswPanelApp app) => RunAsync<RemindMilestones.Job>(app, (j, ct) => j.RunAsync(ct));

    public static Task<SweepReport> EscalateAsync(IswPanelApp app) => RunAsync<EscalateOverdueMilestones.Job>(app, (j, ct) => j.RunAsync(ct));

    public static Task<SweepReport> AtRiskDigestAsync(IswPanelApp app) => RunAsync<AtRiskRequests.Job>(app, (j, ct) => j.RunAsync(ct));

    /// <summary>A request the ISW has accepted (offer, assignment), moved on to <paramref name="status"/>.</summary>
    public static async Task<Guid> AssignedRequestAsync(IswPanelApp app, int isw, AssessmentRequestStatus status, DateOnly deadline,
        string caseReference, string typeCode = "parenting-pams")
    {
        var requestId = await MatchingScenario.SubmittedRequestAsync(app, typeCode, caseReference: caseReference, deadline: deadline);
        var iswId = await MatchingScenario.IswIdAsync(app, isw);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
        var request = await db.AssessmentRequests.SingleAsync(r => r.Id == requestId);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var offer = Offer.Send(requestId, iswId, admin, now, 2, now.AddDays(3), cascade: false);
        offer.Accept(now);
        db.Offers.Add(offer);
        db.Assignments.Add(Assignment.FromAcceptedOffer(offer, now));
        request.MarkOffered(now);
        request.Assign(iswId, now);
        if (status is AssessmentRequestStatus.InProgress or AssessmentRequestStatus.InQa) request.MoveTo(AssessmentRequestStatus.InProgress, now);
        if (status == AssessmentRequestStatus.InQa) request.MoveTo(AssessmentRequestStatus.InQa, now);
        await db.SaveChangesAsync();
        return requestId;
    }

    public static Task<DateOnly> MilestoneDueAsync(IswPanelApp app, Guid requestId, string milestone) =>
        app.WithDbAsync(async db => (await db.AssessmentRequests.AsNoTracking().SingleAsync(r => r.Id == requestId)).Milestones.Single(m => m.Name == milestone).Due);

    /// <summary>Gives a member's document new, verified details (as if renewed and checked by an administrator).</summary>
    public static async Task SetDocumentAsync(IswPanelApp app, string memberName, ComplianceDocumentKind kind, DateOnly expiresOn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
        var member = await db.IswProfiles.Include(p => p.Documents).SingleAsync(p => p.FullName == memberName);
        var document = member.Document(kind)!;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        document.Change(document.Reference, document.IssuedOn is { } issued && issued <= expiresOn ? issued : null, expiresOn, false, null);
        document.Verify(admin, now, DateOnly.FromDateTime(now));
        await db.SaveChangesAsync();
    }

    public static Task<Guid> MemberIdAsync(IswPanelApp app, string name) =>
        app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == name).Select(p => p.Id).SingleAsync());

    /// <summary>How many in-app messages the user with <paramref name="email"/> has whose text contains every fragment.</summary>
    public static Task<int> MessagesAsync(IswPanelApp app, string email, params string[] fragments) =>
        app.WithDbAsync(async db =>
        {
            var texts = await (from n in db.Notifications join u in db.Users on n.UserId equals u.Id where u.Email == email select n.Text).ToListAsync();
            return texts.Count(t => fragments.All(f => t.Contains(f, StringComparison.Ordinal)));
        });

    /// <summary>Messages to the member (by panel name) whose text contains every fragment.</summary>
    public static Task<int> MemberMessagesAsync(IswPanelApp app, string memberName, params string[] fragments) =>
        app.WithDbAsync(async db =>
        {
            var texts = await (from n in db.Notifications join p in db.IswProfiles on n.UserId equals p.UserId where p.FullName == memberName select n.Text).ToListAsync();
            return texts.Count(t => fragments.All(f => t.Contains(f, StringComparison.Ordinal)));
        });

    /// <summary>A new Isw user who has started an application (answers saved now) but not submitted it.</summary>
    public static async Task<Guid> StartedApplicationAsync(IswPanelApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Rosa Lindgren", CreatedAt = now };
        Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Isw)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var application = PanelApplication.Start(user.Id, now);
        application.SaveAnswers("{\"contact\":{}}", now);
        db.PanelApplications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }
}
