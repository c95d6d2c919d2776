using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using IswPanel.Data;
using IswPanel.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IswPanel.Web.Tests.Security;

/// <summary>
/// Outside Development an exception shows the generic error page (or problem+json) with a reference and
/// nothing of the exception; the log has the exception under the same reference.
/// </summary>
public sealed class ErrorPageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task An_exception_shows_a_reference_that_is_in_the_log_and_no_exception_detail(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = new ProductionLikeApp(database);
        using var client = PageClient.For(app);

        var (page, html) = await client.GetPageAsync("/test-only/throw");
        var api = await client.Http.GetAsync("/api/v1/test-only/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var body = await page.Content.ReadAsStringAsync();
        Assert.Equal("Sorry, there is a problem with the service", html.QuerySelector("h1")?.TextContent.Trim());
        var reference = html.QuerySelector("main strong")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(reference));
        AssertNoDetail(body);
        SecurityAssertions.HasSecurityHeaders(page, "500 page");

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        var apiReference = problem?["traceId"].ToString();
        Assert.False(string.IsNullOrEmpty(apiReference));
        AssertNoDetail(await api.Content.ReadAsStringAsync());

        var logged = app.Logs.Where(l => l.Exception?.Message.StartsWith(ThrowingController.Secret, StringComparison.Ordinal) == true).Select(l => l.Message).ToList();
        Assert.Contains(logged, m => m.Contains(reference!, StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains(apiReference!, StringComparison.Ordinal));
        Assert.NotEqual(reference, apiReference);
    }

    private static void AssertNoDetail(string body)
    {
        Assert.DoesNotContain(ThrowingController.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingController", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    /// <summary>The app as it runs in production, plus one test-only route that throws.</summary>
    private sealed class ProductionLikeApp(TestDatabase database) : IswPanelApp(database)
    {
        public ConcurrentBag<(string Message, Exception? Exception)> Logs { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(Environments.Production);
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
            // The test assembly's only controller is ThrowingController.
            builder.ConfigureServices(services => services.AddControllers().AddApplicationPart(typeof(ThrowingController).Assembly));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentBag<(string, Exception?)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentBag<(string, Exception?)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) logs.Add((formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>Registered only by <see cref="ErrorPageTests"/>'s app: production code has no route that throws.</summary>
[AllowAnonymous]
public sealed class ThrowingController : ControllerBase
{
    public const string Secret = "Secret detail: connection string Password=hunter2";

    [HttpGet("/test-only/throw")]
    public IActionResult Page() => throw new InvalidOperationException(Secret + HttpContext.Request.Path);

    [HttpGet("/api/v1/test-only/throw")]
    public IActionResult Api() => throw new InvalidOperationException(Secret + HttpContext.Request.Path);
}
