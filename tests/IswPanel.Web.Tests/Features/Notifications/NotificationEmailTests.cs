using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Domain.Common;
using IswPanel.Domain.Notifications;
using IswPanel.Domain.Security;
using IswPanel.Testing;
using IswPanel.Web.Features.Requests;
using IswPanel.Web.Infrastructure.Audit;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Notifications;
using IswPanel.Web.Infrastructure.Pipeline;
using IswPanel.Web.Infrastructure.Results;
using IswPanel.Web.Tests.Features.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Notifications;

/// <summary>A notification is emailed through the outbox table, written in the same unit of work.</summary>
public sealed class NotificationEmailTests
{
    [Fact]
    public async Task A_notification_in_an_immediate_category_writes_one_outbox_email_in_the_same_unit_of_work()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app, caseReference: "NS-MAIL-0001");
        var offer = (await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)]))[0];
        using var commissioner = await ApiClients.SignedInAsync(app, DemoUsers.Northshire, DemoUsers.Password);

        var response = await commissioner.PostAsync($"/api/v1/assessment-requests/{request}/cancel",
            JsonContent.Create(new { reason = "The court withdrew the direction." }), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var isw = await UserAsync(app, DemoUsers.Isw(1));
        var notification = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == isw));
        var email = await app.WithDbAsync(db => db.OutboxEmails.SingleAsync(e => e.UserId == isw));
        Assert.Equal(NotificationCategories.Offers, notification.Category);
        Assert.Equal(DemoUsers.Isw(1), email.To);
        Assert.Equal(NotificationCategories.Offers, email.Category);
        Assert.Equal(notification.CreatedAt, email.CreatedAt);
        Assert.Equal("IswPanel: news about an offer of work", email.Subject);
        Assert.Contains(notification.Text, email.Body, StringComparison.Ordinal);
        Assert.Contains($"https://localhost/offers/{offer}", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("NS-MAIL-0001", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("T.K.", email.Subject + email.Body, StringComparison.Ordinal); // the child's initials
        Assert.Null(email.SentAt);

        // The administrators were told too, each by one email.
        var adminNotifications = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Category == NotificationCategories.Requests));
        var adminEmails = await app.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Category == NotificationCategories.Requests));
        Assert.True(adminNotifications > 0);
        Assert.Equal(adminNotifications, adminEmails);
    }

    [Fact]
    public async Task A_command_that_fails_when_it_is_saved_writes_neither_its_notifications_nor_their_emails()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var request = await MatchingScenario.SubmittedRequestAsync(app);
        await MatchingScenario.OffersAsync(app, request, [await MatchingScenario.IswIdAsync(app, 1)]);
        var commissioner = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.Northshire));

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await db.AssessmentRequests.SingleAsync(r => r.Id == request); // this unit of work has read the request...
        await app.WithDbAsync(other => other.AssessmentRequests.Where(r => r.Id == request) // ...and someone else changes it
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, Guid.NewGuid()), TestContext.Current.CancellationToken));
        var handler = new CancelRequest.Handler(db, new FixedCurrentUser(commissioner.Id, [Roles.Commissioner], commissioner.AuthorityId),
            services.GetRequiredService<IClock>(), services.GetRequiredService<Notifier>(), services.GetRequiredService<IAuditLog>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.Features.Retention.RetentionOptions>>());
        var unitOfWork = new UnitOfWorkBehavior<CancelRequest.Command, Result<Done>>(db);

        var result = await unitOfWork.Handle(new CancelRequest.Command { Id = request, Reason = "No longer needed." },
            (command, cancellationToken) => handler.Handle(command, cancellationToken), TestContext.Current.CancellationToken);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(0, await app.WithDbAsync(other => other.Notifications.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(other => other.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task A_command_that_fails_writes_neither_its_notifications_nor_their_emails()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var admin = await UserAsync(app, DemoUsers.Admin);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var unitOfWork = new UnitOfWorkBehavior<CancelRequest.Command, Result<Done>>(db);

        var result = await unitOfWork.Handle(new CancelRequest.Command(), async (_, cancellationToken) =>
        {
            await notifier.TellAdministratorsAsync(NotificationCategories.Requests, "Parenting assessment NS-TEST-0001 has been cancelled.", "/requests", cancellationToken);
            notifier.Tell(admin, NotificationCategories.Offers, "Parenting assessment NS-TEST-0001: an offer lapsed.", "/requests");
            return Failure.Conflict("Not today.");
        }, TestContext.Current.CancellationToken);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken); // a later save in the same scope carries nothing either

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(0, await app.WithDbAsync(other => other.Notifications.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(other => other.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task A_disabled_user_is_told_in_the_inbox_but_not_emailed()
    {
        await using var app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        var isw = await UserAsync(app, DemoUsers.Isw(2));
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == isw).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsDisabled, true)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Notifier>().Tell(isw, NotificationCategories.Assignments, "Parenting assessment NS-TEST-0001 is yours.", "/my-work");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == isw)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxEmails.CountAsync()));
    }

    private static Task<Guid> UserAsync(IswPanelApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
