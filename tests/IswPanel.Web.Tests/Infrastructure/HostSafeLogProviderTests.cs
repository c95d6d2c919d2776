using Hangfire.Logging;
using IswPanel.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Logging;

namespace IswPanel.Web.Tests.Infrastructure;

public class HostSafeLogProviderTests
{
    [Fact]
    public void A_host_that_has_shut_down_hands_out_a_silent_logger_instead_of_throwing()
    {
        var loggerFactory = LoggerFactory.Create(_ => { });
        var provider = new HostSafeLogProvider(loggerFactory);
        loggerFactory.Dispose();

        var log = provider.GetLogger("Hangfire.RecurringJobManager");

        Assert.False(log.Log(Hangfire.Logging.LogLevel.Error, () => "not written"));
    }

    [Fact]
    public void A_running_host_logs_through_its_own_logger_factory()
    {
        var written = new List<string>();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(written)).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        var provider = new HostSafeLogProvider(loggerFactory);

        provider.GetLogger("Hangfire.Server").Log(Hangfire.Logging.LogLevel.Warn, () => "worker stopped");

        Assert.Equal(["Hangfire.Server: worker stopped"], written);
    }

    private sealed class ListLoggerProvider(List<string> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, written);
        public void Dispose() { }

        private sealed class ListLogger(string category, List<string> written) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) => written.Add($"{category}: {formatter(state, exception)}");
        }
    }
}
