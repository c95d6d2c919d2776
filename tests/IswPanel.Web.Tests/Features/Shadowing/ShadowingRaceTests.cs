using System.Net;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Security;
using IswPanel.Domain.Shadowing;
using IswPanel.Testing;
using IswPanel.Web.Features.Shadowing;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Pipeline;
using IswPanel.Web.Infrastructure.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IswPanel.Web.Tests.Features.Shadowing.ShadowingScenario;

namespace IswPanel.Web.Tests.Features.Shadowing;

/// <summary>
/// Two markings racing for the last seat of a session: the unique (session, seat) index lets exactly one win on every
/// database the app runs on, and the loser is told the session is full in the domain's words, never a server error.
/// </summary>
public sealed class ShadowingRaceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    private const string Full = "This session already has a shadower: the authority allows one per session.";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_markings_for_the_last_seat_give_it_to_exactly_one_and_tell_the_other_the_session_is_full(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var requestId = await RequestIdAsync(app, "NS-2026-0157");
        using var api = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        var first = await NominateByApiAsync(api, requestId, "Ari First", "ari.first@northshire.example.gov.uk");
        var second = await NominateByApiAsync(api, requestId, "Bea Second", "bea.second@northshire.example.gov.uk");
        using var nadia = await SignedInAsync(app, DemoUsers.Isw(7));
        using var nadiaAgain = await SignedInAsync(app, DemoUsers.Isw(7));
        await AcceptWithConsentAsync(nadia, first, Today);
        await AcceptWithConsentAsync(nadia, second, Today);
        var racedFor = await LogAsync(app, nadia, requestId, Today, "HomeVisit", "2");
        var forcedRace = await LogAsync(app, nadia, requestId, Today, "Observation", "1");

        // Over HTTP: both posted at once, one per nomination.
        var tokens = new[] { await TokenAsync(nadia, first), await TokenAsync(nadiaAgain, second) };
        using var start = new SemaphoreSlim(0);
        var posts = new[] { (nadia, first, tokens[0]), (nadiaAgain, second, tokens[1]) }.Select(async call =>
        {
            await start.WaitAsync();
            return await call.Item1.Http.PostAsync($"/my-shadowing/{call.Item2}/sessions", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["WorkLogEntryId"] = racedFor.ToString(),
                ["__RequestVerificationToken"] = call.Item3,
            }));
        }).ToList();
        start.Release(2);
        var responses = await Task.WhenAll(posts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(Full, ErrorSummary(await PageClient.ParseAsync(loser)), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ShadowedSessions.CountAsync(s => s.WorkLogEntryId == racedFor)));

        // Forced: the other marking takes the seat after this one read the seats and before it saves, so the save itself
        // meets the unique index; what the user is told is the same.
        var result = await MarkLosingTheRaceAsync(app, first, second, forcedRace);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([Full], result.Errors[""]);
        var seated = await app.WithDbAsync(db => db.ShadowedSessions.Where(s => s.WorkLogEntryId == forcedRace).Select(s => s.NominationId).ToListAsync());
        Assert.Equal([second], seated);
    }

    private static async Task<string> TokenAsync(PageClient client, Guid nominationId)
    {
        var (_, page) = await client.GetPageAsync($"/my-shadowing/{nominationId}");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    /// <summary>Marks <paramref name="entry"/> for <paramref name="mine"/> through the unit of work, while <paramref name="theirs"/> takes the seat in between.</summary>
    private static async Task<Result<SessionAttendance.Marked>> MarkLosingTheRaceAsync(IswPanelApp app, Guid mine, Guid theirs, Guid entry)
    {
        var nadia = await app.WithDbAsync(db => db.IswProfiles.Where(p => p.FullName == "Nadia Rahman").Select(p => new { p.Id, p.UserId }).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var lostRace = services.GetRequiredService<LostRace>();
        var clock = services.GetRequiredService<IClock>();
        var handler = new SessionAttendance.MarkHandler(db, new FixedCurrentUser(nadia.UserId, [Roles.Isw], iswProfileId: nadia.Id), clock,
            services.GetRequiredService<IAuditLog>(), lostRace);
        var unitOfWork = new UnitOfWorkBehavior<SessionAttendance.Mark, Result<SessionAttendance.Marked>>(db, lostRace);

        return await unitOfWork.Handle(new SessionAttendance.Mark { NominationId = mine, WorkLogEntryId = entry }, async (command, ct) =>
        {
            var marked = await handler.Handle(command, ct);
            Assert.True(marked.IsSuccess);
            await app.WithDbAsync(async other =>
            {
                var nomination = await other.ShadowingNominations.AsNoTracking().SingleAsync(n => n.Id == theirs);
                var session = await other.WorkLogEntries.AsNoTracking().SingleAsync(e => e.Id == entry);
                other.ShadowedSessions.Add(ShadowedSession.Attend(nomination, ShadowerRole.Asye, entry, session.Date, session.DurationMinutes, session.IsSession, [], 1, clock.UtcNow));
                return await other.SaveChangesAsync();
            });
            return marked;
        }, TestContext.Current.CancellationToken);
    }
}
