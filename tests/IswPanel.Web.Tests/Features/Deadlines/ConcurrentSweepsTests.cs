using IswPanel.Data;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Domain.Offers;
using IswPanel.Domain.Panel;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

/// <summary>
/// Two servers running the same sweeps at the same moment against one PostgreSQL database (the "two Hangfire
/// servers" case): every effect happens exactly once, whichever server wins each item.
/// </summary>
public sealed class ConcurrentSweepsTests
{
    /// <summary>Tuesday 8 December 2026: every sweep has something to do.</summary>
    internal static readonly DateOnly Day = new(2026, 12, 8);

    private sealed record Sweep(string Name, string KeyPrefix, Func<IswPanelApp, Task<SweepReport>> Run);

    private static readonly Sweep[] Sweeps =
    [
        new("offer expiry", "offer-expired:", ExpireOffersAsync),
        new("milestone reminders", "reminder:", RemindAsync),
        new("overdue escalation", "overdue:", EscalateAsync),
        new("at-risk digest", "at-risk:", AtRiskDigestAsync),
        new("compliance warnings", "compliance-warning:", app => RunAsync<WarnLapsingDocuments.Job>(app, (j, ct) => j.RunAsync(ct))),
        new("suspension", "suspended:", app => RunAsync<LapsedDocumentsJob>(app, (j, ct) => j.RunAsync(ct))),
        new("registration task", "swe-reverify:", app => RunAsync<RegistrationsToReverify.Job>(app, (j, ct) => j.RunAsync(ct))),
        new("reference reminders", "reference-reminder:", app => RunAsync<ChaseReferences.Job>(app, (j, ct) => j.RunAsync(ct))),
        new("stalled applications", "application-stalled:", app => RunAsync<ChaseStalledApplications.Job>(app, (j, ct) => j.RunAsync(ct))),
    ];

    /// <summary>On 1 December: work for each sweep to find on <see cref="Day"/>.</summary>
    internal static async Task<Guid> ScenarioAsync(IswPanelApp app)
    {
        // An offer with cascade that lapses on 4 December; a request whose "Draft to QA by" is Thursday 10 December
        // (2 working days away on the 8th); Ruth Mensah's DBS 14 days from lapsing; Chloe Bennett's insurance lapsed
        // on the 6th; Olu Adeyemi's registration last verified before 1 December; a referee named and an application
        // started on 1 December (both 5 working days old on the 8th). The demo data adds overdue milestones and
        // requests at risk.
        var offered = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-CON-0001");
        await MatchingScenario.OffersAsync(app, offered, [await MatchingScenario.IswIdAsync(app, 1)], cascade: true);
        var deadline = WorkingDayCalendar.EnglandAndWales().AddWorkingDays(new DateOnly(2026, 12, 10), 8);
        await AssignedRequestAsync(app, 7, AssessmentRequestStatus.InProgress, deadline, "NS-CON-0002");
        await SetDocumentAsync(app, "Chloe Bennett", ComplianceDocumentKind.IndemnityInsurance, new DateOnly(2026, 12, 5));
        await app.WithDbAsync(async db =>
        {
            var admin = await db.Users.Where(u => u.Email == DemoUsers.Admin).Select(u => u.Id).SingleAsync();
            var olu = await db.IswProfiles.Include(p => p.Documents).Include(p => p.Referees).SingleAsync(p => p.FullName == "Olu Adeyemi");
            olu.Document(ComplianceDocumentKind.SocialWorkEnglandRegistration)!.Verify(admin, new DateTime(2026, 8, 28, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 8, 28));
            var james = await db.IswProfiles.Include(p => p.Referees).SingleAsync(p => p.FullName == "James Allen");
            db.Referees.Add(james.NameReferee("Dana Whitmore", "dana@example.org", "Brighton Children's Services", "Team manager", true, null,
                app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        await StartedApplicationAsync(app, "rosa.lindgren@example.org");
        return offered;
    }

    internal static Task<int> KeysAsync(IswPanelApp app, string prefix) =>
        app.WithDbAsync(db => db.JobEffects.CountAsync(e => e.Key.StartsWith(prefix)));

    /// <summary>Messages that went to the same person with the same words more than once: an effect produced twice.</summary>
    private static Task<List<string>> DuplicatesAsync(IswPanelApp app) =>
        app.WithDbAsync(async db => (await db.Notifications.AsNoTracking().Select(n => new { n.UserId, n.Text }).ToListAsync())
            .GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{g.Count()} × {g.Key.Text}").ToList());

    /// <summary>The state the sweeps change, checked for exactly one of each change.</summary>
    internal static async Task AssertChangedOnceAsync(IswPanelApp app, Guid offered)
    {
        var offers = await app.WithDbAsync(db => db.Offers.AsNoTracking().Where(o => o.AssessmentRequestId == offered).ToListAsync());
        Assert.Equal(2, offers.Count);
        Assert.Equal(1, offers.Count(o => o.Status == OfferStatus.Expired));
        Assert.Equal(1, offers.Count(o => o.Status == OfferStatus.Open));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.AssessmentRequestId == offered && e.What.StartsWith("The offer to"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.AssessmentRequestId == offered && e.What.Contains("offered to"))));
        var chloe = await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().SingleAsync(p => p.FullName == "Chloe Bennett"));
        Assert.Equal(PanelMemberStatus.Suspended, chloe.Status);
        Assert.Single(chloe.History, h => h.To == PanelMemberStatus.Suspended);
        var overdueEvents = await app.WithDbAsync(db => db.RequestEvents.AsNoTracking().Where(e => e.What.StartsWith("Overdue:"))
            .Select(e => new { e.AssessmentRequestId, e.What }).ToListAsync());
        Assert.NotEmpty(overdueEvents);
        Assert.Equal(overdueEvents.Count, overdueEvents.Distinct().Count());
        Assert.Equal(overdueEvents.Count, await KeysAsync(app, "overdue:"));
        Assert.Empty(await DuplicatesAsync(app));
    }

    [Fact]
    public async Task Every_sweep_run_on_two_instances_at_once_produces_each_effect_exactly_once()
    {
        await using var app = await StartAsync(DatabaseProvider.PostgreSql);
        var offered = await ScenarioAsync(app);
        await using var second = app.SecondInstance();
        MoveTo(app, Day);
        MoveTo(second, Day);

        foreach (var sweep in Sweeps)
        {
            var before = await KeysAsync(app, sweep.KeyPrefix);
            var reports = await Task.WhenAll(sweep.Run(app), sweep.Run(second));
            var produced = await KeysAsync(app, sweep.KeyPrefix) - before;

            Assert.True(produced > 0, $"The {sweep.Name} sweep found nothing to do: the scenario no longer exercises it.");
            Assert.Equal(produced, reports.Sum(r => r.Done));
            Assert.All(reports, r => Assert.Equal(0, r.Failed));
        }

        await AssertChangedOnceAsync(app, offered);

        // And again, on both: nothing more.
        foreach (var sweep in Sweeps)
        {
            var reports = await Task.WhenAll(sweep.Run(app), sweep.Run(second));
            Assert.All(reports, r => Assert.Equal(0, r.Done));
        }

        Assert.Empty(await DuplicatesAsync(app));
    }

    [Fact]
    public async Task The_same_item_handled_by_two_instances_at_once_is_done_by_one_and_conflicts_or_is_no_longer_due_for_the_other()
    {
        await using var app = await StartAsync(DatabaseProvider.PostgreSql);
        var offered = await ScenarioAsync(app);
        await using var second = app.SecondInstance();
        MoveTo(app, Day);
        MoveTo(second, Day);
        var offerId = await app.WithDbAsync(db => db.Offers.Where(o => o.AssessmentRequestId == offered).Select(o => o.Id).SingleAsync());
        var chloe = await MemberIdAsync(app, "Chloe Bennett");
        var insurance = await app.WithDbAsync(db => db.ComplianceDocuments
            .Where(d => d.IswProfileId == chloe && d.Kind == ComplianceDocumentKind.IndemnityInsurance).Select(d => d.Id).SingleAsync());

        async Task<Web.Infrastructure.Results.Result<SweepOutcome>> SendAsync(IswPanelApp instance, ICommand<Web.Infrastructure.Results.Result<SweepOutcome>> command)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, TestContext.Current.CancellationToken);
        }

        ICommand<Web.Infrastructure.Results.Result<SweepOutcome>>[] commands =
        [
            new ExpireOffers.Command(offerId),
            new SuspendMembersWithLapsedDocuments.Command(chloe, insurance, new DateOnly(2026, 12, 5)),
            new AtRiskRequests.Digest(Day),
        ];
        foreach (var command in commands)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SendAsync(i % 2 == 0 ? app : second, command)));
            Assert.Single(results, r => r.IsSuccess && r.Value == SweepOutcome.Done);
            Assert.All(results.Where(r => !(r.IsSuccess && r.Value == SweepOutcome.Done)), r =>
                Assert.True(r.Status == Web.Infrastructure.Results.ResultStatus.Conflict || r.Value is SweepOutcome.NotDue or SweepOutcome.AlreadyDone,
                    $"{command}: {r.Status} {r.Value}"));
        }

        Assert.Empty(await DuplicatesAsync(app));
        Assert.Single((await app.WithDbAsync(db => db.IswProfiles.AsNoTracking().SingleAsync(p => p.Id == chloe))).History,
            h => h.To == PanelMemberStatus.Suspended);
    }
}
