using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IswPanel.Web.Infrastructure.Paging;

/// <summary>Section "Lists".</summary>
public sealed class ListOptions
{
    public const string Section = "Lists";

    /// <summary>A list's total at or above this many rows is kept for <see cref="LargeTotalSeconds"/>.</summary>
    public int LargeTotal { get; set; } = 10_000;

    /// <summary>How long a large total is kept (0: every page counts).</summary>
    public int LargeTotalSeconds { get; set; } = 5;
}

/// <summary>
/// The total under a list's pages. Counting every row on every page is the largest part of a page of the panel-wide
/// list (100,000 requests: 8 ms of the database's time per page, and it was what kept that list over 200 ms at p95
/// under load), yet a total that large is read as "about how many", and the page's rows and its next-page cursor never
/// depend on it. So a total of <see cref="ListOptions.LargeTotal"/> rows or more is kept for a few seconds per list,
/// viewer scope and filter; anything smaller (every authority's, every ISW's list) is counted exactly, every time.
/// </summary>
public sealed class LargeTotals(IMemoryCache cache, IOptions<ListOptions> options)
{
    /// <param name="key">Everything the count depends on: the list, whose rows the viewer may see, and the filter.</param>
    public async Task<int> CountAsync<T>(IQueryable<T> query, object key, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cacheKey = (nameof(LargeTotals), key);
        if (settings.LargeTotalSeconds > 0 && cache.TryGetValue(cacheKey, out int kept)) return kept;
        var total = await query.CountAsync(cancellationToken);
        if (settings.LargeTotalSeconds > 0 && total >= settings.LargeTotal)
            cache.Set(cacheKey, total, TimeSpan.FromSeconds(settings.LargeTotalSeconds));
        return total;
    }
}
