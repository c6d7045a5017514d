using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LtvTools.Benchmarks;

/// <summary>
/// The real pwsh as a user runs it: the version pinned by the repository's tool manifest
/// (<c>.config/dotnet-tools.json</c>, restored with <c>dotnet tool restore</c>), started as
/// <c>dotnet pwsh.dll -NoProfile</c> straight from the restored package, which is what <c>dotnet pwsh</c> runs
/// after the CLI has found the tool (that lookup alone adds most of a second, which no installed pwsh pays).
/// </summary>
internal sealed class PwshHost
{
    private PwshHost(string pwshDll, string version)
    {
        PwshDll = pwshDll;
        Version = version;
    }

    public string PwshDll { get; }

    public string Version { get; }

    /// <summary>The pinned pwsh, or null (with the reason) when the manifest or the restored package is missing.</summary>
    public static PwshHost? Find(out string reason)
    {
        var manifest = Path.Combine(DataFiles.RepositoryRoot, ".config", "dotnet-tools.json");
        if (!File.Exists(manifest))
        {
            reason = $"not measured: {manifest} is missing";
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        if (!json.RootElement.GetProperty("tools").TryGetProperty("powershell", out var tool))
        {
            reason = "not measured: the tool manifest pins no powershell tool";
            return null;
        }

        var version = tool.GetProperty("version").GetString()!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var any = Path.Combine(packages, "powershell", version, "tools");
        var dll = Directory.Exists(any)
            ? Directory.EnumerateFiles(any, "pwsh.dll", SearchOption.AllDirectories)
                .FirstOrDefault(f => f.Contains(OperatingSystem.IsWindows() ? $"{Path.DirectorySeparatorChar}win{Path.DirectorySeparatorChar}" : $"{Path.DirectorySeparatorChar}unix{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : null;
        if (dll is null)
        {
            reason = $"not measured: pwsh {version} is not restored (run dotnet tool restore)";
            return null;
        }

        reason = "";
        return new PwshHost(dll, version);
    }

    /// <summary>
    /// One fresh <c>pwsh -NoProfile</c> that imports <paramref name="modules"/> and then runs <paramref name="call"/>
    /// <paramref name="calls"/> times, each timed inside; <c>$file</c> is the event file. The last call's
    /// output must be top-customer rows (or a count, for the counting modes).
    /// </summary>
    public HostCalls Measure(IEnumerable<string> modules, string call, string file, int calls, bool silentProgress = false)
    {
        var script = string.Join("; ", modules.Select(m => $"Import-Module {Quote(m)} -ErrorAction Stop")) + "; " +
            $"$file = {Quote(file)}; " +
            (silentProgress ? "$ProgressPreference = 'SilentlyContinue'; " : "") +
            "$times = [System.Collections.Generic.List[double]]::new(); " +
            $"for ($i = 0; $i -lt {calls.ToString(CultureInfo.InvariantCulture)}; $i++) {{ " +
            "[System.GC]::Collect(); " +
            "$clock = [System.Diagnostics.Stopwatch]::StartNew(); " +
            $"$r = @({call}); " +
            "$times.Add($clock.Elapsed.TotalSeconds) }; " +
            "$rows = @($r | Where-Object { $_ -isnot [long] } | Select-Object CustomerId, LastName, City, State, SiteVisits, Orders, TotalSpend, TotalWeeks, Ltv); " +
            "$count = @($r | Where-Object { $_ -is [long] }); " +
            "[System.Diagnostics.Process]::GetCurrentProcess().Refresh(); " +
            "'{\"seconds\":' + (ConvertTo-Json -Compress -InputObject $times.ToArray()) + ',\"rows\":' + (ConvertTo-Json -Compress -Depth 2 -InputObject $rows) + " +
            "',\"count\":' + $(if ($count.Count) { $count[0] } else { -1 }) + ',\"peak\":' + [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 + '}'";
        var start = new ProcessStartInfo("dotnet");
        foreach (var arg in new[] { PwshDll, "-NoProfile", "-NonInteractive", "-Command", script })
        {
            start.ArgumentList.Add(arg);
        }

        // The culture of the machine, not the bench's: decimals are read back from JSON, which is invariant.
        return HostCalls.Run(start, $"pwsh ({call})");
    }

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
