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
        var cpu = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            Time(run, seconds, cpu);
        }

        var measurement = new Measurement(name, description, seconds, cpu, bytes, events);
        Print(measurement);
        return measurement;
    }

    private static void Time(Action run, List<double> seconds, List<double> cpuSeconds)
    {
        Settle();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        seconds.Add(clock.Elapsed.TotalSeconds);
        process.Refresh();
        cpuSeconds.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static void Print(Measurement m) =>
        Console.WriteLine($"  {m.Name,-22} median {m.MedianSeconds,7:F3} s, CPU {m.MedianCpuSeconds,7:F3} s  [{string.Join(", ", m.Seconds.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}]");

    /// <summary>
    /// Measures two variants alternately (a, b, b, a, a, b, ...), so a drifting machine load hits both alike:
    /// for small differences such as the cost of progress reporting.
    /// </summary>
    public static (Measurement A, Measurement B) MeasurePair(
        (string Name, string Description, Action Run) a, (string Name, string Description, Action Run) b, int repetitions, long bytes, long events)
    {
        Settle();
        a.Run();
        b.Run();
        var secondsA = new List<double>(repetitions);
        var secondsB = new List<double>(repetitions);
        var cpuA = new List<double>(repetitions);
        var cpuB = new List<double>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            // Swap which goes first each time, so neither always runs right after the other.
            if (i % 2 == 0)
            {
                Time(a.Run, secondsA, cpuA);
                Time(b.Run, secondsB, cpuB);
            }
            else
            {
                Time(b.Run, secondsB, cpuB);
                Time(a.Run, secondsA, cpuA);
            }
        }

        var first = new Measurement(a.Name, a.Description, secondsA, cpuA, bytes, events);
        var second = new Measurement(b.Name, b.Description, secondsB, cpuB, bytes, events);
        Print(first);
        Print(second);
        return (first, second);
    }

    /// <summary>Starts every repetition from the same heap state, so one mode's garbage is not billed to the next.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
