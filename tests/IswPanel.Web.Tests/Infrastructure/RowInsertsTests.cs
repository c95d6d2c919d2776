using IswPanel.Data;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Assessments;
using IswPanel.Domain.Notifications;
using IswPanel.Testing;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Tests.Infrastructure;

/// <summary>Rows inserted in bulk are stored exactly as SaveChanges would store them, and only if their transaction commits.</summary>
public sealed class RowInsertsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_column_of_every_row_reads_back_as_written(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var user = await app.WithDbAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync());
        var at = new DateTime(2026, 12, 1, 9, 30, 15, 123, DateTimeKind.Utc);
        // More rows than one multi-row statement takes (16,000 parameters over 11 columns), some values null.
        var emails = Enumerable.Range(0, 1_600).Select(i => new OutboxEmail
        {
            UserId = i % 3 == 0 ? null : user,
            To = $"person{i}@example.test",
            ToName = i % 2 == 0 ? "Siân O'Neill-Ṡmith" : "",
            Subject = "IswPanel: a deadline needs attention",
            Body = $"Line one {i}\nLine \"two\"; DROP TABLE x; --",
            Category = "deadlines",
            CreatedAt = at.AddSeconds(i),
            SentAt = i % 5 == 0 ? at.AddMinutes(i) : null,
            Attempts = i % 4,
            LastError = i % 7 == 0 ? "timeout" : null,
        }).ToList();
        var notifications = Enumerable.Range(0, 300)
            .Select(i => Notification.To(user, NotificationCategories.Deadlines, $"Overdue {i}: PO-{i:00000}", $"/requests/{i}", at.AddMilliseconds(i)))
            .ToList();

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertRowsAsync(emails, CancellationToken.None);
            await db.InsertRowsAsync(notifications, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });

        var stored = await app.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Category == "deadlines").ToDictionaryAsync(e => e.Id));
        Assert.Equal(emails.Count, stored.Count);
        foreach (var email in emails)
        {
            var read = stored[email.Id];
            Assert.Equal((email.UserId, email.To, email.ToName, email.Subject, email.Body, email.Category), (read.UserId, read.To, read.ToName, read.Subject, read.Body, read.Category));
            Assert.Equal((email.CreatedAt, email.SentAt, email.Attempts, email.LastError, email.GaveUpAt), (read.CreatedAt, read.SentAt, read.Attempts, read.LastError, read.GaveUpAt));
        }

        var texts = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Text.StartsWith("Overdue ")).ToDictionaryAsync(n => n.Id));
        Assert.Equal(notifications.Count, texts.Count);
        Assert.All(notifications, n => Assert.Equal((n.UserId, n.Category, n.Text, n.Link, n.CreatedAt, n.ReadAt),
            (texts[n.Id].UserId, texts[n.Id].Category, texts[n.Id].Text, texts[n.Id].Link, texts[n.Id].CreatedAt, texts[n.Id].ReadAt)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_key_the_database_numbers_is_left_to_it(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var request = await app.WithDbAsync(db => db.AssessmentRequests.OrderBy(r => r.CaseReference).Select(r => r.Id).FirstAsync());
        var user = await app.WithDbAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync());
        var before = await app.WithDbAsync(db => db.RequestEvents.MaxAsync(e => (long?)e.Id)) ?? 0;
        var at = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);
        var history = Enumerable.Range(0, 3).Select(i => RequestEvent.Record(request, at.AddMinutes(i), i == 0 ? null : user, $"Bulk {i}")).ToList();

        await app.WithDbAsync(async db =>
        {
            await db.InsertRowsAsync(history, CancellationToken.None);
            return 0;
        });

        var stored = await app.WithDbAsync(db => db.RequestEvents.AsNoTracking().Where(e => e.What.StartsWith("Bulk ")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(history.Select(h => (h.AssessmentRequestId, h.At, h.ActorUserId, h.What)), stored.Select(e => (e.AssessmentRequestId, e.At, e.ActorUserId, e.What)));
        Assert.All(stored, e => Assert.True(e.Id > before, "The database numbers new rows after the ones it has."));
        Assert.Equal(3, stored.Select(e => e.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rows_inserted_in_a_transaction_that_rolls_back_are_not_stored(DatabaseProvider provider)
    {
        await using var app = await IswPanelApp.StartAsync(provider);
        var user = await app.WithDbAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync());
        var before = await app.WithDbAsync(db => db.Notifications.CountAsync());

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertRowsAsync([Notification.To(user, NotificationCategories.Deadlines, "Never kept", "/", DateTime.UtcNow)], CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });

        Assert.Equal(before, await app.WithDbAsync(db => db.Notifications.CountAsync()));
    }
}
