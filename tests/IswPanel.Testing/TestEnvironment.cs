using Xunit;

namespace IswPanel.Testing;

/// <summary>
/// What the machine offers the tests. On a bare machine, tests that need PostgreSQL or Chromium skip
/// and say how to enable them; with CI=true they fail instead, so CI can never pass by skipping.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "ISWPANEL_TEST_POSTGRES";
    public const string ChromiumVariable = "ISWPANEL_CHROMIUM";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A PostgreSQL connection string whose user may create databases, or a skip (a failure on CI).</summary>
    public static string RequirePostgres()
    {
        var connectionString = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(connectionString)) return connectionString;
        Unavailable($"PostgreSQL is not configured. Set {PostgresVariable} to a connection string whose user can create databases, " +
            "e.g. \"Host=localhost;Username=postgres;Password=postgres\" (.ci/run does this).");
        return "";
    }

    /// <summary>The Chromium executable for Playwright, or a skip (a failure on CI).</summary>
    public static string RequireChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (!string.IsNullOrWhiteSpace(candidate) && File.Exists(candidate)) return candidate;
        Unavailable($"Chromium was not found. Install Debian's chromium (apt-get install chromium) or set {ChromiumVariable} to its path.");
        return "";
    }

    private static void Unavailable(string reason)
    {
        if (IsCi) Assert.Fail($"CI=true, so this test may not skip: {reason}");
        Assert.Skip(reason);
    }
}
