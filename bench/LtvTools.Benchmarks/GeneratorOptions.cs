namespace LtvTools.Benchmarks;

/// <summary>
/// What to generate: how many lines, how many customers, which layout, which seed, and whether customers
/// join and drop out (<see cref="Dropout"/>; off by default, which keeps the default files as they are).
/// </summary>
internal sealed record GeneratorOptions(long Events, long Customers, bool JsonArray, ulong Seed, bool Dropout = false)
{
    public const ulong DefaultSeed = 20170106;

    /// <summary>
    /// About 100k customers at 1M events, growing more slowly than events (300k at 10M), and never more
    /// than one customer per ten events.
    /// </summary>
    public static long DefaultCustomers(long events) =>
        Math.Max(1, Math.Min(events / 10, (long)Math.Round(100_000 * Math.Pow(events / 1_000_000.0, Math.Log10(3)))));
}
