using IswPanel.Data;
using IswPanel.Testing;

namespace IswPanel.Web.Tests.Features.Qa;

/// <summary>An app with demo data of its own for the QA test classes: reviews and releases change requests.</summary>
public sealed class QaApp : IAsyncLifetime
{
    private IswPanelApp? app;

    public IswPanelApp App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => app = await IswPanelApp.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
