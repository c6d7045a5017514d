using System.Diagnostics;
using LtvTools.Module.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// The real pwsh 7.6 executable for tests that need separate processes (a save killed mid-write, SSH
/// remoting, Start-Job): LTV_PWSH if set, else the one the repository pins as a .NET tool
/// (.config/dotnet-tools.json, in the NuGet package folder after <c>dotnet tool restore</c>), else pwsh on PATH.
/// </summary>
public static class RealPwsh
{
    public static string? Path { get; } = Find();

    /// <summary>True under CI, where a test that needs pwsh or sshd must fail rather than be skipped.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts pwsh on a script file with the given arguments, every stream redirected.</summary>
    public static Process Start(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("pwsh 7.6 was not found (set LTV_PWSH, or put pwsh on PATH)"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-File", script }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start)!;
    }

    /// <summary>Runs a script to the end and returns its output; a non-zero exit fails with both streams.</summary>
    public static string Run(string script, TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(script, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh {script} did not finish in {timeout}: {output.Result}{errors.Result}");
        }

        Assert.True(process.ExitCode == 0, $"pwsh {script} exited with {process.ExitCode}:\n{output.Result}\n{errors.Result}");
        return output.Result;
    }

    private static string? Find()
    {
        var given = Environment.GetEnvironmentVariable("LTV_PWSH");
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        var tool = PinnedTool();
        if (tool != null && File.Exists(tool))
        {
            return tool;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The pwsh executable of the PowerShell tool package the manifest pins (its own $PSHOME, so Start-Job works).</summary>
    private static string? PinnedTool()
    {
        var manifest = System.IO.Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        if (!json.RootElement.GetProperty("tools").TryGetProperty("powershell", out var powershell))
        {
            return null;
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return System.IO.Path.Combine(
            packages, "powershell", powershell.GetProperty("version").GetString()!, "tools", "net10.0", "any",
            OperatingSystem.IsWindows() ? "win" : "unix", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
    }
}

/// <summary>A fact that needs the real pwsh: skipped (saying why) without one, except under CI, where it runs and fails.</summary>
public sealed class RealPwshFactAttribute : FactAttribute
{
    public RealPwshFactAttribute()
    {
        if (RealPwsh.Path is null && !RealPwsh.InCi)
        {
            Skip = "pwsh 7.6 not found: set LTV_PWSH or put pwsh on PATH (under CI=true this test fails instead)";
        }
    }
}
