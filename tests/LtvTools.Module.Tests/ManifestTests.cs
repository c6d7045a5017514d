using System.Text.RegularExpressions;

namespace LtvTools.Module.Tests;

/// <summary>The module as a whole: manifest, exports, format views and help.</summary>
public class ManifestTests
{
    private static readonly string[] Cmdlets = { "Add-LtvEvent", "Export-LtvDataset", "Get-LtvCustomerSummary", "Get-LtvForecast", "Get-LtvWeeklyMetrics", "Get-TopLtvCustomer", "Import-LtvDataset", "Import-LtvEvents", "Merge-LtvDataset", "New-LtvDataset", "New-LtvForecastModel" };

    [Fact]
    public void Test_ModuleManifest_passes_and_the_version_is_the_one_in_Directory_Build_props()
    {
        using var ps = ModuleRunspace.Start();
        var result = ps.Run("Test-ModuleManifest -Path $args[0] -ErrorAction Stop", RepoPaths.ModuleManifest).Clean();

        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        Assert.Single(result.Output);
        Assert.Equal(version, result.Value(0, "Version")!.ToString());
        Assert.Equal("LtvTools.dll", result.Value(0, "RootModule"));
        Assert.Equal(new[] { "Core", "Desktop" }, ((IEnumerable<string>)result.Value(0, "CompatiblePSEditions")!).Order());
        Assert.Equal("5.1", result.Value(0, "PowerShellVersion")!.ToString());
        Assert.Equal("4.7.2", result.Value(0, "DotNetFrameworkVersion")!.ToString());
        // A gallery or an internal feed may refuse a package without a licence and a project page.
        Assert.Equal("https://github.com/ltvtools/LtvTools/blob/main/LICENSE", result.Value(0, "LicenseUri")!.ToString());
        Assert.Equal("https://github.com/ltvtools/LtvTools", result.Value(0, "ProjectUri")!.ToString());
    }

    [Fact]
    public void Exactly_the_eleven_cmdlets_are_exported_and_nothing_else()
    {
        using var ps = ModuleRunspace.Start();
        var module = ps.ImportResult;
        Assert.Single(module.Output);
        Assert.Empty(module.Warnings);

        var commands = ps.Run("Get-Command -Module LtvTools | ForEach-Object { '{0} {1}' -f $_.CommandType, $_.Name }").Clean();
        Assert.Equal(Cmdlets.Select(c => "Cmdlet " + c), commands.Output.Select(o => o.ToString()).Order());

        var other = ps.Run("$m = Get-Module LtvTools; $m.ExportedFunctions.Count + $m.ExportedAliases.Count + $m.ExportedVariables.Count").Clean();
        Assert.Equal(0, (int)other.Output[0].BaseObject);
    }

    [Fact]
    public void The_module_folder_holds_the_manifest_formats_help_and_assemblies()
    {
        var folder = Path.GetDirectoryName(RepoPaths.ModuleManifest)!;
        foreach (var file in new[] { "LICENSE", "LtvTools.psd1", "LtvTools.format.ps1xml", "LtvTools.types.ps1xml", "System.IO.Hashing.dll", "LtvTools.dll", "LtvTools.Core.dll", "System.Text.Json.dll", "MathNet.Numerics.dll", "en-US/LtvTools.dll-Help.xml", "en-US/about_LtvTools.help.txt" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file + " is missing from out/LtvTools");
        }

        // PowerShell supplies System.Management.Automation itself; a copy in the module would clash.
        Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
    }

    [Theory]
    [InlineData("Import-LtvEvents")]
    [InlineData("Get-TopLtvCustomer")]
    [InlineData("Get-LtvWeeklyMetrics")]
    [InlineData("Get-LtvCustomerSummary")]
    [InlineData("New-LtvForecastModel")]
    [InlineData("Get-LtvForecast")]
    [InlineData("New-LtvDataset")]
    [InlineData("Add-LtvEvent")]
    [InlineData("Export-LtvDataset")]
    [InlineData("Import-LtvDataset")]
    [InlineData("Merge-LtvDataset")]
    public void Get_Help_Full_has_a_synopsis_a_description_every_parameter_and_examples(string cmdlet)
    {
        using var ps = ModuleRunspace.Start();
        var help = ps.Run(
            "$h = Get-Help $args[0] -Full; " +
            "$h.Synopsis; " +
            "($h.description | ForEach-Object Text) -join ' '; " +
            "@($h.examples.example).Count; " +
            "@($h.examples.example | Where-Object { $_.code -match $args[0] }).Count; " +
            "$documented = @($h.parameters.parameter | Where-Object { ($_.description | ForEach-Object Text) -join '' } | ForEach-Object name); " +
            "$common = [System.Management.Automation.Cmdlet]::CommonParameters; " +
            "$all = (Get-Command $args[0]).Parameters.Keys | Where-Object { $common -notcontains $_ }; " +
            "@($all | Where-Object { $documented -notcontains $_ }).Count; " +
            "@($all).Count",
            cmdlet).Clean();

        var synopsis = help.Output[0].ToString();
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        Assert.DoesNotContain(cmdlet + " [", synopsis); // the generated fallback synopsis is the syntax
        Assert.True(help.Output[1].ToString().Length > 100, "description: " + help.Output[1]);
        Assert.True((int)help.Output[2].BaseObject >= 2, "examples: " + help.Output[2]);
        Assert.Equal(help.Output[2].BaseObject, help.Output[3].BaseObject); // every example runs the cmdlet
        Assert.Equal(0, (int)help.Output[4].BaseObject); // undocumented parameters
        Assert.True((int)help.Output[5].BaseObject >= 1);
    }

    [Fact]
    public void About_LtvTools_is_found_by_Get_Help()
    {
        using var ps = ModuleRunspace.Start();
        var about = ps.Run("Get-Help about_LtvTools | ForEach-Object { $_.ToString() }").Clean();
        var all = string.Join("\n", about.Output.Select(o => o.ToString()));
        Assert.Contains("<id>,LtvTools.Commands.<Cmdlet>", all);
        Assert.Contains("InvalidEventFile (the file cannot be read on", all);
        Assert.Contains("LTV = 52 x a x LifespanYears", all);
        Assert.Contains("FORECAST", all);
        Assert.Contains("ForecastNoRepeatCustomers", all);
    }
}
