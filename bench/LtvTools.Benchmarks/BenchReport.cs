using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LtvTools.Benchmarks;

/// <summary>The table printed at the end of a run, the ratios against the issue's targets, and the same as JSON.</summary>
internal sealed class BenchReport
{
    private const double GigaByte = 1024.0 * 1024 * 1024;

    public BenchReport(IReadOnlyList<SizeResult> sizes)
    {
        Sizes = sizes;
        Ratios = sizes.ToDictionary(s => s.Events, RatiosOf);
        if (sizes.Count == 2 && sizes[0].Mode(ModeNames.Core) is { } small && sizes[1].Mode(ModeNames.Core) is { } large)
        {
            var factor = (double)sizes[1].Events / sizes[0].Events;
            var scaling = large.MedianSeconds / small.MedianSeconds;
            Scaling = new Ratio($"core time {sizes[1].Events / 1e6:F0}M / {sizes[0].Events / 1e6:F0}M", scaling, $"<= {factor * 1.1:F1}", scaling <= factor * 1.1);
        }
    }

    public DateTime Date { get; } = DateTime.UtcNow;

    public IReadOnlyList<SizeResult> Sizes { get; }

    public Dictionary<long, List<Ratio>> Ratios { get; }

    public Ratio? Scaling { get; }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"LtvTools benchmark, {Date:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        foreach (var size in Sizes)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetFileName(size.File)}: {size.Bytes / 1e6:F1} MB, {size.Events:N0} events, {size.Customers:N0} customers, {size.DistinctKeys:N0} distinct keys, median of {size.Repetitions}, load average {size.LoadBefore?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"} -> {size.LoadAfter?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"}");
            if (size.Modes.Count > 0 || size.NotMeasured.Count > 0)
            {
                text.AppendLine("| mode | median s | MB/s | events/s | CPU s | cores used |");
                text.AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var mode in size.Modes)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {mode.Name} | {mode.MedianSeconds:F3} | {mode.MegabytesPerSecond:F1} | {mode.EventsPerSecond:N0} | {mode.MedianCpuSeconds:F3} | {mode.CoresUsed:F2} |");
                }

                foreach (var (mode, reason) in size.NotMeasured)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {mode} | {reason} | | | | |");
                }

                text.AppendLine();
            }

            text.AppendLine("As users see it (cold: first call in a fresh process; warm: median of later calls in one process; process: the whole one-command process):");
            text.AppendLine(UserView.Render(size));
            if (size.Modes.Count > 0)
            {
                text.AppendLine("| mode, garbage collection per run (medians) | allocated B/event | GC pause s | gen0 | gen1 | gen2 |");
                text.AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var mode in size.Modes)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {mode.Name} | {mode.AllocatedBytesPerEvent:F0} | {mode.MedianGcPauseSeconds:F3} | {mode.MedianCollections(0):F0} | {mode.MedianCollections(1):F0} | {mode.MedianCollections(2):F0} |");
                }

                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"core phases: file -> dataset {size.CoreIngestSeconds:F3} s, dataset -> top 10 {size.CoreRankSeconds:F3} s");
            }

            text.AppendLine();
            text.AppendLine("| ratio | value | target | met |");
            text.AppendLine("|---|---:|---|---|");
            foreach (var ratio in Ratios[size.Events])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {ratio.Name} | {ratio.Value:F2} | {ratio.Target} | {(ratio.Target == "-" ? "-" : ratio.Met ? "yes" : "NO")} |");
            }

            if (size.Memory.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("| memory (fresh process, one run) | peak working set MB | GC heap after full GC MB | bytes per distinct key |");
                text.AppendLine("|---|---:|---:|---:|");
                foreach (var memory in size.Memory)
                {
                    var perKey = memory.DistinctKeys > 0 ? memory.BytesPerDistinctKey.ToString("F0", CultureInfo.InvariantCulture) : "-";
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {memory.Mode} | {memory.PeakWorkingSetBytes / 1e6:F1} | {memory.GcHeapAfterFullCollectionBytes / 1e6:F1} | {perKey} |");
                }
            }
        }

        if (Scaling != null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"scaling: {Scaling.Name} = {Scaling.Value:F2} (target {Scaling.Target}: {(Scaling.Met ? "met" : "NOT met")})");
        }

        return text.ToString();
    }

    public void WriteJson(string path)
    {
        var document = new
        {
            date = Date.ToString("O", CultureInfo.InvariantCulture),
            machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
            sizes = Sizes.Select(s => new
            {
                file = s.File,
                bytes = s.Bytes,
                events = s.Events,
                customers = s.Customers,
                distinctKeys = s.DistinctKeys,
                repetitions = s.Repetitions,
                loadAverageBefore = s.LoadBefore,
                loadAverageAfter = s.LoadAfter,
                coreIngestSeconds = s.CoreIngestSeconds,
                coreRankSeconds = s.CoreRankSeconds,
                modes = s.Modes.Select(m => new
                {
                    name = m.Name,
                    description = m.Description,
                    medianSeconds = m.MedianSeconds,
                    megabytesPerSecond = m.MegabytesPerSecond,
                    eventsPerSecond = m.EventsPerSecond,
                    medianCpuSeconds = m.MedianCpuSeconds,
                    seconds = m.Seconds,
                    cpuSeconds = m.CpuSeconds,
                    allocatedBytes = m.Repetitions.Select(r => r.AllocatedBytes),
                    gcPauseSeconds = m.Repetitions.Select(r => r.GcPauseSeconds),
                    gen0Collections = m.Repetitions.Select(r => r.Gen0),
                    gen1Collections = m.Repetitions.Select(r => r.Gen1),
                    gen2Collections = m.Repetitions.Select(r => r.Gen2),
                }),
                notMeasured = s.NotMeasured,
                asUsersSeeIt = s.UserView.Select(r => new
                {
                    form = r.Name,
                    host = r.Host,
                    coldSeconds = r.ColdRuns,
                    warmSeconds = r.WarmRuns,
                    processSeconds = r.ProcessRuns,
                    peakWorkingSetBytes = r.PeakRuns,
                }),
                ratios = Ratios[s.Events],
                memory = s.Memory.Select(m => new
                {
                    mode = m.Mode,
                    peakWorkingSetBytes = m.PeakWorkingSetBytes,
                    gcHeapAfterFullCollectionBytes = m.GcHeapAfterFullCollectionBytes,
                    distinctKeys = m.DistinctKeys,
                    bytesPerDistinctKey = m.BytesPerDistinctKey,
                }),
            }),
            scaling = Scaling,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    private static List<Ratio> RatiosOf(SizeResult size)
    {
        var ratios = new List<Ratio>();

        // value(x, y) is computed only when both modes were measured; met(value) says whether the target holds.
        void Add(string name, string x, string y, Func<Measurement, Measurement, double> value, string target, Func<double, bool> met)
        {
            if (size.Mode(x) is { } first && size.Mode(y) is { } second)
            {
                var v = value(first, second);
                ratios.Add(new Ratio(name, v, target, met(v)));
            }
        }

        static double TimeRatio(Measurement a, Measurement b) => a.MedianSeconds / b.MedianSeconds;
        static double ThroughputRatio(Measurement a, Measurement b) => a.EventsPerSecond / b.EventsPerSecond;

        // For modes measured in alternating pairs: the median of each pair's ratio, so that one slow moment of
        // the machine (which hits one pair) does not move the result as it moves a ratio of two medians.
        static double PairedTimeRatio(Measurement a, Measurement b) =>
            Statistics.Median(a.Seconds.Zip(b.Seconds, (x, y) => x / y));

        ratios.AddRange(UserView.Targets(size));
        Add("core/DuckDB best (time, in-process)", ModeNames.Core, ModeNames.PeerBest, TimeRatio, "-", _ => true);
        Add("hosted cmdlet -Path/DuckDB best (time, in-process)", ModeNames.CmdletPath, ModeNames.PeerBest, TimeRatio, "-", _ => true);
        Add("hosted cmdlet -Path/DuckDB exact-semantics query (time, in-process)", ModeNames.CmdletPath, ModeNames.Peer, TimeRatio, "-", _ => true);
        Add("core/parse-ceiling (throughput)", ModeNames.Core, ModeNames.ParseCeiling, ThroughputRatio, ">= 0.5", v => v >= 0.5);
        Add("hosted pipeline/pipeline-ceiling (throughput)", ModeNames.Pipeline, ModeNames.PipelineCeiling, ThroughputRatio, ">= 0.6", v => v >= 0.6);
        Add("binding floor/pipeline-ceiling (throughput; the most any cmdlet of Get-TopLtvCustomer's one-set shape reaches)", ModeNames.BindingFloor, ModeNames.PipelineCeiling, ThroughputRatio, "-", _ => true);
        Add("binding floor three sets/pipeline-ceiling (throughput; the shape before)", ModeNames.BindingFloorThreeSets, ModeNames.PipelineCeiling, ThroughputRatio, "-", _ => true);
        Add("binding floor InputObject only/pipeline-ceiling (throughput; without -Path and -LiteralPath)", ModeNames.BindingFloorOneSet, ModeNames.PipelineCeiling, ThroughputRatio, "-", _ => true);
        Add("pipeline/binding floor (throughput)", ModeNames.Pipeline, ModeNames.BindingFloor, ThroughputRatio, "-", _ => true);
        Add("progress overhead (cmdlet -Path, Continue vs SilentlyContinue; median of paired runs)", ModeNames.CmdletPath, ModeNames.CmdletPathSilent, (a, b) => PairedTimeRatio(a, b) - 1, "< 0.02", v => v < 0.02);

        foreach (var memory in size.Memory.Where(m => m.Mode != "peer" && size.Events >= 10_000_000))
        {
            var value = memory.PeakWorkingSetBytes / GigaByte;
            ratios.Add(new Ratio($"{memory.Mode} peak working set (GiB)", value, "<= 1.5", value <= 1.5));
        }

        return ratios;
    }
}
