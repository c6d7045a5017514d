using System.Diagnostics;

namespace LtvTools.Module.Tests;

/// <summary>
/// The culture recipes of the README and help, run in the real pwsh 7.6.9 that the repository's tool manifest
/// pins (.config/dotnet-tools.json, through <c>dotnet tool run pwsh</c>), in a decimal-comma culture.
/// </summary>
public class RealPwshCultureTests
{
    [Fact]
    public void In_de_DE_exporting_under_the_invariant_culture_writes_dot_decimals_and_saved_events_read_back()
    {
        using var temp = new TempFolder();
        var script = Path.Combine(temp.Path, "recipe.ps1");
        File.WriteAllText(script, """
            param($Folder)
            $ErrorActionPreference = 'Stop'
            Import-Module ./out/LtvTools/LtvTools.psd1
            [cultureinfo]::CurrentCulture = 'de-DE'
            $quiet = @{ ErrorAction = 'SilentlyContinue'; WarningAction = 'SilentlyContinue' }

            # The documented recipe: '.' decimals from a decimal-comma session.
            $c = [cultureinfo]::CurrentCulture
            [cultureinfo]::CurrentCulture = [cultureinfo]::InvariantCulture
            try { Get-TopLtvCustomer -Path samples/events.json -Top 3 @quiet | Export-Csv (Join-Path $Folder dot.csv) }
            finally { [cultureinfo]::CurrentCulture = $c }

            # Without it, Export-Csv writes the session's culture, as for every number.
            Get-TopLtvCustomer -Path samples/events.json -Top 3 @quiet | Export-Csv (Join-Path $Folder comma.csv)
            "culture after: $([cultureinfo]::CurrentCulture.Name)"

            # Issue 18's report: events saved in de-DE (with and without -UseCulture) come back whole.
            Import-LtvEvents samples/events.json @quiet | Export-Csv (Join-Path $Folder ev.csv)
            Import-LtvEvents samples/events.json @quiet | Export-Csv (Join-Path $Folder ev-culture.csv) -UseCulture
            foreach ($back in (Import-Csv (Join-Path $Folder ev.csv)), (Import-Csv (Join-Path $Folder ev-culture.csv) -UseCulture)) {
                $back | Get-TopLtvCustomer -Top 3 | ForEach-Object { 'back: {0} {1} {2}' -f $_.CustomerId, $_.Orders, $_.Ltv.ToString([cultureinfo]::InvariantCulture) }
            }
            """);

        var (exitCode, output, errors) = RunRealPwsh(script, temp.Path);

        Assert.True(exitCode == 0, $"pwsh exited with {exitCode}: {errors}\n{output}");
        Assert.Equal(string.Empty, errors.Trim());
        var dot = File.ReadAllText(Path.Combine(temp.Path, "dot.csv"));
        Assert.Contains("\"165.50\",\"4\",\"82.75\",\"0.5\",\"41.38\",\"21515.00\"", dot);
        Assert.DoesNotContain("21515,00", dot);
        Assert.Contains("\"165,50\",\"4\",\"82,75\",\"0,5\",\"41,38\",\"21515,00\"", File.ReadAllText(Path.Combine(temp.Path, "comma.csv")));
        var lines = output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Contains("culture after: de-DE", lines);
        var back = lines.Where(l => l.StartsWith("back: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "back: 5e1a7c0b3d21 2 21515.00", "back: c2b4d6e8f0a1 1 11698.70", "back: 96f55c7d8f42 1 1604.20" },
            back.Take(3));
        Assert.Equal(back.Take(3), back.Skip(3));
    }

    private static (int ExitCode, string Output, string Errors) RunRealPwsh(string script, string folder)
    {
        // Restoring is a no-op once the tool is installed; on a fresh clone it installs the pinned pwsh.
        Run("dotnet", new[] { "tool", "restore" });
        return Run("dotnet", new[] { "tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", script, folder });
    }

    private static (int ExitCode, string Output, string Errors) Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No colours or progress in the captured text.
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 180 s");
        }

        return (process.ExitCode, output, errors.Result);
    }
}
