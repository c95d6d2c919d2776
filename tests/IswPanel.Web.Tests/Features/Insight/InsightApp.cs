using IswPanel.Data;
using IswPanel.Domain.Calendar;
using IswPanel.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IswPanel.Web.Tests.Features.Insight;

/// <summary>The insight tests share one app: each app holds file watchers, and a test process may only have so many.</summary>
[CollectionDefinition(Name)]
public sealed class InsightCollection : ICollectionFixture<InsightApp>
{
    public const string Name = "Insight";
}

/// <summary>One app (demo data, SQLite) with <see cref="InsightData"/> seeded, shared by the insight tests: they only read, except the plan tests, which write plans no figure reads.</summary>
public sealed class InsightApp : IAsyncLifetime
{
    private IswPanelApp? app;
    private InsightData.World? world;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");
    internal InsightData.World World => world ?? throw new InvalidOperationException("Not seeded.");

    public async ValueTask InitializeAsync()
    {
        app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);
        world = await InsightData.SeedAsync(app);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    /// <summary>Runs a figure against the app's database.</summary>
    public Task<T> FigureAsync<T>(Func<AppDbContext, WorkingDayCalendar, Task<T>> figure) =>
        FigureAsync(App, figure);

    public static async Task<T> FigureAsync<T>(IswPanelApp app, Func<AppDbContext, WorkingDayCalendar, Task<T>> figure)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await figure(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>());
    }
}
