using System.Globalization;
using System.Text;

namespace LtvTools.Benchmarks;

/// <summary>
/// One row of the "as users see it" table: a form run in a host, timed three ways. Cold is the first call in a
/// fresh process (after the module is imported, or the database opened); warm is the median of the later calls
/// in one process; process is the wall time of a whole one-command process, start to exit.
/// </summary>
internal sealed record UserViewRow(string Name, string Host, IReadOnlyList<double> ColdRuns, IReadOnlyList<double> WarmRuns, IReadOnlyList<double> ProcessRuns, IReadOnlyList<long> PeakRuns)
{
    public double? Cold => ColdRuns.Count > 0 ? Statistics.Median(ColdRuns) : null;

    public double? Warm => WarmRuns.Count > 0 ? Statistics.Median(WarmRuns) : null;

    public double? Process => ProcessRuns.Count > 0 ? Statistics.Median(ProcessRuns) : null;

    /// <summary>Median peak working set of the one-command processes (bytes), or null when not measured.</summary>
    public double? Peak => PeakRuns.Count > 0 ? Statistics.Median(PeakRuns.Select(p => (double)p)) : null;
}

/// <summary>Measures the forms a user runs in the real pwsh, and DuckDB run the same three ways, on one file.</summary>
internal static class UserView
{
    public const string PathForm = "Get-TopLtvCustomer -Path";
    public const string PipelineForm = "Import-LtvEvents | Get-TopLtvCustomer";
    public const string BestPeer = "DuckDB, best query";
    public const string ExactPeer = "DuckDB, exact-semantics query";
    public const string PwshCeiling = "pipeline ceiling";
    public const string PwshFloor = "binding floor (the module's one set)";
    public const string PwshFloorThreeSets = "binding floor, three sets (the shape before)";

    /// <param name="baseline">Another build of the module (for example the one before a change), measured in the same
    /// interleaved runs so that both see the same machine; its rows are labelled "(baseline)".</param>
    public static List<UserViewRow> Measure(string file, long events, int repetitions, string? module, IReadOnlyList<TopRow> reference, string? baseline = null)
    {
        var rows = new List<UserViewRow>();
        var pwsh = PwshHost.Find(out var why);
        if (pwsh is null || module is null)
        {
            Console.WriteLine($"  pwsh rows {(pwsh is null ? why : "not measured: the module is not built")}");
        }

        var forms = new List<(string Name, string Host, Func<int, HostCalls> Run, bool FullRows)>();
        if (pwsh != null && module != null)
        {
            var host = $"pwsh {pwsh.Version}";
            forms.Add((PathForm, host, calls => pwsh.Measure(new[] { module }, "Get-TopLtvCustomer -Path $file -Top 10", file, calls), true));
            forms.Add((PipelineForm, host, calls => pwsh.Measure(new[] { module }, "Import-LtvEvents -Path $file | Get-TopLtvCustomer -Top 10", file, calls), true));
            if (baseline != null)
            {
                forms.Add((PathForm + " (baseline)", host, calls => pwsh.Measure(new[] { baseline }, "Get-TopLtvCustomer -Path $file -Top 10", file, calls), true));
                forms.Add((PipelineForm + " (baseline)", host, calls => pwsh.Measure(new[] { baseline }, "Import-LtvEvents -Path $file | Get-TopLtvCustomer -Top 10", file, calls), true));
            }
        }

        forms.Add((BestPeer, "fresh process", calls => DuckDbChild.Measure(DuckDbChild.Best, file, calls), true));
        forms.Add((ExactPeer, "fresh process", calls => DuckDbChild.Measure(DuckDbChild.Exact, file, calls), false));

        var cold = forms.ToDictionary(f => f.Name, _ => new List<double>());
        var process = forms.ToDictionary(f => f.Name, _ => new List<double>());
        var peaks = forms.ToDictionary(f => f.Name, _ => new List<long>());
        var warm = forms.ToDictionary(f => f.Name, _ => new List<double>());

        // One-command processes, the forms interleaved so that a slow spell of the machine hits all of them.
        for (var i = 0; i < repetitions; i++)
        {
            foreach (var (name, _, run, fullRows) in forms)
            {
                var calls = run(1);
                Check(name, calls, reference, fullRows);
                cold[name].Add(calls.Seconds[0]);
                process[name].Add(calls.ProcessSeconds);
                peaks[name].Add(calls.PeakWorkingSetBytes);
                Console.WriteLine($"  {name,-40} cold {calls.Seconds[0],7:F3} s, process {calls.ProcessSeconds,7:F3} s, peak {calls.PeakWorkingSetBytes / 1e6,7:F0} MB");
            }
        }

        // Steady state: one process per form, its first call dropped.
        foreach (var (name, _, run, fullRows) in forms)
        {
            var calls = run(repetitions + 1);
            Check(name, calls, reference, fullRows);
            warm[name].AddRange(calls.Seconds.Skip(1));
            Console.WriteLine($"  {name,-40} warm [{string.Join(", ", calls.Seconds.Skip(1).Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}] (first call {calls.Seconds[0]:F3} s)");
        }

        rows.AddRange(forms.Select(f => new UserViewRow(f.Name, f.Host, cold[f.Name], warm[f.Name], process[f.Name], peaks[f.Name])));

        if (pwsh != null && module != null)
        {
            // The pipeline's limits in the same host: two trivial cmdlets, and counting ends of the module's shape.
            var bench = typeof(UserView).Assembly.Location;
            foreach (var (name, call) in new[]
            {
                (PwshCeiling, $"Send-BenchItem -Count {events} | Receive-BenchItem"),
                (PwshFloor, "Import-LtvEvents -Path $file | Receive-BenchEventAsTop -Top 10"),
                (PwshFloorThreeSets, "Import-LtvEvents -Path $file | Receive-BenchEventThreeSets -Top 10"),
            })
            {
                var calls = pwsh.Measure(new[] { module, bench }, call, file, repetitions + 1);
                if (calls.Count != events)
                {
                    throw new BenchFailure($"'{call}' in pwsh passed {calls.Count} objects, not {events}");
                }

                Console.WriteLine($"  {name,-40} warm [{string.Join(", ", calls.Seconds.Skip(1).Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}]");
                rows.Add(new UserViewRow(name, $"pwsh {pwsh.Version}", Array.Empty<double>(), calls.Seconds.Skip(1).ToList(), Array.Empty<double>(), Array.Empty<long>()));
            }
        }

        return rows;
    }

    private static void Check(string name, HostCalls calls, IReadOnlyList<TopRow> reference, bool fullRows)
    {
        if (fullRows)
        {
            ResultCheck.SameRows("core", reference, name, calls.Rows);
        }
        else
        {
            ResultCheck.Same("core", reference.Select(r => new PeerCustomer(r.CustomerId, r.TotalSpend, r.Ltv)).ToList(), name, calls.Rows.Select(r => new PeerCustomer(r.CustomerId, r.TotalSpend, r.Ltv)).ToList());
        }
    }

    /// <summary>The one table: every row with its three times, against DuckDB's best query in the same run.</summary>
    public static string Render(SizeResult size)
    {
        var text = new StringBuilder();
        var best = size.UserView.FirstOrDefault(r => r.Name == BestPeer);
        text.AppendLine("| form | host | cold s | warm s | process s | peak MB | cold / DuckDB best | warm / DuckDB best | process / DuckDB best |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        string F(double? v) => v.HasValue ? v.Value.ToString("F3", CultureInfo.InvariantCulture) : "-";
        string R(double? v, double? peer) => v.HasValue && peer.HasValue ? (v.Value / peer.Value).ToString("F2", CultureInfo.InvariantCulture) : "-";
        foreach (var row in size.UserView)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Name} | {row.Host} | {F(row.Cold)} | {F(row.Warm)} | {F(row.Process)} | {(row.Peak.HasValue ? (row.Peak.Value / 1e6).ToString("F0", CultureInfo.InvariantCulture) : "-")} | {R(row.Cold, best?.Cold)} | {R(row.Warm, best?.Warm)} | {R(row.Process, best?.Process)} |");
        }

        // The in-process rows of the main table, labelled by their host, with their medians as "warm".
        foreach (var (mode, label, host) in new[]
        {
            (ModeNames.CmdletPath, PathForm, "hosted runspace"),
            (ModeNames.Pipeline, PipelineForm, "hosted runspace"),
            (ModeNames.PipelineCeiling, PwshCeiling, "hosted runspace"),
            (ModeNames.Core, "core (FileIngestor + ranking)", "bench process"),
            (ModeNames.PeerBest, BestPeer, "bench process"),
            (ModeNames.Peer, ExactPeer, "bench process"),
        })
        {
            if (size.Mode(mode) is { } m)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {host} | - | {F(m.MedianSeconds)} | - | - | - | {R(m.MedianSeconds, best?.Warm)} | - |");
            }
        }

        return text.ToString();
    }

    /// <summary>The targets of the issue that these rows decide.</summary>
    public static List<Ratio> Targets(SizeResult size)
    {
        var ratios = new List<Ratio>();
        UserViewRow? Row(string name) => size.UserView.FirstOrDefault(r => r.Name == name);
        if (Row(PathForm) is { } path && Row(BestPeer) is { } best)
        {
            foreach (var (label, ours, peer) in new[] { ("cold", path.Cold, best.Cold), ("warm", path.Warm, best.Warm) })
            {
                if (ours.HasValue && peer.HasValue)
                {
                    var v = ours.Value / peer.Value;
                    ratios.Add(new Ratio($"pwsh -Path / DuckDB best, {label} (must <= 1.0; goal <= 0.5)", v, v <= 0.5 ? "<= 0.5 (goal)" : "<= 1.0", v <= 1.0));
                }
            }

            if (size.Events >= 10_000_000 && path.Peak.HasValue && best.Peak.HasValue)
            {
                var gb = path.Peak.Value / 1e9;
                ratios.Add(new Ratio("pwsh -Path peak working set, one run in a fresh pwsh (GB)", gb, "<= 1.0", gb <= 1.0));
                var v = path.Peak.Value / best.Peak.Value;
                ratios.Add(new Ratio("pwsh -Path peak / DuckDB best peak", v, "<= 1.0", v <= 1.0));
            }
        }

        if (Row(PipelineForm) is { Warm: { } pipeline } && Row(PwshCeiling) is { Warm: { } ceiling })
        {
            var v = ceiling / pipeline;
            ratios.Add(new Ratio("pwsh pipeline / pipeline ceiling (throughput, warm)", v, ">= 0.6", v >= 0.6));
        }

        if (Row(PwshFloor) is { Warm: { } floor } && Row(PwshCeiling) is { Warm: { } c2})
        {
            ratios.Add(new Ratio("pwsh binding floor, the module's one set / pipeline ceiling (throughput)", c2 / floor, "-", true));
        }

        if (Row(PwshFloorThreeSets) is { Warm: { } floor3 } && Row(PwshCeiling) is { Warm: { } c3 })
        {
            ratios.Add(new Ratio("pwsh binding floor, three sets / pipeline ceiling (throughput)", c3 / floor3, "-", true));
        }

        return ratios;
    }
}
