namespace IswPanel.DataGenerator.Generation;

/// <summary>
/// A small, fast pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose sequence is fixed by this code
/// alone, so the same seed gives the same data on every runtime and machine. Not for anything secret.
/// </summary>
internal sealed class SeededRandom
{
    private ulong s0, s1, s2, s3;

    public SeededRandom(long seed, string stream = "")
    {
        // The stream name separates independent sequences drawn from one seed (ids, the panel, requests...).
        var mixed = (ulong)seed;
        foreach (var c in stream) mixed = (mixed ^ c) * 0x100000001B3UL;
        s0 = SplitMix(ref mixed);
        s1 = SplitMix(ref mixed);
        s2 = SplitMix(ref mixed);
        s3 = SplitMix(ref mixed);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by weight: <paramref name="weights"/> are relative, not necessarily summing to 1.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) total += weights[i];
        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>Roughly normal (sum of uniforms), clamped to [min, max].</summary>
    public double Normal(double mean, double deviation, double min, double max)
    {
        var sum = NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0; // variance 1/3
        var value = mean + sum * deviation * 1.7320508075688772;
        return Math.Clamp(value, min, max);
    }

    public void NextBytes(Span<byte> buffer)
    {
        var i = 0;
        while (i < buffer.Length)
        {
            var value = NextUInt64();
            for (var b = 0; b < 8 && i < buffer.Length; b++, i++) buffer[i] = (byte)(value >> (8 * b));
        }
    }
}
