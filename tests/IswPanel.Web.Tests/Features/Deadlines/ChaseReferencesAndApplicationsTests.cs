using IswPanel.Data;
using IswPanel.Testing;
using IswPanel.Web.Features.Deadlines;
using IswPanel.Web.Features.Panel.Jobs;
using Microsoft.EntityFrameworkCore;
using static IswPanel.Web.Tests.Features.Deadlines.DeadlineScenario;

namespace IswPanel.Web.Tests.Features.Deadlines;

public sealed class ChaseReferencesAndApplicationsTests
{
    private static Task<SweepReport> ChaseReferencesAsync(IswPanelApp app) => RunAsync<ChaseReferences.Job>(app, (j, ct) => j.RunAsync(ct));

    private static Task<SweepReport> ChaseApplicationsAsync(IswPanelApp app) => RunAsync<ChaseStalledApplications.Job>(app, (j, ct) => j.RunAsync(ct));

    private static Task<int> NameRefereeAsync(IswPanelApp app, string memberName, string refereeName) =>
        app.WithDbAsync(async db =>
        {
            var member = await db.IswProfiles.Include(p => p.Referees).SingleAsync(p => p.FullName == memberName);
            var referee = member.NameReferee(refereeName, "referee@example.org", "Brighton Children's Services", "Team manager", true, null,
                app.Clock.GetUtcNow().UtcDateTime);
            db.Referees.Add(referee);
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task A_reference_not_received_5_working_days_after_the_referee_was_named_is_chased_once()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        await NameRefereeAsync(app, "James Allen", "Dana Whitmore");   // under review: chased
        await NameRefereeAsync(app, "Amara Okonkwo", "Lee Harper");    // already on the panel: not chased
        const string applicantText = "Your reference from Dana Whitmore (Brighton Children's Services) has not arrived 5 working days after you named them.";
        const string adminText = "The reference from Dana Whitmore (Brighton Children's Services) for James Allen has not arrived 5 working days after it was asked for.";

        // Named on Tuesday 1 December: 5 working days later is Tuesday 8 December.
        MoveTo(app, new DateOnly(2026, 12, 7));
        Assert.Equal(0, (await ChaseReferencesAsync(app)).Found);

        MoveTo(app, new DateOnly(2026, 12, 8));
        Assert.Equal(1, (await ChaseReferencesAsync(app)).Done);
        Assert.Equal(0, (await ChaseReferencesAsync(app)).Found);
        MoveTo(app, new DateOnly(2026, 12, 15));
        Assert.Equal(0, (await ChaseReferencesAsync(app)).Found);

        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Isw(4), applicantText));
        Assert.Equal(1, await MessagesAsync(app, DemoUsers.Admin, adminText));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Admin, "Lee Harper"));
        Assert.Equal(0, await MessagesAsync(app, DemoUsers.Isw(1), "Lee Harper"));
    }

    [Fact]
    public async Task An_application_left_for_5_working_days_is_chased_once_and_again_after_a_later_pause()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite);
        const string email = "rosa.lindgren@example.org";
        var application = await StartedApplicationAsync(app, email);
        const string reminder = "You started an application to join the panel on 1 December 2026 and have not finished it.";

        MoveTo(app, new DateOnly(2026, 12, 7));
        Assert.Equal(0, (await ChaseApplicationsAsync(app)).Found);
        MoveTo(app, new DateOnly(2026, 12, 8));
        Assert.Equal(1, (await ChaseApplicationsAsync(app)).Done);
        Assert.Equal(0, (await ChaseApplicationsAsync(app)).Found);
        Assert.Equal(1, await MessagesAsync(app, email, reminder));

        // Back on Wednesday 9 December, then silent again: chased again on Wednesday 16 December, not before.
        MoveTo(app, new DateOnly(2026, 12, 9));
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.PanelApplications.SingleAsync(a => a.Id == application);
            tracked.SaveAnswers("{\"contact\":{\"phone\":\"07700 900123\"}}", app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        MoveTo(app, new DateOnly(2026, 12, 15));
        await ChaseApplicationsAsync(app);
        Assert.Equal(1, await MessagesAsync(app, email, reminder));
        MoveTo(app, new DateOnly(2026, 12, 16));
        await ChaseApplicationsAsync(app);
        await ChaseApplicationsAsync(app);
        Assert.Equal(2, await MessagesAsync(app, email, reminder));

        // A submitted application is never chased.
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.PanelApplications.SingleAsync(a => a.Id == application);
            tracked.MarkSubmitted(await db.IswProfiles.Select(p => p.Id).FirstAsync(), app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        MoveTo(app, new DateOnly(2027, 1, 29));
        Assert.Equal(0, (await ChaseApplicationsAsync(app)).Found);
    }
}
