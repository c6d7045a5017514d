using System.Diagnostics;
using System.Text.Json;

namespace LtvTools.Benchmarks;

/// <summary>Runs one mode once in a child process (<c>memory --mode m --file f</c>) and reads its figures back.</summary>
internal static class MemoryProbe
{
    public static MemoryFigures Measure(string mode, string file, string? modulePath)
    {
        var self = Environment.ProcessPath ?? throw new BenchFailure("cannot find this executable to start a child");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(MemoryProbe).Assembly.Location);
        }

        foreach (var arg in new[] { "memory", "--mode", mode, "--file", file })
        {
            start.ArgumentList.Add(arg);
        }

        if (modulePath != null)
        {
            start.ArgumentList.Add("--module");
            start.ArgumentList.Add(modulePath);
        }

        using var child = Process.Start(start) ?? throw new BenchFailure("could not start the memory child process");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (child.ExitCode != 0 || last is null)
        {
            throw new BenchFailure($"memory child for {mode} failed (exit {child.ExitCode}): {output}");
        }

        var figures = JsonSerializer.Deserialize<MemoryFigures>(last) ?? throw new BenchFailure($"unreadable memory figures: {last}");
        Console.WriteLine($"  memory {mode,-15} peak working set {figures.PeakWorkingSetBytes / 1e6,8:F1} MB, GC heap after full collection {figures.GcHeapAfterFullCollectionBytes / 1e6,8:F1} MB");
        return figures;
    }

    /// <summary>The child's side: run the mode once, keep its result alive across a full collection, print JSON.</summary>
    public static int RunChild(string mode, string file, string? modulePath)
    {
        object? result;
        long distinctKeys = 0;
        PowerShellSession? session = null;
        switch (mode)
        {
            case "core":
                var core = CoreRun.Execute(file, 10);
                distinctKeys = core.DistinctKeys;
                result = core;
                break;
            case "peer":
                result = DuckDbPeer.TopCustomers(file, FileLayout.IsArray(file), 10);
                break;
            case "cmdlet":
                session = new PowerShellSession(modulePath);
                result = session.Invoke("Get-TopLtvCustomer -Path $file -Top 10", file, silenceProgress: true);
                break;
            default:
                throw new ArgumentException($"unknown memory mode '{mode}'");
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(result);
        GC.KeepAlive(session);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new MemoryFigures(mode, self.PeakWorkingSet64, heap, distinctKeys)));
        return 0;
    }
}
