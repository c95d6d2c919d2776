using IswPanel.Data;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Features.Apply;

/// <summary>
/// One app per test class for the application journey's tests. Each test applies with its own email
/// address, so they share it safely; the shared demo app is left alone because applying adds users.
/// </summary>
public sealed class ApplyApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
