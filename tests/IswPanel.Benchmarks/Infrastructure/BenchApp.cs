using IswPanel.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IswPanel.Benchmarks.Infrastructure;

/// <summary>
/// The real application, in process, on a generated database: no demo data, Hangfire in memory without a server (the
/// benchmark runs the jobs itself), warnings-only logging, and the data's clock (2026-12-01 09:30Z). Every SQL command
/// EF Core sends passes through <see cref="Commands"/>.
/// </summary>
public sealed class BenchApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "iswpanel-bench", Guid.NewGuid().ToString("N"));

    // The web project's folder (views, wwwroot, settings), found from the build output: the benchmark may run from
    // anywhere, and WebApplicationFactory's own guess assumes a test project beside the solution file.
    static BenchApp()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IswPanel.sln"))) directory = directory.Parent;
        if (directory is not null)
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ISWPANEL_WEB", Path.Combine(directory.FullName, "src", "IswPanel.Web"));
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public CommandLog Commands { get; } = new();

    /// <summary>Transactions and savepoints, which <see cref="Commands"/> does not see (B4a counts both).</summary>
    public Deadlines.TransactionLog Transactions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:IswPanel", connectionString);
        builder.UseSetting("Database:DataDirectory", dataDirectory);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Hangfire:Storage", "InMemory");
        builder.UseSetting("Hangfire:RunServer", "false");
        builder.ConfigureLogging(logging => logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Error));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(Commands, Transactions));
        });
    }

    /// <summary>Builds the host now (start-up checks the migrations), outside any measurement.</summary>
    public static BenchApp Start(DatabaseProvider provider, string connectionString)
    {
        var app = new BenchApp(provider, connectionString);
        _ = app.Services;
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }
}
