namespace LtvTools.Module.Tests;

/// <summary>What the README and help say, checked against what the module does.</summary>
public class DocumentedWordingTests
{
    [Fact]
    public void README_help_and_about_topic_agree_that_LifespanYears_is_at_most_1000_and_the_module_enforces_it()
    {
        using var ps = ModuleRunspace.Start();

        var help = ps.Run("(Get-Help Get-TopLtvCustomer -Parameter LifespanYears).description.Text -join ' '").Clean();
        var tooLong = ps.Run("Get-TopLtvCustomer -Path samples/events.json -LifespanYears 1001");
        var longest = ps.Run("Get-TopLtvCustomer -Path samples/events.json -LifespanYears 1000 -Top 1 -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | ForEach-Object { $_.Ltv.ToString([cultureinfo]::InvariantCulture) }").Clean();

        Assert.Contains("at most 1000", help.Output.Single().ToString());
        Assert.Contains("`-LifespanYears` (default 10, above 0 and at most\n  1000)", File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n"));
        Assert.Contains("at most\n    1000", File.ReadAllText(Path.Combine(RepoPaths.Root, "module", "en-US", "about_LtvTools.help.txt")).Replace("\r\n", "\n"));
        Assert.StartsWith("ParameterArgumentValidationError,", Assert.Single(tooLong.Errors).FullyQualifiedErrorId);
        Assert.Equal("2151500.00", Assert.Single(longest.Output).ToString());
    }

    [Fact]
    public void Import_LtvEvents_help_example_3_quotes_its_output_as_it_prints()
    {
        using var ps = ModuleRunspace.Start();

        var example = ps.Run("$x = (Get-Help Import-LtvEvents -Examples).examples.example[2]; $x.code; ($x.remarks | ForEach-Object Text) -join ' '").Clean();
        var code = example.Output[0].ToString()!;
        var remarks = example.Output[1].ToString()!;
        var printed = ps.Run(code.Replace("events.json", "samples/events.json", StringComparison.Ordinal)).Clean().Output.Single().ToString()!;

        // The help's example line, with the user's path in place of /home/ops and the raw text cut where the help cuts it.
        var quoted = remarks[(remarks.IndexOf("/home/ops/events.json", StringComparison.Ordinal) + "/home/ops/events.json".Length)..].TrimEnd();
        Assert.EndsWith("...}", quoted);
        Assert.StartsWith(RepoPaths.Sample + quoted[..^4], printed);
    }
}
