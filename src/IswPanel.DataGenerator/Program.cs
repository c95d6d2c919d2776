using System.Globalization;
using IswPanel.Data;

namespace IswPanel.DataGenerator;

/// <summary>Command line: dotnet run -c Release --project src/IswPanel.DataGenerator -- --provider postgres --connection "Host=...;Database=iswpanel_scale" --seed 42</summary>
/// <remarks>A named class rather than top-level statements, so it does not clash with the web application's Program in the tests.</remarks>
internal static class Cli
{
    private const string Usage = """
        Fills an empty IswPanel database with realistic, reproducible data (docs/performance.md, "Data at scale").

          --provider sqlite|postgres|sqlserver   the database (default sqlite)
          --connection "<connection string>"    default for sqlite: Data Source=iswpanel-scale.db
          --seed <n>                             default 42; the same seed and sizes give the same data
          --isws <n>                             default 10000
          --authorities <n>                      default 150
          --requests <n>                         default 100000
          --today yyyy-MM-dd                     the app's "today" (default 2026-12-01, the tests' clock; now is 09:30Z)
          --reset                                drop and re-create a database that already holds data
          --batch-size <n>                       requests per transaction (default 2000)
          --ef                                   write through EF Core SaveChanges instead of the bulk path
                                                 (prepared INSERTs on SQLite, binary COPY on PostgreSQL)
          --dry-run                              generate without writing (no database): generation speed alone
          --fingerprint                          print a digest of the generated content afterwards (slow on big data)
        """;

    public static async Task<int> Main(string[] args)
    {
        var parsed = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Unexpected argument: {arg}\n\n{Usage}");
                return 2;
            }
            var isSwitch = arg is "--reset" or "--ef" or "--fingerprint" or "--dry-run" or "--help";
            parsed[arg[2..]] = isSwitch ? "true" : i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
        }

        if (parsed.ContainsKey("help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var provider = (parsed.GetValueOrDefault("provider") ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.PostgreSql,
            "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
            var other => throw new ArgumentException($"Unknown provider {other}: use sqlite, postgres or sqlserver."),
        };
        var connection = parsed.GetValueOrDefault("connection")
            ?? (provider == DatabaseProvider.Sqlite ? "Data Source=iswpanel-scale.db" : throw new ArgumentException("--connection is needed for " + provider + "."));

        int Number(string name, int fallback) =>
            parsed.TryGetValue(name, out var value) ? int.Parse(value!, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        var options = new ScaleDataOptions
        {
            Provider = provider,
            ConnectionString = connection,
            Seed = parsed.TryGetValue("seed", out var seed) ? long.Parse(seed!, CultureInfo.InvariantCulture) : 42,
            Isws = Number("isws", ScaleDataOptions.DefaultIsws),
            Authorities = Number("authorities", ScaleDataOptions.DefaultAuthorities),
            Requests = Number("requests", ScaleDataOptions.DefaultRequests),
            Today = parsed.TryGetValue("today", out var today)
                ? DateOnly.ParseExact(today!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : ScaleDataOptions.DefaultToday,
            Reset = parsed.ContainsKey("reset"),
            BatchSize = Number("batch-size", 2_000),
            FastWriter = !parsed.ContainsKey("ef"),
            DryRun = parsed.ContainsKey("dry-run"),
        };

        Console.WriteLine($"Generating into {provider} ({Environment.ProcessorCount} processors): {options.Isws:N0} ISWs, {options.Authorities:N0} authorities, {options.Requests:N0} requests, seed {options.Seed}.");
        try
        {
            var report = await ScaleDataGenerator.GenerateAsync(options, Console.Out);
            report.Print(Console.Out);
            if (parsed.ContainsKey("fingerprint") && !options.DryRun)
            {
                var fingerprint = await ScaleDataFingerprint.ComputeAsync(provider, connection);
                Console.WriteLine($"\nFingerprint: {fingerprint.Digest}");
            }
            return 0;
        }
        catch (InvalidOperationException refused) when (refused.Message.StartsWith("The database already holds data", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(refused.Message);
            return 1;
        }
    }
}
