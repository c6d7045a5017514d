using System.Diagnostics;
using LtvTools.Benchmarks;

try
{
    var command = CommandLine.Parse(args);
    return command.Verb switch
    {
        "generate" => Generate(command),
        "run" => Run(command),
        "sql" => PrintSql(command),
        "scale" => ScaleRun.Run(Required(command, "file"), command.Text("module")),
        "progress" => ProgressInTerminal.Run(Required(command, "file"), (int)command.Number("pairs", 7), command.Text("module")),
        "duckdb-child" => DuckDbChild.Run(command.Text("query") ?? DuckDbChild.Best, Required(command, "file"), (int)command.Number("calls", 1)),
        "forecast" => Forecast(command),
        "core" => CoreOnly(command),
        "datasets" => DatasetSteps.Run(Required(command, "file"), Required(command, "half-a"), Required(command, "half-b"), command.Text("saved") ?? "bench/data/steps.ltvd", (int)command.Number("reps", 3), (int)command.Number("reuse", 0), command.Text("new")),
        "memory" => MemoryProbe.RunChild(command.Text("mode") ?? "core", Required(command, "file"), command.Text("module")),
        _ => Usage($"unknown command '{command.Verb}'"),
    };
}
catch (ArgumentException ex)
{
    return Usage(ex.Message);
}
catch (BenchFailure ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("BENCH FAILED: " + ex.Message);
    return 1;
}

// The engine alone in this process, call after call (wall and process CPU), for quick looks at where time goes.
static int CoreOnly(CommandLine command)
{
    var file = Required(command, "file");
    var threads = (int)command.Number("threads", 0);
    var process = Process.GetCurrentProcess();
    if (command.Flag("reader-only"))
    {
        // What the reader thread does for each record (framing, validation, compact events), on this thread alone; the fastest of the calls.
        var best = double.MaxValue;
        for (var i = 0; i < command.Number("reps", 5); i++)
        {
            var clock = Stopwatch.StartNew();
            using var opened = LtvTools.Core.EventFile.Open(file);
            using var records = new LtvTools.Core.ValidatedRecordReader(file, new LtvTools.Core.EventRecordReader(opened.Decoded, ownsStream: false), LtvTools.Core.LtvOptions.Default.ExchangeRates);
            var texts = new LtvTools.Core.Utf8TextCache();
            long accepted = 0;
            while (records.Read(out var fields, out var rejection))
            {
                if (rejection == null && LtvTools.Core.CompactEvent.From(fields, texts).Ticks != 0)
                {
                    accepted++;
                }
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            Console.WriteLine($"reader: {clock.Elapsed.TotalSeconds:F3} s for {accepted:N0} events");
        }

        Console.WriteLine($"reader best: {best:F3} s");
        return 0;
    }

    for (var i = 0; i < command.Number("reps", 5); i++)
    {
        GC.Collect();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var run = CoreRun.Execute(file, 10, threads);
        process.Refresh();
        Console.WriteLine(
            $"core: ingest {run.IngestSeconds:F3} s, rank {run.RankSeconds:F3} s, cpu {(process.TotalProcessorTime - cpu).TotalSeconds:F3} s, " +
            $"GC pause {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F3} s, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB, " +
            $"collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}");
    }

    return 0;
}

static int Usage(string problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("usage: generate [--events 1000000] [--scale 1] [--format ndjson|array] [--out file] [--seed n] [--customers n] [--dropout]   (--dropout: customers join and drop out, events-1m-dropout.jsonl)");
    Console.Error.WriteLine("       sql [--file events.jsonl] [--top 10] [--best]   (prints the exact-semantics DuckDB query, or the best one)");
    Console.Error.WriteLine("       scale --file events-100m.jsonl [--module LtvTools.psd1]   (-Path in pwsh and DuckDB's best query, once each, rows checked)");
    Console.Error.WriteLine("       progress --file events.jsonl [--pairs 7] [--module LtvTools.psd1]   (progress cost in the real pwsh in a terminal, via tmux)");
    Console.Error.WriteLine("       run [--scale 1|10] [--reps 5] [--format ndjson|array] [--json out.json] [--file any.json] [--module LtvTools.psd1] [--users-only] [--baseline other/LtvTools.psd1]");
    Console.Error.WriteLine("       core --file events.jsonl [--reps 5] [--threads 0]   (the engine alone in this process: wall and CPU per call)");
    Console.Error.WriteLine("       datasets --file events-10m.jsonl --half-a a.jsonl --half-b b.jsonl [--saved f.ltvd] [--reps 3] [--reuse 0|1|2] [--new new-1m.jsonl]   (read, save, load, add, merge in this process: wall and CPU each)");
    Console.Error.WriteLine("       forecast [--scale 1|10] [--reps 5] [--file any.json] [--module LtvTools.psd1] [--core-only]   (the forecast cmdlets and fits only, on events-Nm-dropout.jsonl unless --file; --core-only: fit and forecast in the core, no cmdlets)");
    return 2;
}

static int PrintSql(CommandLine command)
{
    var file = command.Text("file") ?? DataFiles.DefaultPath(1_000_000, IsArray(command));
    var array = File.Exists(file) ? FileLayout.IsArray(file) : IsArray(command);
    var top = (int)command.Number("top", 10);
    Console.WriteLine(command.Flag("best") ? DuckDbBestPeer.QueryFor(file, array, top) : DuckDbPeer.QueryFor(file, array, top));
    return 0;
}

static string Required(CommandLine command, string name) =>
    command.Text(name) ?? throw new ArgumentException($"--{name} is required");

static bool IsArray(CommandLine command) =>
    string.Equals(command.Text("format"), "array", StringComparison.OrdinalIgnoreCase);

static string GenerateFile(long events, bool array, string output, CommandLine command, bool dropout)
{
    var options = new GeneratorOptions(
        events,
        command.Number("customers", GeneratorOptions.DefaultCustomers(events)),
        array,
        (ulong)command.Number("seed", (long)GeneratorOptions.DefaultSeed),
        dropout);
    var clock = Stopwatch.StartNew();
    var generator = new EventFileGenerator(options);
    generator.WriteTo(output);
    Console.WriteLine($"{output}: {new FileInfo(output).Length / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine(generator.Counts);
    return output;
}

static int Generate(CommandLine command)
{
    var events = command.Number("events", 1_000_000) * command.Number("scale", 1);
    var array = IsArray(command);
    var dropout = command.Flag("dropout");
    GenerateFile(events, array, command.Text("out") ?? DataFiles.DefaultPath(events, array, dropout), command, dropout);
    return 0;
}

static int Forecast(CommandLine command)
{
    var events = 1_000_000L * command.Number("scale", 1);
    // The forecast's own file: customers join and drop out, as the BG/NBD model assumes (the default files'
    // customers never drop out, so their BG/NBD fit is refused).
    var path = command.Text("file") ?? DataFiles.DefaultPath(events, array: false, dropout: true);
    if (!File.Exists(path))
    {
        GenerateFile(events, false, path, command, dropout: true);
    }

    ForecastBench.Measure(path, (int)command.Number("reps", 5), command.Text("module") ?? DataFiles.ModuleManifest, command.Flag("core-only"));
    return 0;
}

static int Run(CommandLine command)
{
    var scale = command.Number("scale", 1);
    var reps = (int)command.Number("reps", 5);
    var array = IsArray(command);
    var module = command.Text("module") ?? DataFiles.ModuleManifest;
    var sizes = new List<SizeResult>();

    if (command.Text("file") is { } file)
    {
        sizes.Add(BenchRun.MeasureFile(file, reps, module, command.Flag("users-only"), command.Text("baseline")));
    }

    // --scale 10 measures 1M and then 10M, so the report can show how time scales.
    foreach (var events in command.Text("file") != null ? [] : scale == 1 ? new[] { 1_000_000L } : new[] { 1_000_000L, 1_000_000L * scale })
    {
        var path = DataFiles.DefaultPath(events, array);
        if (!File.Exists(path))
        {
            GenerateFile(events, array, path, command, dropout: false);
        }

        sizes.Add(BenchRun.MeasureFile(path, reps, module, command.Flag("users-only"), command.Text("baseline")));
    }

    var report = new BenchReport(sizes);
    Console.WriteLine();
    Console.WriteLine(report.Render());
    if (command.Text("json") is { } json)
    {
        report.WriteJson(json);
        Console.WriteLine($"figures written to {json}");
    }

    return 0;
}
