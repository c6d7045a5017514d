namespace LtvTools.Benchmarks;

/// <summary>
/// One measured mode: its wall times over several repetitions on one file, summarised by the median, and the
/// CPU time the whole process used in each (all threads: a mode using both cores shows up to twice its wall time).
/// </summary>
internal sealed record Measurement(string Name, string Description, IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds, long Bytes, long Events)
{
    public double MedianSeconds => Statistics.Median(Seconds);

    public double MedianCpuSeconds => Statistics.Median(CpuSeconds);

    /// <summary>Cores kept busy on average: CPU time over wall time, by their medians.</summary>
    public double CoresUsed => MedianCpuSeconds / MedianSeconds;

    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;

    public double EventsPerSecond => Events / MedianSeconds;
}
