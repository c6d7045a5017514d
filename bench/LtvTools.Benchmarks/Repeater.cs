using System.Diagnostics;

namespace LtvTools.Benchmarks;

/// <summary>Runs one mode a warm-up time and then several timed times, with a full collection before each.</summary>
internal static class Repeater
{
    public static Measurement Measure(string name, string description, int repetitions, long bytes, long events, Action run)
    {
        Settle();
        run();
        var seconds = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            Settle();
            var clock = Stopwatch.StartNew();
            run();
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        var measurement = new Measurement(name, description, seconds, bytes, events);
        Console.WriteLine($"  {name,-22} median {measurement.MedianSeconds,7:F3} s  [{string.Join(", ", seconds.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}]");
        return measurement;
    }

    /// <summary>Starts every repetition from the same heap state, so one mode's garbage is not billed to the next.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
