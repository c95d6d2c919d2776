using IswPanel.Data;
using IswPanel.Testing;

[assembly: AssemblyFixture(typeof(IswPanel.Web.Tests.DemoApp))]

namespace IswPanel.Web.Tests;

/// <summary>
/// One app with the demo data on SQLite, shared by tests that only read or that change nothing another
/// test depends on. Tests that lock accounts or change settings start their own app.
/// </summary>
public sealed class DemoApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
