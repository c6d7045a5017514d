using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LtvTools.Benchmarks;

/// <summary>
/// The cost of progress as a user sees it: the real pwsh attached to a terminal (a detached tmux session, so
/// the progress bar is really rendered), <c>Get-TopLtvCustomer -Path</c> with <c>$ProgressPreference</c>
/// Continue and SilentlyContinue in alternating pairs, in one process. A hosted runspace never renders
/// progress, so only this measures it. The overhead is the median of the pairs' time ratios, minus 1.
/// </summary>
internal static class ProgressInTerminal
{
    public static int Run(string file, int pairs, string? module)
    {
        var pwsh = PwshHost.Find(out var why) ?? throw new BenchFailure(why);
        module ??= DataFiles.ModuleManifest ?? throw new BenchFailure("the module is not built");
        var results = Path.Combine(Path.GetTempPath(), $"ltv-progress-{Environment.ProcessId}.json");
        var script = Path.Combine(Path.GetTempPath(), $"ltv-progress-{Environment.ProcessId}.ps1");
        File.WriteAllText(script, $$"""
            Import-Module '{{module.Replace("'", "''", StringComparison.Ordinal)}}' -ErrorAction Stop
            $file = '{{file.Replace("'", "''", StringComparison.Ordinal)}}'
            $null = Get-TopLtvCustomer -Path $file -Top 10
            $on = [System.Collections.Generic.List[double]]::new(); $off = [System.Collections.Generic.List[double]]::new()
            function Time([string] $preference) {
                $ProgressPreference = $preference
                [System.GC]::Collect()
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $null = Get-TopLtvCustomer -Path $file -Top 10
                $clock.Elapsed.TotalSeconds
            }
            for ($i = 0; $i -lt {{pairs}}; $i++) {
                # Swap which goes first each time, so neither always runs right after the other.
                if ($i % 2 -eq 0) { $on.Add((Time 'Continue')); $off.Add((Time 'SilentlyContinue')) }
                else { $off.Add((Time 'SilentlyContinue')); $on.Add((Time 'Continue')) }
            }
            $interactive = [System.Console]::IsOutputRedirected -eq $false
            '{"interactive":' + $interactive.ToString().ToLowerInvariant() + ',"on":' + (ConvertTo-Json -Compress -InputObject $on.ToArray()) + ',"off":' + (ConvertTo-Json -Compress -InputObject $off.ToArray()) + '}' | Set-Content -LiteralPath '{{results}}'
            """);
        var session = $"ltv-progress-{Environment.ProcessId}";
        Tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", $"dotnet '{pwsh.PwshDll}' -NoProfile -File '{script}'");
        Console.WriteLine($"pwsh {pwsh.Version} in tmux session {session}, {pairs} pairs on {file} ...");
        while (Tmux("has-session", "-t", session) == 0)
        {
            Thread.Sleep(1000);
        }

        if (!File.Exists(results))
        {
            throw new BenchFailure("the pwsh in tmux wrote no results");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(results));
        var on = json.RootElement.GetProperty("on").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var off = json.RootElement.GetProperty("off").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var overhead = Statistics.Median(on.Zip(off, (a, b) => a / b)) - 1;
        Console.WriteLine($"terminal attached: {json.RootElement.GetProperty("interactive").GetBoolean()}, load {MachineLoad.OneMinute()?.ToString("F1", CultureInfo.InvariantCulture) ?? "?"}");
        Console.WriteLine($"with progress    [{string.Join(", ", on.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}] median {Statistics.Median(on):F3} s");
        Console.WriteLine($"without progress [{string.Join(", ", off.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}] median {Statistics.Median(off):F3} s");
        Console.WriteLine($"progress overhead (median of the pairs' ratios - 1): {overhead:+0.000;-0.000} (target < 0.02: {(overhead < 0.02 ? "met" : "NOT met")})");
        File.Delete(results);
        File.Delete(script);
        return 0;
    }

    private static int Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var tmux = Process.Start(start) ?? throw new BenchFailure("cannot start tmux");
        tmux.WaitForExit();
        return tmux.ExitCode;
    }
}
