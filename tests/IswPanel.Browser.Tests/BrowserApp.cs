using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(IswPanel.Browser.Tests.BrowserApp))]

namespace IswPanel.Browser.Tests;

/// <summary>
/// One real app (Kestrel on a random loopback port, SQLite, demo data) and one headless Chromium, shared by
/// every browser test; each test gets a fresh browser context. Both start on the first test that asks, after
/// <see cref="TestEnvironment.RequireChromium"/> has passed, so a machine without Chromium skips each test
/// (fails it with CI=true) without starting anything.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium as Playwright drives it here: headless, no sandbox (root in CI), nothing fetched from the network.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim starting = new(1, 1);
    private IswPanelApp? app;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private Uri? address;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => address ?? throw new InvalidOperationException("Not started.");

    /// <summary>The app's data directory; its <c>mail</c> folder holds every email the app sent, as .eml files.</summary>
    public string DataDirectory => Started.Database.DataDirectory;

    /// <summary>The app's "today" (its fake clock's UK date), for answers that must be relative to it.</summary>
    public DateOnly Today => Started.Services.GetRequiredService<IswPanel.Domain.Common.IClock>().Today;

    private IswPanelApp Started => app ?? throw new InvalidOperationException("Not started: open a page first.");

    /// <summary>A page in a new browser context (its own cookies and storage). Skips, or fails on CI, without Chromium.</summary>
    public async Task<BrowserPage> OpenAsync()
    {
        var chromium = TestEnvironment.RequireChromium();
        var started = await StartAsync(chromium);
        var context = await started.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await BrowserPage.OpenAsync(context);
    }

    private async Task<IBrowser> StartAsync(string chromium)
    {
        await starting.WaitAsync();
        try
        {
            if (browser is not null) return browser;

            app ??= await StartAppAsync();
            address = ListeningAddress(app);
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
            });
            return browser;
        }
        finally
        {
            starting.Release();
        }
    }

    private static async Task<IswPanelApp> StartAppAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var started = new IswPanelApp(database);
        try
        {
            started.UseKestrel(0);
            started.StartServer(); // migrations and demo data run here
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    private static Uri ListeningAddress(IswPanelApp started)
    {
        var addresses = started.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var http = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("Kestrel reports no http address: " + string.Join(", ", addresses));
        var uri = new Uri(http);
        if (!uri.IsLoopback) throw new InvalidOperationException($"The browser tests' app must listen on loopback only, not {http}.");
        return new UriBuilder(uri) { Path = "/" }.Uri;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
        starting.Dispose();
    }
}
