using System.Collections.Concurrent;
using IswPanel.Domain.Common;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Features.Insight;

/// <summary>Section "Insight".</summary>
public sealed class InsightOptions
{
    public const string Section = "Insight";

    /// <summary>
    /// How long a dashboard's or an evidence pack's figures are kept once computed (0: computed on every view). Each
    /// is many grouped queries over the whole history: at national scale the administrator's dashboard takes seconds
    /// to compute, and a page several people keep open should cost one computation, not one per view.
    /// </summary>
    public int CacheSeconds { get; set; } = 120;
}

/// <summary>
/// Figures computed once per scope (dashboard, authority or ISW, period, day) and shared for
/// <see cref="InsightOptions.CacheSeconds"/>: viewers arriving together wait for the same computation rather than
/// each starting their own. Pages show when their figures were computed. Only figures are kept, never who may see
/// them: every handler authorises the viewer before asking.
/// </summary>
public sealed class InsightCache(IMemoryCache cache, IOptions<InsightOptions> options, IClock clock)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> computing = new();

    public async Task<T> GetOrComputeAsync<T>(string scope, Func<CancellationToken, Task<T>> compute) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var seconds = options.Value.CacheSeconds;
        if (seconds <= 0) return await compute(CancellationToken.None);

        var key = $"insight:{scope}:{clock.Today:yyyy-MM-dd}";
        if (cache.TryGetValue(key, out T? kept) && kept is not null) return kept;

        // One computation per key at a time. It runs without the first viewer's cancellation, since others may be
        // waiting for it, and on its own scope's DbContext (the caller's), which outlives it because the caller awaits.
        var shared = computing.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await compute(CancellationToken.None)));
        try
        {
            var value = (T)await shared.Value;
            cache.Set(key, value, TimeSpan.FromSeconds(seconds));
            return value;
        }
        finally
        {
            computing.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, shared));
        }
    }
}
