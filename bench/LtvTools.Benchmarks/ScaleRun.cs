using System.Globalization;

namespace LtvTools.Benchmarks;

/// <summary>
/// One large file, once each way: <c>Get-TopLtvCustomer -Path</c> in a fresh pwsh and DuckDB's best query in a
/// fresh process, with their times, peak working sets and rows checked against each other column by column.
/// For the scale check (100M events), where the full bench would take hours.
/// </summary>
internal static class ScaleRun
{
    public static int Run(string file, string? module)
    {
        var pwsh = PwshHost.Find(out var why) ?? throw new BenchFailure(why);
        module ??= DataFiles.ModuleManifest ?? throw new BenchFailure("the module is not built");
        var bytes = new FileInfo(file).Length;
        Console.WriteLine($"{file}: {bytes / 1e9:F2} GB, load {MachineLoad.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"}");
        var ours = pwsh.Measure(new[] { module }, "Get-TopLtvCustomer -Path $file -Top 10", file, 1);
        Console.WriteLine($"  pwsh {pwsh.Version} Get-TopLtvCustomer -Path: call {ours.Seconds[0]:F1} s, process {ours.ProcessSeconds:F1} s, peak working set {ours.PeakWorkingSetBytes / 1e9:F2} GB, load {MachineLoad.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"}");
        var peer = DuckDbChild.Measure(DuckDbChild.Best, file, 1);
        Console.WriteLine($"  DuckDB best query: query {peer.Seconds[0]:F1} s, process {peer.ProcessSeconds:F1} s, peak working set {peer.PeakWorkingSetBytes / 1e9:F2} GB, load {MachineLoad.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"}");
        ResultCheck.SameRows("pwsh Get-TopLtvCustomer -Path", ours.Rows, "DuckDB best query", peer.Rows);
        Console.WriteLine($"  check: the same top {ours.Rows.Count} rows, every column; top is {ours.Rows[0].CustomerId} at {ours.Rows[0].Ltv:F2}");
        Console.WriteLine($"  pwsh / DuckDB: time {ours.Seconds[0] / peer.Seconds[0]:F2}, process {ours.ProcessSeconds / peer.ProcessSeconds:F2}, peak {(double)ours.PeakWorkingSetBytes / peer.PeakWorkingSetBytes:F2}");
        return 0;
    }
}
