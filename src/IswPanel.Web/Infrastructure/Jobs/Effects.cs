using IswPanel.Data;
using IswPanel.Data.Jobs;
using Microsoft.EntityFrameworkCore;

namespace IswPanel.Web.Infrastructure.Jobs;

/// <summary>
/// Exactly-once effects for jobs. A job claims a key for each effect (e.g. "offer-expired:{id}") in the same unit
/// of work as the change and the notifications it makes; a second claim of the same key fails when it is saved
/// (a unique key), the unit of work reports a Conflict, and the whole second attempt is discarded.
/// </summary>
public static class Effects
{
    /// <summary>Claims <paramref name="key"/> in the current unit of work (saved with everything else, or not at all).</summary>
    public static void ClaimEffect(this AppDbContext db, string key, DateTime at) =>
        db.JobEffects.Add(new JobEffect { Key = key.Length > 200 ? key[..200] : key, At = at });

    /// <summary>Whether the effect has been produced already: a cheap check that saves work, not the guarantee.</summary>
    public static Task<bool> EffectDoneAsync(this AppDbContext db, string key, CancellationToken cancellationToken) =>
        db.JobEffects.AnyAsync(e => e.Key == key, cancellationToken);
}
