namespace LtvTools.Benchmarks;

/// <summary>The bench found two engines disagreeing, or a mode failing: the run must exit non-zero.</summary>
internal sealed class BenchFailure : Exception
{
    public BenchFailure(string message)
        : base(message)
    {
    }
}
