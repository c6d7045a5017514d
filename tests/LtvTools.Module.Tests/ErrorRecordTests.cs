using System.Management.Automation;

namespace LtvTools.Module.Tests;

/// <summary>Rejected records as PowerShell error records: ids, category, target, file and line.</summary>
public class ErrorRecordTests
{
    private const string Good1 = "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\"}";
    private const string BadJson = "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\":";
    private const string Good2 = "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2017-01-06T12:55:55Z\", \"customer_id\": \"c1\", \"total_amount\": \"12.34 USD\"}";
    private const string BadTime = "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o2\", \"event_time\": \"yesterday\", \"customer_id\": \"c1\", \"total_amount\": \"1.00 USD\"}";

    /// <summary>NDJSON: good, bad JSON, good, blank, bad rule (line 5).</summary>
    private static string Write(TempFolder dir) => dir.Write("mixed.jsonl", string.Join("\n", Good1, BadJson, Good2, "", BadTime) + "\n");

    [Theory]
    [InlineData("Import-LtvEvents -LiteralPath $args[0] -ErrorVariable bad -ErrorAction SilentlyContinue", "ImportLtvEventsCommand", 2)]
    [InlineData("Get-TopLtvCustomer -LiteralPath $args[0] -ErrorVariable bad -ErrorAction SilentlyContinue", "GetTopLtvCustomerCommand", 1)]
    [InlineData("Get-LtvWeeklyMetrics -LiteralPath $args[0] -ErrorVariable bad -ErrorAction SilentlyContinue", "GetLtvWeeklyMetricsCommand", 1)]
    public void Each_rejected_record_is_an_InvalidData_error_with_a_stable_id_the_raw_text_and_its_line(string script, string cmdletClass, int expectedOutputs)
    {
        using var dir = new TempFolder();
        var file = Write(dir);
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, file);

        Assert.Null(result.Terminating);
        Assert.Equal(expectedOutputs, result.Output.Count);
        var bad = ((System.Collections.IEnumerable)ps.GetVariable("bad")!).Cast<object>().Select(e => (ErrorRecord)ModuleRunspaceValue(e)).ToList();
        Assert.Equal(2, bad.Count);

        Assert.Equal("InvalidEventJson,LtvTools.Commands." + cmdletClass, bad[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, bad[0].CategoryInfo.Category);
        Assert.Equal(BadJson, bad[0].TargetObject);
        Assert.StartsWith($"{file}:2: invalid JSON", bad[0].Exception.Message);

        Assert.Equal("InvalidEvent,LtvTools.Commands." + cmdletClass, bad[1].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, bad[1].CategoryInfo.Category);
        Assert.Equal(BadTime, bad[1].TargetObject);
        Assert.Equal($"{file}:5: event_time 'yesterday' is not ISO 8601", bad[1].Exception.Message.Split(" (")[0]);

        Assert.Equal("2 records were rejected; each is an error record with file, line and reason (capture them with -ErrorVariable).", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Verbose_gives_a_summary_per_file()
    {
        using var dir = new TempFolder();
        var file = Write(dir);
        using var ps = ModuleRunspace.Start();

        var imported = ps.Run("Import-LtvEvents -LiteralPath $args[0], $args[1] -Verbose -ErrorAction SilentlyContinue", file, RepoPaths.Sample);
        var ranked = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -Verbose -ErrorAction SilentlyContinue", RepoPaths.Sample);

        Assert.Equal(new[] { $"{file}: 4 read, 2 accepted, 2 rejected", $"{RepoPaths.Sample}: 19 read, 18 accepted, 1 rejected" }, imported.Verbose);
        Assert.Equal(new[] { $"{RepoPaths.Sample}: 19 read, 18 accepted, 1 rejected, 1 duplicate ignored" }, ranked.Verbose);
    }

    [Fact]
    public void ErrorAction_Stop_turns_the_first_rejection_into_a_terminating_error()
    {
        using var dir = new TempFolder();
        var file = Write(dir);
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("$script:seen = 0; try { Import-LtvEvents -LiteralPath $args[0] -ErrorAction Stop | ForEach-Object { $script:seen++ } } catch { $_.FullyQualifiedErrorId; $_.TargetObject }; $script:seen", file);

        Assert.Equal(new object[] { "InvalidEventJson,LtvTools.Commands.ImportLtvEventsCommand", BadJson, 1 }, result.Output.Select(o => o.BaseObject));

        var direct = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -ErrorAction Stop", file);
        Assert.IsAssignableFrom<ActionPreferenceStopException>(direct.Terminating);
        Assert.Empty(direct.Output);
    }

    [Fact]
    public void Import_streams_events_before_the_file_is_finished()
    {
        // The bad record is the file's last line: with -ErrorAction Stop the command ends there, and every
        // earlier event has already reached the next command (a buffering reader would have passed none).
        using var ps = ModuleRunspace.Start();
        var result = ps.Run("$script:seen = 0; try { Import-LtvEvents samples/events.json -ErrorAction Stop | ForEach-Object { $script:seen++ } } catch { }; $script:seen");

        Assert.Equal(SampleExpectations.AcceptedEvents, (int)result.Output.Single().BaseObject);
    }

    private static object ModuleRunspaceValue(object value) => ScriptResult.Unwrap(value)!;
}
