using IswPanel.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IswPanel.Testing;

/// <summary>
/// The real application, in Development with its demo data, on a test database. Hangfire keeps jobs in
/// memory and runs no server unless a test asks; the clock is a fake the test can move.
/// </summary>
public class IswPanelApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = true)
    : WebApplicationFactory<Program>
{
    /// <summary>The demo data's "today" is the fake clock's: a fixed weekday so tests are reproducible.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Clients talk https, as browsers do in production: the app's cookies are Secure and "__Host-".</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    // Each app would otherwise watch its settings files and (for asp-append-version) its static files with inotify;
    // a suite starts hundreds of apps and the machine's inotify instances run out, after which a new app answers 500
    // on its first page. Tests never edit settings, and polling watchers use no inotify instance.
    static IswPanelApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    public FakeTimeProvider Clock { get; } = new(DefaultNow);
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ClientOptions.BaseAddress = BaseAddress;
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:IswPanel", Database.ConnectionString);
        builder.UseSetting("Database:DataDirectory", Database.DataDirectory);
        builder.UseSetting("Hangfire:Storage", "InMemory");
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false");
        // Tests change records and look again at once; the cache has its own test (InsightCacheTests).
        builder.UseSetting("Insight:CacheSeconds", "0");
        // The suite signs in hundreds of times from one TestServer (no client IP); the rate-limit test sets its own.
        foreach (var limit in new[] { "SignIn", "ApiToken", "Apply" })
            builder.UseSetting($"Security:RateLimits:{limit}:PermitLimit", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Each test app seeds 16 demo accounts; production's 100,000 PBKDF2 iterations would make that the
            // slowest part of the suite without testing anything more.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    /// <summary>Runs a query against the app's database in a scope of its own (no tenancy applies here).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A second instance of the app on the same database, as a second web server would be.</summary>
    public IswPanelApp SecondInstance()
    {
        var second = new IswPanelApp(Database, settings, ownsDatabase: false);
        _ = second.Services;
        return second;
    }

    public static async Task<IswPanelApp> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var app = new IswPanelApp(database, settings);
        _ = app.Services; // build the host now: migrations and demo data run here, not inside the first test
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase) await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
