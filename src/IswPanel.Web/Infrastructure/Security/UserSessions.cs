using System.Security.Claims;
using IswPanel.Data;
using IswPanel.Data.Identity;
using IswPanel.Web.Infrastructure.Auth;
using IswPanel.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Security;

/// <summary>Why a session ended, as stored in <see cref="UserSession.EndReason"/>.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string Idle = "idle";
    public const string Absolute = "absolute";
    public const string PasswordChanged = "password-changed";
    public const string Disabled = "disabled";
}

/// <summary>
/// Server-side sign-in sessions (ADR 0009). Every sign-in starts a row; the cookie or API token carries its id
/// in the <see cref="AppClaimTypes.SessionId"/> claim; every request checks the row is still open and within
/// the idle and absolute timeouts. Writes go straight to the database (like Identity's UserManager), never
/// through the request's unit of work, so a session is never half-saved with someone else's changes.
/// </summary>
public sealed class UserSessions(AppDbContext db, DbContextOptions<AppDbContext> dbOptions, TimeProvider time,
    IOptions<SecurityOptions> options, IHttpContextAccessor http, ILogger<UserSessions> logger)
{
    /// <summary>LastSeenAt is written at most this often, not on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Guid> StartAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var request = http.HttpContext?.Request;
        var session = UserSession.Start(userId, Now, request?.HttpContext.Connection.RemoteIpAddress?.ToString(),
            request?.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
        await using var separate = new AppDbContext(dbOptions);
        separate.UserSessions.Add(session);
        await separate.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Null when the principal's session is alive (and marks it seen); otherwise why it is not, having ended it.
    /// A principal without a session claim (a cookie from before sessions existed) is not alive either.
    /// </summary>
    public async Task<string?> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (SessionId(principal) is not { } sessionId || UserId(principal) is not { } userId) return "no-session";

        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.CreatedAt, s.LastSeenAt, s.EndedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null) return "unknown";
        if (session.EndedAt is not null) return "ended";

        var now = Now;
        var security = options.Value;
        var expired = now - session.CreatedAt >= security.AbsoluteTimeout ? SessionEndReasons.Absolute
            : now - session.LastSeenAt >= security.IdleTimeout ? SessionEndReasons.Idle
            : null;
        if (expired is not null)
        {
            await EndAsync(sessionId, expired, cancellationToken);
            logger.LogInformation("Session {SessionId} of user {UserId} ended: {Reason}", sessionId, userId, expired);
            return expired;
        }

        if (now - session.LastSeenAt >= TouchInterval)
            await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        return null;
    }

    public Task EndAsync(Guid sessionId, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }

    /// <summary>Ends the session of this principal, if it has one (sign-out).</summary>
    public async Task EndCurrentAsync(ClaimsPrincipal principal, string reason, CancellationToken cancellationToken = default)
    {
        if (SessionId(principal) is { } sessionId) await EndAsync(sessionId, reason, cancellationToken);
    }

    /// <summary>Ends every open session of the user: password changed or reset, account disabled.</summary>
    public Task<int> EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        return db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
    }

    public static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(AppClaimTypes.SessionId), out var id) ? id : null;

    private static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
