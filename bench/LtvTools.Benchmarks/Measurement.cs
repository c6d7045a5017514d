namespace LtvTools.Benchmarks;

/// <summary>One measured mode: its wall times over several repetitions on one file, summarised by the median.</summary>
internal sealed record Measurement(string Name, string Description, IReadOnlyList<double> Seconds, long Bytes, long Events)
{
    public double MedianSeconds => Statistics.Median(Seconds);

    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;

    public double EventsPerSecond => Events / MedianSeconds;
}
