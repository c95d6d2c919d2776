using IswPanel.Data;
using IswPanel.Data.Jobs;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Calendar;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

/// <summary>
/// Issue 10, B4: the sweep runner handles items in batches (one scope and one SaveChanges per batch; a batch in which
/// anything goes wrong is redone item by item). Within a batch, an item whose effect is already claimed counts as already done, an item whose save fails
/// counts as failed, and neither undoes the other items, which are done and saved; batch sizes of 1, 2 and more than
/// the items give the same results. The overdue escalation on the demo data is the sweep: it has many items.
/// </summary>
public sealed class SweepBatchTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 1)]
    [InlineData(DatabaseProvider.Sqlite, 2)]
    [InlineData(DatabaseProvider.Sqlite, 200)]
    [InlineData(DatabaseProvider.PostgreSql, 1)]
    [InlineData(DatabaseProvider.PostgreSql, 2)]
    [InlineData(DatabaseProvider.PostgreSql, 200)]
    public async Task A_claimed_item_and_a_failing_item_neither_undo_the_others_whatever_the_batch_size(DatabaseProvider provider, int batchSize)
    {
        await using var app = await StartAsync(provider);
        // Three more requests whose "Draft to QA by" falls on Thursday 3 December: overdue by the 8th, beside the demo data's.
        var deadline = WorkingDayCalendar.EnglandAndWales().AddWorkingDays(new DateOnly(2026, 12, 3), 8);
        foreach (var isw in new[] { 2, 3, 4 })
            await AssignedRequestAsync(app, isw, AssessmentRequestStatus.InProgress, deadline, $"NS-BAT-000{isw}");
        MoveTo(app, ConcurrentSweepsTests.Day);
        IReadOnlyList<EscalateOverdueMilestones.Item> items;
        await using (var scope = app.Services.CreateAsyncScope())
            items = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EscalateOverdueMilestones.Due(), TestContext.Current.CancellationToken);
        Assert.True(items.Count >= 7, $"The demo data has {items.Count} overdue milestones on {ConcurrentSweepsTests.Day}: too few to exercise a batch.");

        // items[0]: claimed before the run (the find phase leaves it out; items[1] is sent as its command instead).
        // items[2]: its save fails (a trigger refuses its key). items[^1] is sent as items[3]'s command: whichever of
        // the two runs second finds the key claimed in this run, in its batch or an earlier one.
        static string Key(EscalateOverdueMilestones.Item item) => EscalateOverdueMilestones.Key(item.RequestId, item.Milestone);
        var (claimed, stand, failing, twin, last) = (items[0], items[1], items[2], items[3], items[^1]);
        await app.WithDbAsync(db =>
        {
            db.JobEffects.Add(new JobEffect { Key = Key(claimed), At = app.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        await RefuseKeyAsync(app, provider, Key(failing));

        var runner = new SweepRunner(app.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SweepOptions { SweepBatchSize = batchSize }), app.Services.GetRequiredService<ILogger<SweepRunner>>());
        var failed = await Assert.ThrowsAsync<SweepFailedException>(() => runner.RunAsync(EscalateOverdueMilestones.Job.Id,
            new EscalateOverdueMilestones.Due(),
            item => item == stand ? Command(claimed) : item == last ? Command(twin) : Command(item),
            TestContext.Current.CancellationToken));

        var report = failed.Report;
        Assert.Equal(items.Count - 1, report.Found);
        Assert.Equal(2, report.AlreadyDone);
        Assert.Equal(1, report.Failed);
        Assert.Equal(0, report.NotDue);
        Assert.Equal(items.Count - 4, report.Done);

        // Saved: one key and one history entry per item done; nothing for the failing one; the claimed one untouched.
        var done = items.Skip(3).SkipLast(1).ToList();
        var keys = await app.WithDbAsync(db => db.JobEffects.AsNoTracking().Where(e => e.Key.StartsWith("overdue:")).Select(e => e.Key).ToListAsync());
        Assert.Equal([.. done.Select(Key).Append(Key(claimed)).Order(StringComparer.Ordinal)], keys.Order(StringComparer.Ordinal));
        var events = await app.WithDbAsync(db => db.RequestEvents.AsNoTracking().Where(e => e.What.StartsWith("Overdue:"))
            .Select(e => new { e.AssessmentRequestId, e.What }).ToListAsync());
        Assert.Equal(done.Count, events.Count);
        Assert.Equal(events.Count, events.Distinct().Count());
        Assert.All(done, item => Assert.Contains(events, e => e.AssessmentRequestId == item.RequestId && e.What.Contains($"Overdue: {item.Milestone} ", StringComparison.Ordinal)));
        Assert.DoesNotContain(events, e => e.AssessmentRequestId == failing.RequestId && e.What.Contains($"Overdue: {failing.Milestone} ", StringComparison.Ordinal));

        // The people told (inserted in bulk with each batch: decision 0015): about every item done, once each, and by
        // email too (overdue is always emailed at once); nobody about the failing item.
        var told = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Text.StartsWith("Overdue:"))
            .Select(n => new { n.UserId, n.Text, n.Link }).ToListAsync());
        Assert.Equal(told.Count, told.Distinct().Count());
        static bool About(string text, string link, EscalateOverdueMilestones.Item item) =>
            link == $"/requests/{item.RequestId}" && text.Contains($"has missed {item.Milestone} ", StringComparison.Ordinal);
        Assert.All(done, item => Assert.Contains(told, n => About(n.Text, n.Link, item)));
        Assert.DoesNotContain(told, n => About(n.Text, n.Link, failing));
        var emailed = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Body.StartsWith("Overdue:"))
            .Select(e => new { e.UserId, e.Body }).ToListAsync());
        Assert.Equal(told.Count, emailed.Count);
        Assert.All(told, n => Assert.Single(emailed, e => e.UserId == n.UserId && e.Body.StartsWith(n.Text + "\n", StringComparison.Ordinal)));

        // Still due: the failing item, and the two sent as other items' commands; the next run (the trigger gone) does
        // those three and nothing else.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.PostgreSql
            ? "DROP TRIGGER refuse_key ON \"JobEffects\"" : "DROP TRIGGER refuse_key"));
        var again = await runner.RunAsync(EscalateOverdueMilestones.Job.Id, new EscalateOverdueMilestones.Due(), Command, TestContext.Current.CancellationToken);
        Assert.Equal(new SweepReport(EscalateOverdueMilestones.Job.Id, 3, 3, 0, 0, 0), again);
        Assert.Equal(items.Count, await ConcurrentSweepsTests.KeysAsync(app, "overdue:"));
    }

    private static EscalateOverdueMilestones.Command Command(EscalateOverdueMilestones.Item item) => new(item.RequestId, item.Milestone);

    /// <summary>A trigger that makes inserting <paramref name="key"/> into the ledger fail (not a unique violation: an error).</summary>
    private static Task<int> RefuseKeyAsync(IswPanelApp app, DatabaseProvider provider, string key)
    {
        var literal = key.Replace("'", "''", StringComparison.Ordinal);
        return app.WithDbAsync(async db =>
        {
            // DDL takes no parameters: the key (a GUID and a milestone name of the test's own data) is quoted above.
            var ddl = provider == DatabaseProvider.PostgreSql
                ? $"""
                    CREATE FUNCTION refuse_key() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW."Key" = '{literal}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
                    CREATE TRIGGER refuse_key BEFORE INSERT ON "JobEffects" FOR EACH ROW EXECUTE FUNCTION refuse_key();
                    """
                : $"CREATE TRIGGER refuse_key BEFORE INSERT ON \"JobEffects\" WHEN NEW.\"Key\" = '{literal}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;";
            return await db.Database.ExecuteSqlRawAsync(ddl);
        });
    }
}
