using System.Net;
using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Notifications;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Features.Notifications;

/// <summary>/notifications/settings: immediate email or a daily digest per category; safety-critical ones fixed.</summary>
public sealed class NotificationSettingsTests
{
    [Fact]
    public async Task A_user_saves_a_daily_digest_for_offers_and_sees_it_chosen()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var isw = PageClient.For(app);
        await isw.SignInAsync(DemoUsers.Isw(1), DemoUsers.Password);

        var (_, inbox) = await isw.GetPageAsync("/notifications");
        Assert.NotNull(inbox.QuerySelector("a[href='/notifications/settings']"));

        var (response, page) = await isw.GetPageAsync("/notifications/settings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var categories = page.QuerySelectorAll("input[type=hidden][name$='.Category']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal<string?>([NotificationCategories.Offers, NotificationCategories.Assignments, NotificationCategories.Requests, NotificationCategories.Vetting], categories);
        Assert.All(page.QuerySelectorAll("input[type=radio][value=Immediate]"), radio => Assert.True(radio.HasAttribute("checked")));

        var saved = await isw.PostFormAsync("/notifications/settings", "/notifications/settings",
        [
            new("Choices[0].Category", NotificationCategories.Offers), new("Choices[0].Delivery", nameof(EmailDelivery.DailyDigest)),
            new("Choices[1].Category", NotificationCategories.Assignments), new("Choices[1].Delivery", nameof(EmailDelivery.Immediate)),
            new("Choices[2].Category", NotificationCategories.Requests), new("Choices[2].Delivery", nameof(EmailDelivery.Immediate)),
            new("Choices[3].Category", NotificationCategories.Vetting), new("Choices[3].Delivery", nameof(EmailDelivery.Immediate)),
        ]);
        var (path, _, after) = await isw.FollowAsync(saved);

        Assert.Equal("/notifications/settings", path);
        Assert.Contains("saved", after.QuerySelector(".govuk-notification-banner")?.TextContent, StringComparison.Ordinal);
        Assert.True(after.QuerySelector("input[name='Choices[0].Delivery'][value=DailyDigest]")?.HasAttribute("checked"));
        Assert.True(after.QuerySelector("input[name='Choices[1].Delivery'][value=Immediate]")?.HasAttribute("checked"));
        var user = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.Isw(1)).Select(u => u.Id).SingleAsync());
        var stored = await app.WithDbAsync(db => db.NotificationPreferences.Where(p => p.UserId == user).ToDictionaryAsync(p => p.Category, p => p.Delivery));
        Assert.Equal(EmailDelivery.DailyDigest, stored[NotificationCategories.Offers]);
        Assert.Equal(EmailDelivery.Immediate, stored[NotificationCategories.Assignments]);

        // Back to immediate: the stored choice changes, it is not added twice.
        await isw.PostFormAsync("/notifications/settings", "/notifications/settings",
            [new("Choices[0].Category", NotificationCategories.Offers), new("Choices[0].Delivery", nameof(EmailDelivery.Immediate))]);
        Assert.Equal(EmailDelivery.Immediate, await app.WithDbAsync(db => db.NotificationPreferences
            .Where(p => p.UserId == user && p.Category == NotificationCategories.Offers).Select(p => p.Delivery).SingleAsync()));
    }

    [Fact]
    public async Task Safety_critical_categories_are_shown_as_always_immediate_and_cannot_be_put_in_the_digest()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = PageClient.For(app);
        await admin.SignInAsync(DemoUsers.Admin, DemoUsers.Password);

        var (_, page) = await admin.GetPageAsync("/notifications/settings");
        var fixedList = page.QuerySelector("#always-immediate")?.TextContent ?? "";
        Assert.Contains("Deadlines and overdue work", fixedList, StringComparison.Ordinal);
        Assert.Contains("Compliance documents", fixedList, StringComparison.Ordinal);
        Assert.Contains("always emailed", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("input[type=hidden][name$='.Category']"),
            i => NotificationCategories.AlwaysImmediate.Contains(i.GetAttribute("value") ?? ""));

        // A forged form that asks anyway is refused, and the other answers are kept.
        var response = await admin.PostFormAsync("/notifications/settings", "/notifications/settings",
        [
            new("Choices[0].Category", NotificationCategories.Offers), new("Choices[0].Delivery", nameof(EmailDelivery.DailyDigest)),
            new("Choices[1].Category", NotificationCategories.Deadlines), new("Choices[1].Delivery", nameof(EmailDelivery.DailyDigest)),
        ]);
        var refused = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("safety-critical", refused.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.True(refused.QuerySelector("input[name='Choices[0].Delivery'][value=DailyDigest]")?.HasAttribute("checked"));
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationPreferences.CountAsync()));
    }

    [Fact]
    public async Task A_category_left_unanswered_is_asked_for_again()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        using var commissioner = PageClient.For(app);
        await commissioner.SignInAsync(DemoUsers.Northshire, DemoUsers.Password);

        var response = await commissioner.PostFormAsync("/notifications/settings", "/notifications/settings",
        [
            new("Choices[0].Category", NotificationCategories.Offers),
            new("Choices[1].Category", NotificationCategories.Requests), new("Choices[1].Delivery", nameof(EmailDelivery.DailyDigest)),
        ]);
        var page = await PageClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select how you want emails about offers of work.", page.QuerySelector(".govuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("input[name='Choices[1].Delivery'][value=DailyDigest]")?.HasAttribute("checked"));
        Assert.Equal(0, await app.WithDbAsync(db => db.NotificationPreferences.CountAsync()));
    }
}
