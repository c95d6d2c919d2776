namespace IswPanel.Domain.Notifications;

public static class NotificationCategories
{
    public const string Offers = "offers";
    public const string Assignments = "assignments";
    public const string Requests = "requests";
    public const string Vetting = "vetting";
    public const string Deadlines = "deadlines";
    public const string Compliance = "compliance";

    public static readonly IReadOnlyList<string> All = [Offers, Assignments, Requests, Vetting, Deadlines, Compliance];

    /// <summary>Safety-critical: always emailed at once, whatever the user's digest choice (overdue work, suspension).</summary>
    public static readonly IReadOnlyList<string> AlwaysImmediate = [Deadlines, Compliance];

    public static string DisplayName(string category) => category switch
    {
        Offers => "Offers of work",
        Assignments => "Assignments",
        Requests => "Assessment requests",
        Vetting => "Panel applications and vetting",
        Deadlines => "Deadlines and overdue work",
        Compliance => "Compliance documents",
        _ => category,
    };
}

/// <summary>
/// A message in a user's in-app inbox. Text names requests by case reference and type, never a child's
/// details, and links to the page.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public string Category { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public static Notification To(Guid userId, string category, string text, string link, DateTime at) =>
        new() { UserId = userId, Category = category, Text = text.Length > 500 ? text[..500] : text, Link = link, CreatedAt = at };

    public void MarkRead(DateTime at) => ReadAt ??= at;
}
