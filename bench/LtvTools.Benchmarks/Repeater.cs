using System.Diagnostics;

namespace LtvTools.Benchmarks;

/// <summary>Runs one mode a warm-up time and then several timed times, with a full collection before each.</summary>
internal static class Repeater
{
    public static Measurement Measure(string name, string description, int repetitions, long bytes, long events, Action run)
    {
        Settle();
        run();
        var runs = new List<Repetition>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            runs.Add(Time(run));
        }

        var measurement = new Measurement(name, description, runs, bytes, events);
        Print(measurement);
        return measurement;
    }

    private static Repetition Time(Action run)
    {
        Settle();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        run();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Repetition(
            seconds,
            (process.TotalProcessorTime - cpuBefore).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2);
    }

    private static void Print(Measurement m) =>
        Console.WriteLine($"  {m.Name,-22} median {m.MedianSeconds,7:F3} s, CPU {m.MedianCpuSeconds,7:F3} s, GC pause {m.MedianGcPauseSeconds,6:F3} s, {m.AllocatedBytesPerEvent,5:F0} B/event  [{string.Join(", ", m.Seconds.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}]");

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
        var runsA = new List<Repetition>(repetitions);
        var runsB = new List<Repetition>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            // Swap which goes first each time, so neither always runs right after the other.
            if (i % 2 == 0)
            {
                runsA.Add(Time(a.Run));
                runsB.Add(Time(b.Run));
            }
            else
            {
                runsB.Add(Time(b.Run));
                runsA.Add(Time(a.Run));
            }
        }

        var first = new Measurement(a.Name, a.Description, runsA, bytes, events);
        var second = new Measurement(b.Name, b.Description, runsB, bytes, events);
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
