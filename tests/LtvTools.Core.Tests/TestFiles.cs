using System.IO.Compression;
using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Temporary event files and the repository's own sample files.</summary>
internal sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ltv-core-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LtvTools.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("LtvTools.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The challenge's own sample (a copy in tests/data, see tests/data/README.md).</summary>
    public static string ChallengeSample => Path.Combine(RepoRoot, "tests", "data", "challenge-sample.json");

    public static string RepoSample => Path.Combine(RepoRoot, "samples", "events.json");

    public string Write(string name, string text, bool bom = false)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteGzip(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var bytes = Encoding.UTF8.GetBytes(text);
        gzip.Write(bytes, 0, bytes.Length);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Runs a file through the engine and keeps everything a test looks at.</summary>
internal sealed class IngestRun
{
    public IngestRun()
        : this(new LtvDataset())
    {
    }

    /// <summary>A run around a dataset filled elsewhere (a test's own ingestor).</summary>
    public IngestRun(LtvDataset dataset)
    {
        Dataset = dataset;
    }

    public LtvDataset Dataset { get; }

    public List<EventRejection> Rejections { get; } = new();

    public List<IngestSummary> Summaries { get; } = new();

    public static IngestRun Of(LtvOptions? options = null, int parallelism = 1, params string[] paths)
    {
        var run = new IngestRun();
        var ingestor = new FileIngestor(options) { MaxDegreeOfParallelism = parallelism, Rejected = run.Rejections.Add };
        if (parallelism > 1)
        {
            // Force small files through the parallel path too, in several chunks.
            ingestor.ParallelThresholdBytes = 0;
            ingestor.ChunkBytes = 64;
        }

        foreach (var path in paths)
        {
            run.Summaries.Add(ingestor.IngestFile(path, run.Dataset));
        }

        return run;
    }

    /// <summary>Writes the records as one NDJSON file and runs it.</summary>
    public static IngestRun OfLines(params string[] lines) => OfLines(null, lines);

    public static IngestRun OfLines(LtvOptions? options, params string[] lines)
    {
        using var files = new TestFiles();
        return Of(options, paths: files.Write("events.jsonl", Json.Lines(lines)));
    }

    public IReadOnlyList<LtvCustomer> Top(int x = 10, LtvOptions? options = null) => SimpleLtv.TopSimpleLtvCustomers(x, Dataset, options);
}

/// <summary>Builds event JSON lines tersely.</summary>
internal static class Json
{
    public static string Customer(string key, string time, string? lastName = "Smith", string verb = "NEW", string city = "Middletown", string state = "AK") =>
        $"{{\"type\": \"CUSTOMER\", \"verb\": \"{verb}\", \"key\": \"{key}\", \"event_time\": \"{time}\", \"last_name\": {(lastName is null ? "null" : $"\"{lastName}\"")}, \"adr_city\": \"{city}\", \"adr_state\": \"{state}\"}}";

    public static string Visit(string key, string customer, string time) =>
        $"{{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"{key}\", \"event_time\": \"{time}\", \"customer_id\": \"{customer}\", \"tags\": [{{\"some key\": \"some value\"}}]}}";

    public static string Image(string key, string customer, string time) =>
        $"{{\"type\": \"IMAGE\", \"verb\": \"UPLOAD\", \"key\": \"{key}\", \"event_time\": \"{time}\", \"customer_id\": \"{customer}\", \"camera_make\": \"Canon\", \"camera_model\": \"EOS 80D\"}}";

    public static string Order(string key, string customer, string time, string amount, string verb = "NEW") =>
        $"{{\"type\": \"ORDER\", \"verb\": \"{verb}\", \"key\": \"{key}\", \"event_time\": \"{time}\", \"customer_id\": \"{customer}\", \"total_amount\": \"{amount}\"}}";

    public static string Lines(params string[] records) => string.Join("\n", records) + "\n";

    public static string Array(params string[] records) => "[\n" + string.Join(",\n", records) + "\n]\n";
}
