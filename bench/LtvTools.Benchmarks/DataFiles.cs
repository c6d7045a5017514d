namespace LtvTools.Benchmarks;

/// <summary>Where things live: generated files in bench/data (git-ignored), the built module in out/.</summary>
internal static class DataFiles
{
    /// <summary>The repository root: the nearest directory up from here that holds LtvTools.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LtvTools.sln")))
                {
                    return dir.FullName;
                }
            }

            return Environment.CurrentDirectory;
        }
    }

    public static string DataDirectory => Path.Combine(RepositoryRoot, "bench", "data");

    /// <summary>The built module manifest, or null while the module is not built.</summary>
    public static string? ModuleManifest
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "out", "LtvTools", "LtvTools.psd1");
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>bench/data/events-1m.jsonl and the like; events-1m-dropout.jsonl for the files whose customers join and drop out.</summary>
    public static string DefaultPath(long events, bool array, bool dropout = false) =>
        Path.Combine(DataDirectory, $"events-{Label(events)}{(dropout ? "-dropout" : "")}.{(array ? "json" : "jsonl")}");

    private static string Label(long events) =>
        events % 1_000_000 == 0 ? $"{events / 1_000_000}m" : events % 1000 == 0 ? $"{events / 1000}k" : events.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
