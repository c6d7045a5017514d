using System.Diagnostics;
using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>
/// The dataset steps of bench/datasets.ps1 with the engine alone in this process (no pwsh): reading a file,
/// saving and loading it, adding new events to the loaded dataset (with <c>--new</c>) against reading them
/// alone, and merging two partial datasets, each with wall and process CPU time, for quick looks at where
/// load, add and merge spend their time.
/// </summary>
internal static class DatasetSteps
{
    /// <param name="reuseLevel">1: loads the saved file and the halves from files saved by an earlier run, instead of reading the JSON; 2: only the saved file (for quick iterations on load and merge).</param>
    /// <param name="newEvents">Events to add to the loaded dataset (as Add-LtvEvent does) and then to read alone, or null.</param>
    public static int Run(string file, string halfA, string halfB, string saved, int repetitions, int reuseLevel, string? newEvents)
    {
        var reuse = reuseLevel == 1;
        for (var rep = 1; rep <= repetitions; rep++)
        {
            if (reuseLevel == 0 || !File.Exists(saved))
            {
                var whole = Step("read", () => Read(file));
                Step("save", () => LtvDatasetFile.Save(whole, saved));
            }

            var loaded = Step("load", () => LtvDatasetFile.Load(saved));
            if (newEvents != null)
            {
                Step("add new", () => new FileIngestor().IngestFile(newEvents, loaded));
                loaded = null;
                Step("read new", () => Read(newEvents));
            }

            var a = Step("read A", () => reuse ? Reused(halfA) : Read(halfA));
            var b = Step("read B", () => reuse ? Reused(halfB) : Read(halfB));
            // As Merge-LtvDataset does it.
            Step("merge A+B", () => a.MergedWith(b));
            Console.WriteLine();
        }

        return 0;
    }

    private static LtvDataset Reused(string path)
    {
        var saved = path + ".ltvd";
        if (File.Exists(saved))
        {
            return LtvDatasetFile.Load(saved);
        }

        var dataset = Read(path);
        LtvDatasetFile.Save(dataset, saved);
        return dataset;
    }

    private static LtvDataset Read(string path)
    {
        var dataset = new LtvDataset();
        new FileIngestor().IngestFile(path, dataset);
        return dataset;
    }

    private static T Step<T>(string name, Func<T> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        Console.WriteLine($"{name,-10} wall {wall,6:F3} s  cpu {(process.TotalProcessorTime - cpu).TotalSeconds,6:F3} s");
        return result;
    }
}
