using IswPanel.Data;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Features.Requests;

/// <summary>
/// An app with the demo data of its own for one test class, so the requests, cancellations and notifications
/// its tests make never change what the shared demo app's tests count.
/// </summary>
public sealed class RequestsApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
