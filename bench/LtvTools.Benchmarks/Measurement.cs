namespace LtvTools.Benchmarks;

/// <summary>
/// One measured mode: its repetitions on one file, summarised by medians. CPU time is the whole process's (all
/// threads: a mode using both cores shows up to twice its wall time).
/// </summary>
internal sealed record Measurement(string Name, string Description, IReadOnlyList<Repetition> Repetitions, long Bytes, long Events)
{
    public IReadOnlyList<double> Seconds => Repetitions.Select(r => r.Seconds).ToList();

    public IReadOnlyList<double> CpuSeconds => Repetitions.Select(r => r.CpuSeconds).ToList();

    public double MedianSeconds => Statistics.Median(Seconds);

    public double MedianCpuSeconds => Statistics.Median(CpuSeconds);

    /// <summary>Cores kept busy on average: CPU time over wall time, by their medians.</summary>
    public double CoresUsed => MedianCpuSeconds / MedianSeconds;

    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;

    public double EventsPerSecond => Events / MedianSeconds;

    /// <summary>Managed bytes allocated per event of the file (median run): what the form makes the GC clean up.</summary>
    public double AllocatedBytesPerEvent => Statistics.Median(Repetitions.Select(r => (double)r.AllocatedBytes)) / Events;

    /// <summary>Time the GC suspended every managed thread, per run (median).</summary>
    public double MedianGcPauseSeconds => Statistics.Median(Repetitions.Select(r => r.GcPauseSeconds));

    /// <summary>Collections of <paramref name="generation"/> (0, 1 or 2) per run (median; a gen1 collection also counts as gen0).</summary>
    public double MedianCollections(int generation) => Statistics.Median(Repetitions.Select(r => (double)(generation switch
    {
        0 => r.Gen0,
        1 => r.Gen1,
        _ => r.Gen2,
    })));
}
