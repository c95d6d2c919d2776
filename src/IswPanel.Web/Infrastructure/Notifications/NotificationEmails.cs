using System.Globalization;
using System.Text;
using IswPanel.Data.Outbox;
using IswPanel.Domain.Notifications;
using IswPanel.Web.Infrastructure.Configuration;

namespace IswPanel.Web.Infrastructure.Notifications;

/// <summary>Who an email goes to: an enabled user with an address, and the categories they take as a daily digest.</summary>
public sealed record Recipient(Guid UserId, string Email, string Name, IReadOnlySet<string> DigestCategories)
{
    /// <summary>Safety-critical categories are always emailed at once, whatever the user chose.</summary>
    public bool WantsAtOnce(string category) =>
        NotificationCategories.AlwaysImmediate.Contains(category) || !DigestCategories.Contains(category);
}

/// <summary>
/// The wording of notification emails: plain text, the notification's own text (which names a request by case
/// reference and type, never a child's details) and an absolute link. Subjects name only the kind of news.
/// </summary>
public static class NotificationEmails
{
    /// <summary>The outbox category of daily digest emails (notification categories are never this).</summary>
    public const string DigestCategory = "digest";

    public const string DigestSubject = "IswPanel: your daily summary of notifications";

    public const string SettingsPath = "/notifications/settings";

    public static string Subject(string category) => category switch
    {
        NotificationCategories.Offers => "IswPanel: news about an offer of work",
        NotificationCategories.Assignments => "IswPanel: news about an assignment",
        NotificationCategories.Requests => "IswPanel: news about an assessment request",
        NotificationCategories.Vetting => "IswPanel: news about a panel application",
        NotificationCategories.Deadlines => "IswPanel: a deadline needs attention",
        NotificationCategories.Compliance => "IswPanel: a compliance document needs attention",
        _ => "IswPanel: a new notification",
    };

    public static OutboxEmail AtOnce(Recipient to, Notification notification, PublicLinks links) => new()
    {
        UserId = to.UserId,
        To = to.Email,
        ToName = Truncate(to.Name, 200),
        Category = notification.Category,
        Subject = Subject(notification.Category),
        CreatedAt = notification.CreatedAt,
        Body = AtOnceBody(notification, links),
    };

    public static OutboxEmail Digest(Recipient to, IReadOnlyList<Notification> notifications, DateTime since, DateTime now, PublicLinks links)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Your IswPanel notifications since {since.ToUkTime():d MMMM yyyy 'at' HH:mm}:").Append('\n');
        foreach (var group in notifications.GroupBy(n => n.Category))
        {
            body.Append('\n').Append(NotificationCategories.DisplayName(group.Key)).Append('\n');
            foreach (var n in group.OrderBy(n => n.CreatedAt))
            {
                body.Append(CultureInfo.InvariantCulture, $"- {n.Text}").Append('\n');
                if (!string.IsNullOrWhiteSpace(n.Link)) body.Append("  ").Append(Absolute(n.Link, links)).Append('\n');
            }
        }

        body.Append('\n')
            .Append("You chose a daily summary for these notifications. To change how you get them, visit ")
            .Append(links.Absolute(SettingsPath)).Append('\n');
        return new OutboxEmail
        {
            UserId = to.UserId,
            To = to.Email,
            ToName = Truncate(to.Name, 200),
            Category = DigestCategory,
            Subject = DigestSubject,
            CreatedAt = now,
            Body = body.ToString(),
        };
    }

    private static string AtOnceBody(Notification notification, PublicLinks links)
    {
        var body = new StringBuilder().Append(notification.Text).Append('\n');
        if (!string.IsNullOrWhiteSpace(notification.Link))
            body.Append('\n').Append("Open it in IswPanel:").Append('\n').Append(Absolute(notification.Link, links)).Append('\n');
        body.Append('\n').Append(NotificationCategories.AlwaysImmediate.Contains(notification.Category)
            ? "This is safety-critical, so it is always emailed at once."
            : "To get these in one email each morning instead, visit " + links.Absolute(SettingsPath)).Append('\n');
        return body.ToString();
    }

    private static string Absolute(string link, PublicLinks links) =>
        link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? link
            : links.Absolute(link.StartsWith('/') ? link : "/" + link);

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
