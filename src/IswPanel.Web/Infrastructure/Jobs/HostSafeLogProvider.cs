using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace IswPanel.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static, so when several hosts share a process (the test
/// suite starts many) one host's components can ask a host that has already shut down for a logger. Such a
/// component gets a silent logger instead of an <see cref="ObjectDisposedException"/> that stops its host starting.
/// </summary>
public sealed class HostSafeLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
