using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Notifications;
using IswPanel.Testing;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Tests.Features.Matching;
using IswPanel.Web.Tests.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Notifications;

/// <summary>Categories a user takes as a daily digest wait for one email each morning; safety-critical ones never wait.</summary>
public sealed class DailyDigestTests
{
    private static readonly DateTimeOffset NextMorning = new(2026, 12, 2, 7, 0, 0, TimeSpan.Zero); // 07:00 UK time (GMT)

    [Fact]
    public async Task A_digest_category_is_not_emailed_at_once_and_the_morning_digest_lists_it_once()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var isw = await OutboxScenario.UserIdAsync(app, DemoUsers.Isw(1));
        var quiet = await OutboxScenario.UserIdAsync(app, DemoUsers.Isw(2));
        await OutboxScenario.SetPreferenceAsync(app, isw, NotificationCategories.Offers, EmailDelivery.DailyDigest);
        await OutboxScenario.SetPreferenceAsync(app, quiet, NotificationCategories.Offers, EmailDelivery.DailyDigest);
        var request = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-DIGEST-01");
        var offer = (await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)]))[0];
        using var commissioner = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);
        (await commissioner.PostAsync($"/api/v1/assessment-requests/{request}/cancel", JsonContent.Create(new { reason = "Withdrawn." }),
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var notification = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == isw));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.UserId == isw)));
        Assert.True(await app.WithDbAsync(db => db.OutboxEmails.AnyAsync(e => e.UserId != isw))); // the administrators still get theirs at once

        app.Clock.SetUtcNow(NextMorning);
        Assert.Equal(1, await OutboxScenario.DigestAsync(app.Services));

        var digest = await app.WithDbAsync(db => db.OutboxEmails.SingleAsync(e => e.UserId == isw));
        Assert.Equal(NotificationEmails.DigestCategory, digest.Category);
        Assert.Equal(NotificationEmails.DigestSubject, digest.Subject);
        Assert.Equal(DemoUsers.Isw(1), digest.To);
        Assert.Contains("Offers of work", digest.Body, StringComparison.Ordinal);
        Assert.Contains(notification.Text, digest.Body, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/offers/{offer}", digest.Body, StringComparison.Ordinal); // no request here: App:PublicUrl's fallback
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.UserId == quiet))); // nothing to list, no email

        // Running it again, later the same morning, sends nothing more.
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await OutboxScenario.DigestAsync(app.Services));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.UserId == isw)));

        // The digest is sent like any email: here, as an .eml file (no SMTP host configured).
        await OutboxScenario.DeliverAsync(app.Services, digest.Id);
        var files = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml");
        Assert.Contains(files, f => File.ReadAllText(f).Contains("Subject: " + NotificationEmails.DigestSubject, StringComparison.Ordinal));

        // The next morning lists only what came after this digest: nothing.
        app.Clock.SetUtcNow(NextMorning.AddDays(1));
        Assert.Equal(0, await OutboxScenario.DigestAsync(app.Services));
    }

    [Fact]
    public async Task Safety_critical_notifications_are_emailed_at_once_whatever_the_preference()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var isw = await OutboxScenario.UserIdAsync(app, DemoUsers.Isw(1));
        // The settings page refuses these; a preference stored anyway changes nothing.
        await OutboxScenario.SetPreferenceAsync(app, isw, NotificationCategories.Deadlines, EmailDelivery.DailyDigest);
        await OutboxScenario.SetPreferenceAsync(app, isw, NotificationCategories.Compliance, EmailDelivery.DailyDigest);
        await OutboxScenario.SetPreferenceAsync(app, isw, NotificationCategories.Offers, EmailDelivery.DailyDigest);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            notifier.Tell(isw, NotificationCategories.Deadlines, "Parenting assessment NS-TEST-0001: the viability report is overdue.", "/my-work");
            notifier.Tell(isw, NotificationCategories.Compliance, "Your enhanced DBS check lapses in 7 days.", "/my-evidence");
            notifier.Tell(isw, NotificationCategories.Offers, "You have a new offer: Parenting assessment NS-TEST-0001.", "/offers");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var emails = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.UserId == isw).OrderBy(e => e.Subject).ToListAsync());
        Assert.Equal<string>([NotificationCategories.Compliance, NotificationCategories.Deadlines], emails.Select(e => e.Category).Order());
        Assert.Contains(emails, e => e.Subject == "IswPanel: a deadline needs attention" && e.Body.Contains("overdue", StringComparison.Ordinal));

        // The morning digest lists the offer only; the safety-critical ones were sent already.
        app.Clock.SetUtcNow(NextMorning);
        Assert.Equal(1, await OutboxScenario.DigestAsync(app.Services));
        var digest = await app.WithDbAsync(db => db.OutboxEmails.SingleAsync(e => e.UserId == isw && e.Category == NotificationEmails.DigestCategory));
        Assert.Contains("You have a new offer", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", digest.Body, StringComparison.Ordinal);
    }
}
