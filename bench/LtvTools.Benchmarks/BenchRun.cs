using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>Measures every mode on one file, after checking that the core and DuckDB give the same top 10.</summary>
internal static class BenchRun
{
    private const int Top = 10;

    /// <param name="usersOnly">Only the "as users see it" rows (the real pwsh and DuckDB in fresh processes), for quick runs.</param>
    public static SizeResult MeasureFile(string path, int repetitions, string? modulePath, bool usersOnly = false, string? baseline = null)
    {
        var bytes = new FileInfo(path).Length;
        var array = FileLayout.IsArray(path);
        Console.WriteLine($"{path}: {bytes / 1e6:F1} MB, {(array ? "JSON array" : "NDJSON")}, {repetitions} repetitions (+1 warm-up) per mode");

        // One untimed run of each engine first: the answers must agree before any time means anything.
        var reference = CoreRun.Execute(path, Top);
        var ours = AsRows(reference);
        ResultCheck.Same("core (all threads)", ours, "core (1 thread)", AsRows(CoreRun.Execute(path, Top, threads: 1)));
        ResultCheck.Same("core", ours, "DuckDB", DuckDbPeer.TopCustomers(path, array, Top));
        var fullRows = FullRows(reference);
        ResultCheck.SameRows("core", fullRows, "DuckDB best query", DuckDbBestPeer.TopRows(path, array, Top));
        Console.WriteLine($"  check: DuckDB's exact query gives the core's top {Top} (ids and LTV to the cent), its best query every column of them; top is {ours[0].CustomerId} at {ours[0].Ltv:F2}");

        var events = reference.Summary.RecordsRead;
        var result = new SizeResult
        {
            File = path,
            Bytes = bytes,
            Events = events,
            Customers = reference.Dataset.CustomerCount,
            DistinctKeys = reference.DistinctKeys,
            Repetitions = repetitions,
            LoadBefore = MachineLoad.OneMinute(),
        };

        if (usersOnly)
        {
            result.UserView.AddRange(UserView.Measure(path, events, repetitions, modulePath, fullRows, baseline));
            result.LoadAfter = MachineLoad.OneMinute();
            return result;
        }

        var ingest = new List<double>();
        var rank = new List<double>();
        result.Modes.Add(Repeater.Measure(ModeNames.Core, "(1) FileIngestor file -> TopSimpleLtvCustomers(10), all cores", repetitions, bytes, events, () =>
        {
            var run = CoreRun.Execute(path, Top);
            ResultCheck.Same("core", ours, "core (timed)", AsRows(run));
            ingest.Add(run.IngestSeconds);
            rank.Add(run.RankSeconds);
        }));
        result.CoreIngestSeconds = Statistics.Median(ingest.Skip(1));
        result.CoreRankSeconds = Statistics.Median(rank.Skip(1));
        result.Modes.Add(Repeater.Measure(ModeNames.CoreOneThread, "core with MaxDegreeOfParallelism = 1 (where time goes)", repetitions, bytes, events, () =>
            CoreRun.Execute(path, Top, threads: 1)));
        result.Modes.Add(Repeater.Measure(ModeNames.EventObjects, "EventFileReader -> LtvEvent objects, no dataset, 1 thread (where time goes)", repetitions, bytes, events, () =>
            EventObjectsPass.CountEvents(path)));
        result.Modes.Add(Repeater.Measure(ModeNames.ParseCeiling, "(5) bare Utf8JsonReader over every token, 1 thread, 64 KB blocks", repetitions, bytes, events, () =>
            ParseCeiling.CountTokens(path)));
        result.Modes.Add(Repeater.Measure(ModeNames.Peer, "(6) DuckDB read_json + SQL, exact semantics (input-order ties)", repetitions, bytes, events, () =>
            DuckDbPeer.TopCustomers(path, array, Top)));
        result.Modes.Add(Repeater.Measure(ModeNames.PeerBest, "DuckDB, the best query for the same top-10 rows (every column checked)", repetitions, bytes, events, () =>
            ResultCheck.SameRows("core", fullRows, "DuckDB best query", DuckDbBestPeer.TopRows(path, array, Top))));

        MeasureCmdlets(path, repetitions, modulePath, ours, result);
        result.UserView.AddRange(UserView.Measure(path, events, repetitions, modulePath, fullRows, baseline));

        result.Memory.Add(MemoryProbe.Measure("core", path, null));
        result.Memory.Add(MemoryProbe.Measure("peer", path, null));
        if (result.Mode(ModeNames.CmdletPath) != null)
        {
            result.Memory.Add(MemoryProbe.Measure("cmdlet", path, modulePath));
        }

        result.LoadAfter = MachineLoad.OneMinute();

        return result;
    }

    private static void MeasureCmdlets(string path, int repetitions, string? modulePath, IReadOnlyList<PeerCustomer> ours, SizeResult result)
    {
        using var session = new PowerShellSession(modulePath);
        var bytes = result.Bytes;
        var events = result.Events;
        result.Modes.Add(Repeater.Measure(ModeNames.PipelineCeiling, $"(4) Send-BenchItem -Count {events} | Receive-BenchItem (trivial compiled cmdlets)", repetitions, bytes, events,
            Counted(session, $"Send-BenchItem -Count {events} | Receive-BenchItem", path, events)));

        if (!session.ModuleLoaded)
        {
            var reason = modulePath is null
                ? "not yet measured: out/LtvTools/LtvTools.psd1 is not built (the module has not landed)"
                : $"not yet measured: {modulePath} does not export Get-TopLtvCustomer";
            foreach (var mode in new[] { ModeNames.CmdletPath, ModeNames.CmdletPathSilent, ModeNames.Pipeline, ModeNames.ImportOnly, ModeNames.BindingFloor, ModeNames.BindingFloorThreeSets, ModeNames.BindingFloorOneSet })
            {
                result.NotMeasured[mode] = reason;
            }

            Console.WriteLine($"  cmdlet modes {reason}");
            return;
        }

        (string, string, Action) Checked(string name, string description, string script, bool silent) =>
            (name, description, () => ResultCheck.Same("core", ours, name, AsRows(session.Invoke(script, path, silent))));

        const string ByPath = "Get-TopLtvCustomer -Path $file -Top 10";

        // The overhead looked for is a few percent, below this machine's run-to-run noise: more pairs.
        const int MinProgressPairs = 5;
        var (withProgress, silentProgress) = Repeater.MeasurePair(
            Checked(ModeNames.CmdletPath, "(2) Get-TopLtvCustomer -Path file -Top 10", ByPath, silent: false),
            Checked(ModeNames.CmdletPathSilent, "(2) same, $ProgressPreference = 'SilentlyContinue' (runs alternate with the above)", ByPath, silent: true),
            Math.Max(repetitions, MinProgressPairs),
            bytes,
            events);
        result.Modes.Add(withProgress);
        result.Modes.Add(silentProgress);
        var (name, description, run) = Checked(ModeNames.Pipeline, "(3) Import-LtvEvents file | Get-TopLtvCustomer -Top 10", "Import-LtvEvents $file | Get-TopLtvCustomer -Top 10", silent: false);
        result.Modes.Add(Repeater.Measure(name, description, repetitions, bytes, events, run));
        result.Modes.Add(Repeater.Measure(ModeNames.ImportOnly, "Import-LtvEvents file | Receive-BenchEvent (typed LtvEvent, counts; where pipeline time goes)", repetitions, bytes, events,
            Counted(session, "Import-LtvEvents $file | Receive-BenchEvent", path, events)));
        result.Modes.Add(Repeater.Measure(ModeNames.BindingFloor, "Import-LtvEvents file | Receive-BenchEventAsTop -Top 10 (Get-TopLtvCustomer's parameters, counts only)", repetitions, bytes, events,
            Counted(session, "Import-LtvEvents $file | Receive-BenchEventAsTop -Top 10", path, events)));
        result.Modes.Add(Repeater.Measure(ModeNames.BindingFloorThreeSets, "Import-LtvEvents file | Receive-BenchEventThreeSets -Top 10 (the floor of the shape before: Path, LiteralPath and InputObject sets)", repetitions, bytes, events,
            Counted(session, "Import-LtvEvents $file | Receive-BenchEventThreeSets -Top 10", path, events)));
        result.Modes.Add(Repeater.Measure(ModeNames.BindingFloorOneSet, "Import-LtvEvents file | Receive-BenchEventOneSet -Top 10 (the floor without -Path and -LiteralPath)", repetitions, bytes, events,
            Counted(session, "Import-LtvEvents $file | Receive-BenchEventOneSet -Top 10", path, events)));
    }

    /// <summary>Runs a pipeline that ends in a counting cmdlet and fails unless it passed every object.</summary>
    private static Action Counted(PowerShellSession session, string script, string path, long expected) => () =>
    {
        var passed = session.Invoke(script, path);
        if (passed.Count != 1 || (long)passed[0].BaseObject != expected)
        {
            throw new BenchFailure($"'{script}' passed {passed.FirstOrDefault()} objects, not {expected}");
        }
    };

    private static IReadOnlyList<TopRow> FullRows(CoreRun run) =>
        run.Top.Select(c => new TopRow(c.CustomerId, c.LastName, c.City, c.State, c.SiteVisits, c.Orders, c.TotalSpend, c.TotalWeeks, c.Ltv)).ToList();

    private static IReadOnlyList<PeerCustomer> AsRows(CoreRun run) =>
        run.Top.Select(c => new PeerCustomer(c.CustomerId, c.TotalSpend, c.Ltv)).ToList();

    /// <summary>Reads cmdlet output by property name: the module may load its own copy of the core assembly.</summary>
    private static IReadOnlyList<PeerCustomer> AsRows(IEnumerable<PSObject> output) =>
        output.Select(o => new PeerCustomer(
            (string)o.Properties["CustomerId"].Value,
            Convert.ToDecimal(o.Properties["TotalSpend"].Value, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDecimal(o.Properties["Ltv"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
