namespace LtvTools.Benchmarks;

/// <summary>
/// A tiny seeded generator. Our own, not System.Random, so a seed gives the same file on every .NET version.
/// </summary>
internal sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, bound).</summary>
    public long NextLong(long bound) => (long)(NextDouble() * bound);

    public T Pick<T>(T[] items) => items[NextLong(items.Length)];
}
