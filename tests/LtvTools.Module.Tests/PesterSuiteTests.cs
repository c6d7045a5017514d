using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace LtvTools.Module.Tests;

/// <summary>
/// Runs the Pester suite (tests/*.Tests.ps1) with Pester 5 from NuGet in a fresh runspace, so the suite that
/// users run through build.ps1 -Test is itself run, and kept passing, in CI.
/// </summary>
public class PesterSuiteTests
{
    private static string PesterManifest =>
        typeof(PesterSuiteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PesterManifest").Value!;

    [Fact]
    public void The_Pester_suite_passes_with_every_test_run()
    {
        Assert.True(File.Exists(PesterManifest), "Pester was not restored: " + PesterManifest);

        // A runspace of its own: the suite imports out/LtvTools itself, as it does under pwsh.
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        runspace.SessionStateProxy.Path.SetLocation(WildcardPattern.Escape(RepoPaths.Root));
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript("""
            param($Pester, $Tests)
            Import-Module $Pester -ErrorAction Stop
            $config = New-PesterConfiguration
            $config.Run.Path = $Tests
            $config.Run.PassThru = $true
            $config.Output.Verbosity = 'None'
            $run = Invoke-Pester -Configuration $config
            [pscustomobject]@{
                Total = $run.TotalCount
                Passed = $run.PassedCount
                Failures = @($run.Failed | ForEach-Object { '{0}: {1}' -f $_.ExpandedPath, ($_.ErrorRecord | Select-Object -First 1) })
                ContainerErrors = @($run.Containers | Where-Object { $_.ErrorRecord.Count -gt 0 } | ForEach-Object { '{0}: {1}' -f $_.Item, ($_.ErrorRecord | Select-Object -First 1) })
            }
            """).AddArgument(PesterManifest).AddArgument(Path.Combine(RepoPaths.Root, "tests"));

        var summary = shell.Invoke().Single();

        var failures = (object[])summary.Properties["Failures"].Value;
        var containerErrors = (object[])summary.Properties["ContainerErrors"].Value;
        var total = (int)summary.Properties["Total"].Value;
        var passed = (int)summary.Properties["Passed"].Value;
        Assert.True(failures.Length == 0 && containerErrors.Length == 0, string.Join("\n", failures.Concat(containerErrors)));
        // Nothing skipped or left out: every It block ran and passed (the suite has well over 20).
        Assert.True(total >= 20 && passed == total, $"{passed} of {total} Pester tests passed");
    }
}
