namespace LtvTools.Benchmarks;

/// <summary>One measured mode: its wall times over several repetitions on one file, summarised by the median.</summary>
internal sealed class Measurement
{
    public Measurement(string name, string description, IReadOnlyList<double> seconds, long bytes, long events)
    {
        Name = name;
        Description = description;
        Seconds = seconds;
        Bytes = bytes;
        Events = events;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<double> Seconds { get; }

    public long Bytes { get; }

    public long Events { get; }

    public double MedianSeconds => Statistics.Median(Seconds);

    public double MegabytesPerSecond => Bytes / 1e6 / MedianSeconds;

    public double EventsPerSecond => Events / MedianSeconds;
}
