using System.Diagnostics;
using LtvTools.Module.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// The real pwsh 7.6 executable for tests that need separate processes (a save killed mid-write, SSH
/// remoting, Start-Job): LTV_PWSH if set, else pwsh on PATH (CI puts the repository's own there), else the
/// repository's console host build (tools/PwshHost).
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

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"))
            .FirstOrDefault(File.Exists);
        if (onPath != null)
        {
            return onPath;
        }

        var host = System.IO.Path.Combine(RepoPaths.Root, "tools", "PwshHost", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        return File.Exists(host) ? host : null;
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
