namespace LtvTools.Benchmarks;

/// <summary>Everything measured on one file: the modes, the memory figures and the dataset's counts.</summary>
internal sealed class SizeResult
{
    public required string File { get; init; }

    public required long Bytes { get; init; }

    public required long Events { get; init; }

    public required int Customers { get; init; }

    public required long DistinctKeys { get; init; }

    public required int Repetitions { get; init; }

    public List<Measurement> Modes { get; } = new();

    public List<MemoryFigures> Memory { get; } = new();

    /// <summary>The forms as users run them: the real pwsh and DuckDB in fresh processes.</summary>
    public List<UserViewRow> UserView { get; } = new();

    /// <summary>Modes that could not run, with the reason (e.g. the module is not built yet).</summary>
    public Dictionary<string, string> NotMeasured { get; } = new();

    /// <summary>Median seconds of the core's two phases: file → dataset, and dataset → top 10.</summary>
    public double CoreIngestSeconds { get; set; }

    public double CoreRankSeconds { get; set; }

    /// <summary>The machine's 1-minute load average before and after measuring this file (null off Linux).</summary>
    public double? LoadBefore { get; set; }

    public double? LoadAfter { get; set; }

    public Measurement? Mode(string name) => Modes.FirstOrDefault(m => m.Name == name);
}
