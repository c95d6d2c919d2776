namespace IswPanel.Data.Identity;

/// <summary>
/// A server-side sign-in session. The cookie (or API token) carries only the session's id; the session
/// row decides whether it is still alive, so sign-out, a password change or disabling the account ends it
/// everywhere at once, and idle and absolute timeouts are enforced on the server, not trusted to the browser.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public Guid Id { get; private init; }
    public Guid UserId { get; private init; }
    public DateTime CreatedAt { get; private init; }
    public DateTime LastSeenAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    /// <summary>Why the session ended: "signed-out", "idle", "absolute", "password-changed", "disabled".</summary>
    public string? EndReason { get; private set; }

    public string? IpAddress { get; private init; }
    public string? UserAgent { get; private init; }

    public static UserSession Start(Guid userId, DateTime now, string? ipAddress, string? userAgent) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        CreatedAt = now,
        LastSeenAt = now,
        IpAddress = ipAddress is null ? null : Truncate(ipAddress, 64),
        UserAgent = userAgent is null ? null : Truncate(userAgent, 200),
    };

    public bool IsActive => EndedAt is null;

    public void Touch(DateTime now) => LastSeenAt = now;

    public void End(DateTime now, string reason)
    {
        if (EndedAt is not null) return;
        EndedAt = now;
        EndReason = reason;
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
