using IswPanel.Data;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Features.Deadlines;

/// <summary>
/// The batch of sweep commands the current scope runs (<see cref="SweepRunner"/>), so that an item's handler can read
/// what every item of its batch needs in one query instead of one per item. Outside a batch (a web request, an item
/// run alone) it holds nothing and each load reads just the current item's rows.
/// <para>
/// Use it only for rows the batch's own items do not change (a reminder reads a request it leaves alone): the values
/// are read once, when the first item asks, and kept for the batch. They are as fresh as a read at the start of the
/// item would be a fraction of a second earlier; the guarantee is the effect key each item claims, not the read.
/// </para>
/// </summary>
public sealed class SweepBatch
{
    private readonly Dictionary<string, object> loaded = new(StringComparer.Ordinal);

    /// <summary>The commands of the batch (empty outside one).</summary>
    public IReadOnlyList<object> Commands { get; private set; } = [];

    internal void Start(IReadOnlyList<object> commands)
    {
        Commands = commands;
        loaded.Clear();
    }

    /// <summary>
    /// The value <paramref name="load"/> finds for the current command's key, loading it together with the keys of every
    /// command of the same type in the batch the first time (one query); null when there is none.
    /// </summary>
    /// <param name="what">A name for what is loaded, unique among the loads of one command type.</param>
    public async Task<TValue?> LoadAsync<TCommand, TKey, TValue>(string what, TCommand current, Func<TCommand, TKey> key,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> load, CancellationToken cancellationToken)
        where TKey : notnull
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(load);
        var wanted = key(current);
        var name = $"{typeof(TCommand).FullName}/{what}";
        if (loaded.TryGetValue(name, out var memo) && memo is Loaded<TKey, TValue> known && known.Keys.Contains(wanted))
            return known.Values.GetValueOrDefault(wanted);

        var keys = Commands.OfType<TCommand>().Select(key).Append(wanted).Distinct().ToList();
        var values = await load(keys, cancellationToken);
        loaded[name] = new Loaded<TKey, TValue>([.. keys], values);
        return values.GetValueOrDefault(wanted);
    }

    /// <summary>
    /// Whether the current command's effect key is claimed already (<see cref="Infrastructure.Jobs.Effects.EffectDoneAsync"/>),
    /// checked for the whole batch in one query. A cheap check that saves work, not the guarantee: a claim made since
    /// (by another server) is still refused by the unique key when the item saves.
    /// </summary>
    public async Task<bool> EffectDoneAsync<TCommand>(AppDbContext db, TCommand current, Func<TCommand, string> key,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await LoadAsync("effect-done", current, key,
            async (keys, token) => await db.JobEffects.AsNoTracking().Where(e => keys.Contains(e.Key)).Select(e => e.Key)
                .ToDictionaryAsync(k => k, k => (object)k, StringComparer.Ordinal, token),
            cancellationToken) is not null;
    }

    private sealed record Loaded<TKey, TValue>(HashSet<TKey> Keys, Dictionary<TKey, TValue> Values) where TKey : notnull;
}
