using System.Management.Automation;

namespace LtvTools.Module.Tests;

/// <summary>
/// The aggregating cmdlets take input in one parameter set (only -InputObject is pipeline-bound, for the
/// pipeline form's speed): every documented input form works, and two ways of giving input at once are refused.
/// </summary>
public class InputParameterTests
{
    [Theory]
    [InlineData("Get-TopLtvCustomer")]
    [InlineData("Get-LtvWeeklyMetrics")]
    public void Only_InputObject_takes_pipeline_input_in_a_single_parameter_set(string cmdlet)
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(
            "$c = Get-Command $args[0]; $c.ParameterSets.Count; " +
            "$c.ParameterSets[0].Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } | ForEach-Object Name",
            cmdlet).Clean();

        Assert.Equal(new[] { "1", "InputObject" }, result.Output.Select(o => o.ToString()));
    }

    [Theory]
    [InlineData("Get-TopLtvCustomer -Path $args[0] -LiteralPath $args[0]", "-Path and -LiteralPath cannot be used together")]
    [InlineData("Get-LtvWeeklyMetrics -Path $args[0] -LiteralPath $args[0]", "-Path and -LiteralPath cannot be used together")]
    [InlineData("Get-TopLtvCustomer -Path $args[0] -InputObject $args[0]", "-InputObject cannot be combined with -Path")]
    [InlineData("Get-LtvWeeklyMetrics -LiteralPath $args[0] -InputObject $args[0]", "-InputObject cannot be combined with -LiteralPath")]
    [InlineData("Import-LtvEvents $args[0] | Get-TopLtvCustomer -Path $args[0]", "pipeline input cannot be combined with -Path or -LiteralPath")]
    [InlineData("$args[0] | Get-LtvWeeklyMetrics -LiteralPath $args[0]", "pipeline input cannot be combined with -Path or -LiteralPath")]
    public void Two_ways_of_giving_input_at_once_are_a_terminating_ConflictingInput_error(string script, string message)
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("try { " + script + " -ErrorAction SilentlyContinue -WarningAction SilentlyContinue } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.Exception.Message }", RepoPaths.Sample);

        var lines = result.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Matches("^ConflictingInput,LtvTools.Commands.Get(TopLtvCustomer|LtvWeeklyMetrics)Command$", lines[0]);
        Assert.Equal("InvalidArgument", lines[1]);
        Assert.StartsWith(message, lines[2]);
    }

    [Theory]
    [InlineData("Get-TopLtvCustomer")]
    [InlineData("Get-LtvWeeklyMetrics -CustomerId x")]
    public void No_input_at_all_is_a_terminating_NoInput_error(string script)
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("try { " + script + "; 'not stopped' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }");

        var lines = result.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("NoInput,", lines[0]);
        Assert.Contains("give event files with -Path or -LiteralPath, or pipe events or file names in", lines[1]);
    }

    [Theory]
    [InlineData("@() | Get-TopLtvCustomer -Path $args[0] -Top 3")]
    [InlineData("Get-TopLtvCustomer $args[0] -Top 3")]
    [InlineData("Get-TopLtvCustomer -LiteralPath $args[0] -Top 3")]
    [InlineData("Get-TopLtvCustomer -PSPath $args[0] -Top 3")]
    [InlineData("$args[0] | Get-TopLtvCustomer -Top 3")]
    [InlineData("Get-Item -LiteralPath $args[0] | Get-TopLtvCustomer -Top 3")]
    [InlineData("Get-TopLtvCustomer -InputObject $args[0] -Top 3")]
    [InlineData("Get-TopLtvCustomer -InputObject (Import-LtvEvents $args[0]) -Top 3")]
    [InlineData("Import-LtvEvents $args[0] | Get-TopLtvCustomer -Top 3")]
    [InlineData("Get-Content $args[0] -Raw | ConvertFrom-Json | Get-TopLtvCustomer -Top 3")]
    [InlineData("[pscustomobject]@{ FullName = $args[0] } | Get-TopLtvCustomer -Top 3")]
    public void Every_documented_input_form_gives_the_same_top_three(string script)
    {
        using var ps = ModuleRunspace.Start();

        // An upstream command that writes nothing still lets -Path read its files.
        var result = ps.Run(script + " -ErrorAction SilentlyContinue -WarningAction SilentlyContinue", RepoPaths.Sample);

        SampleExpectations.AssertTopThree(result);
    }

    [Fact]
    public void An_object_that_has_a_type_is_an_event_even_with_a_Path_property()
    {
        using var ps = ModuleRunspace.Start();

        // Rule order of PipedInputRouter: an object with 'type' is an event record (Path is a field nothing reads), never a file name.
        var result = ps.Run("[pscustomobject]@{ type = 'ORDER'; verb = 'NEW'; key = 'a1'; event_time = '2017-01-06T12:55:55Z'; customer_id = 'c1'; total_amount = '10.00 USD'; Path = $args[0] } | Get-TopLtvCustomer | ForEach-Object { $_.CustomerId, $_.TotalSpend }", RepoPaths.Sample);

        Assert.Equal(new[] { "c1", "10.00" }, result.Clean().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_Path_property_takes_wildcards_before_a_literal_FullName()
    {
        using var dir = new TempFolder();
        dir.CopySample("a.json");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("[pscustomobject]@{ FullName = 'no-such-file.json'; Path = $args[0] + '/*.json' } | Get-TopLtvCustomer -Top 3 -ErrorAction SilentlyContinue", dir.Path);

        SampleExpectations.AssertTopThree(result);
    }
}
