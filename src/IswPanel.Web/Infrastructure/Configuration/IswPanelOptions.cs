using IswPanel.Data;

namespace IswPanel.Web.Infrastructure.Configuration;

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start. DBAs who apply db/scripts by hand set this to false.</summary>
    public bool ApplyMigrationsOnStart { get; set; } = true;

    /// <summary>Where the SQLite database, uploaded files and dropped emails live; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}

/// <summary>Section "Security".</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Panel administrators and QA reviewers must use two-factor sign-in.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    public TimeSpan ApiTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A sign-in session ends after this long without a request (server-side; the cookie slides too).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A sign-in session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Section "Security:RateLimits": attempts per client IP address in a fixed window.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}

/// <summary>Section "Security:RateLimits".</summary>
public sealed class RateLimitOptions
{
    /// <summary>POST /account/sign-in and the second-factor step.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>POST /api/v1/auth/token.</summary>
    public RateLimit ApiToken { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>The panel application's anonymous POSTs (creating an account, sending the email again).</summary>
    public RateLimit Apply { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>Section "Smtp". Without a host, messages are written as .eml files to the pickup directory.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@iswpanel.test";
    public string FromName { get; set; } = "IswPanel";

    /// <summary>Folder for .eml files when no host is set; relative to the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";
}

/// <summary>Section "Hangfire".</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary>"Database" follows Database:Provider; "InMemory" is for tests.</summary>
    public string Storage { get; set; } = "Database";

    /// <summary>Run a Hangfire server in this process (turn off on web-only instances or in tests).</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = 2;
}
