namespace LtvTools.Benchmarks;

/// <summary>Where generated files live: bench/data (git-ignored), named by size and layout.</summary>
internal static class DataFiles
{
    public static string DataDirectory
    {
        get
        {
            // Walk up from the current directory to the repository root (the one holding LtvTools.sln).
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LtvTools.sln")))
                {
                    return Path.Combine(dir.FullName, "bench", "data");
                }
            }

            return Path.Combine(Environment.CurrentDirectory, "bench", "data");
        }
    }

    public static string DefaultPath(long events, bool array) =>
        Path.Combine(DataDirectory, $"events-{Label(events)}.{(array ? "json" : "jsonl")}");

    private static string Label(long events) =>
        events % 1_000_000 == 0 ? $"{events / 1_000_000}m" : events % 1000 == 0 ? $"{events / 1000}k" : events.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
