namespace LtvTools.Benchmarks;

/// <summary>The smallest typed object a pipeline can carry: what the pipeline ceiling passes along.</summary>
public sealed class BenchItem
{
    public BenchItem(long index)
    {
        Index = index;
    }

    public long Index { get; }
}
