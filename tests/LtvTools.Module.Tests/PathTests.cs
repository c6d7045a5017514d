namespace LtvTools.Module.Tests;

/// <summary>-Path / -LiteralPath resolution through the provider, as Import-Csv does it.</summary>
public class PathTests
{
    [Theory]
    [InlineData("Import-LtvEvents -Path ($args[0] + '/*.json') | ForEach-Object CustomerId", 36)]
    [InlineData("Get-TopLtvCustomer -Path ($args[0] + '/?.json') -Top 1 | ForEach-Object Orders", 1)]
    public void Path_expands_wildcards_and_reads_every_match(string script, int expectedOutputs)
    {
        using var dir = new TempFolder();
        dir.CopySample("a.json");
        dir.CopySample("b.json");
        dir.Write("notes.txt", "not events");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, dir.Path);

        Assert.Null(result.Terminating);
        Assert.Equal(expectedOutputs, result.Output.Count);
        Assert.Equal(2, result.Errors.Count); // the REFUND record of each file, nothing about notes.txt
        Assert.All(result.Errors, e => Assert.EndsWith(".json:20: " + SampleExpectations.RejectedReason, e.Exception.Message));
        Assert.Equal("2 records were rejected; each is an error record with file, line and reason (capture them with -ErrorVariable).", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Path_wildcards_across_files_count_each_order_once_in_the_top_list()
    {
        using var dir = new TempFolder();
        dir.CopySample("a.json");
        dir.CopySample("b.json");
        using var ps = ModuleRunspace.Start();

        // The same events twice: exact repeats are ignored, so the ranking equals one copy's.
        var result = ps.Run("Get-TopLtvCustomer -Path ($args[0] + '/*.json') -Top 3", dir.Path);

        SampleExpectations.AssertTopThree(result);
    }

    [Theory]
    [InlineData("Import-LtvEvents -LiteralPath $args[0]")]
    [InlineData("Get-TopLtvCustomer -LiteralPath $args[0] -Top 3")]
    [InlineData("Get-LtvWeeklyMetrics -LP $args[0]")]
    public void LiteralPath_reads_a_file_whose_name_has_brackets(string script)
    {
        using var dir = new TempFolder();
        var file = dir.CopySample("events[2017].json");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, file);

        Assert.NotEmpty(result.Output);
        Assert.Equal($"{file}:20: {SampleExpectations.RejectedReason}", Assert.Single(result.Errors).Exception.Message);
    }

    [Theory]
    [InlineData("Import-LtvEvents", 36)]
    [InlineData("Get-TopLtvCustomer -Top 3", 3)]
    [InlineData("Get-LtvWeeklyMetrics -CustomerId 96f55c7d8f42", 1)]
    public void File_items_piped_in_are_read_as_files_even_with_brackets_in_their_names(string cmdlet, int expectedOutputs)
    {
        using var dir = new TempFolder();
        dir.CopySample("a[1].json");
        dir.CopySample("b.json");
        using var ps = ModuleRunspace.Start();

        // What Get-ChildItem writes: FileInfo objects carrying the provider's PSPath.
        var withPsPath = ps.Run(
            "[System.IO.DirectoryInfo]::new($args[0]).GetFiles() | ForEach-Object { " +
            "$o = [psobject]::new($_); $o.PSObject.Properties.Add([psnoteproperty]::new('PSPath', 'Microsoft.PowerShell.Core\\FileSystem::' + $_.FullName)); $o } | " + cmdlet,
            dir.Path);
        // Plain FileInfo objects, as [IO.DirectoryInfo]::GetFiles() returns them.
        var plain = ps.Run("[System.IO.DirectoryInfo]::new($args[0]).GetFiles() | " + cmdlet, dir.Path);

        foreach (var result in new[] { withPsPath, plain })
        {
            Assert.Null(result.Terminating);
            Assert.Equal(expectedOutputs, result.Output.Count);
            Assert.Equal(
                new[] { Path.Combine(dir.Path, "a[1].json"), Path.Combine(dir.Path, "b.json") },
                result.Errors.Select(e => e.Exception.Message.Split(":20: ")[0]).Order());
        }
    }

    [Fact]
    public void Real_Get_ChildItem_output_of_gzip_and_bracketed_files_is_read_and_filtered()
    {
        using var dir = new TempFolder();
        dir.CopySample("events[1].json");
        using (var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(dir.Path, "day2.jsonl.gz")), System.IO.Compression.CompressionLevel.Optimal))
        {
            // The sample as NDJSON, one event a line (its "[" line dropped, so REFUND is on line 19).
            var lines = File.ReadAllLines(RepoPaths.Sample).Select(l => l.Trim().TrimStart('[').TrimEnd(']', ',')).Where(l => l.Length > 0);
            var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
            gz.Write(bytes, 0, bytes.Length);
        }

        using var ps = ModuleRunspace.Start();

        // The example, with the real Get-ChildItem: FileInfo objects bind through PSPath.
        var gzOrders = ps.Run("Get-ChildItem $args[0] -Filter *.jsonl.gz | Import-LtvEvents | Where-Object Type -eq ORDER | ForEach-Object Key", dir.Path);
        var allOrders = ps.Run("Get-ChildItem $args[0] | Import-LtvEvents | Where-Object Type -eq ORDER | ForEach-Object Key", dir.Path);

        var expected = new[] { "68d84e5d1a43", "7a9c2e4b6d80", "7a9c2e4b6d80", "8b0d3f5c7e91", "9c1e4a6b8d02" };
        Assert.Equal(expected, gzOrders.Output.Select(o => o.ToString()));
        Assert.Equal(Path.Combine(dir.Path, "day2.jsonl.gz") + ":19: " + SampleExpectations.RejectedReason, Assert.Single(gzOrders.Errors).Exception.Message);
        // Get-ChildItem lists day2.jsonl.gz before events[1].json; each file is read in order.
        Assert.Equal(expected.Concat(expected), allOrders.Output.Select(o => o.ToString()));
        Assert.Equal(2, allOrders.Errors.Count);
    }

    [Fact]
    public void Objects_with_a_Path_property_bind_by_property_name()
    {
        using var dir = new TempFolder();
        var file = dir.CopySample("a.json");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("@([pscustomobject]@{ Path = $args[0] } | Import-LtvEvents).Count", file);

        Assert.Equal(SampleExpectations.AcceptedEvents, (int)result.Output.Single().BaseObject);
    }

    [Theory]
    [InlineData("[pscustomobject]@{ Path = $args[0] } | Get-TopLtvCustomer -Top 1")]
    [InlineData("[pscustomobject]@{ PSPath = $args[0] } | Get-TopLtvCustomer -Top 1")]
    [InlineData("$args[0] | Get-TopLtvCustomer -Top 1")]
    [InlineData("[System.IO.FileInfo]::new($args[0]) | Get-TopLtvCustomer -Top 1")]
    public void Paths_piped_to_Get_TopLtvCustomer_are_read_as_files(string script)
    {
        using var dir = new TempFolder();
        var file = dir.CopySample("piped.json");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, file);

        Assert.Equal("5e1a7c0b3d21", result.Value(0, "CustomerId"));
        Assert.Equal(21515.00m, result.Value(0, "Ltv"));
        Assert.Equal("InvalidEvent,LtvTools.Commands.GetTopLtvCustomerCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Import-LtvEvents -Path $args[0], samples/events.json", "ImportLtvEventsCommand", 18)]
    [InlineData("Import-LtvEvents -LiteralPath $args[0], samples/events.json", "ImportLtvEventsCommand", 18)]
    [InlineData("Get-TopLtvCustomer -Path $args[0], samples/events.json -Top 3", "GetTopLtvCustomerCommand", 3)]
    [InlineData("$args[0], 'samples/events.json' | Get-LtvWeeklyMetrics", "GetLtvWeeklyMetricsCommand", 6)]
    public void A_missing_path_is_a_non_terminating_PathNotFound_error_and_the_other_paths_are_still_read(string script, string cmdletClass, int expectedOutputs)
    {
        using var dir = new TempFolder();
        var missing = Path.Combine(dir.Path, "missing.json");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, missing);

        Assert.Null(result.Terminating);
        Assert.Equal(expectedOutputs, result.Output.Count);
        Assert.Equal(2, result.Errors.Count);
        var notFound = result.Errors[0];
        Assert.Equal("PathNotFound,LtvTools.Commands." + cmdletClass, notFound.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
        Assert.Equal(missing, notFound.TargetObject);
        Assert.Contains(missing, notFound.Exception.Message);
        Assert.Equal("InvalidEvent,LtvTools.Commands." + cmdletClass, result.Errors[1].FullyQualifiedErrorId);
    }

    [Fact]
    public void A_directory_is_rejected_with_a_clear_error()
    {
        using var dir = new TempFolder();
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents -LiteralPath $args[0]", dir.Path);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PathIsDirectory,LtvTools.Commands.ImportLtvEventsCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("is a directory", error.Exception.Message);
    }

    [Theory]
    [InlineData("Import-LtvEvents -Path ($args[0] + '/nomatch*.json'), samples/events.json", "ImportLtvEventsCommand", 18)]
    [InlineData("Get-TopLtvCustomer -Path ($args[0] + '/nomatch*.json'), samples/events.json -Top 3", "GetTopLtvCustomerCommand", 3)]
    [InlineData("($args[0] + '/nomatch*.json'), 'samples/events.json' | Get-LtvWeeklyMetrics", "GetLtvWeeklyMetricsCommand", 6)]
    public void A_wildcard_that_matches_nothing_is_a_PathNotFound_error_naming_the_pattern_and_the_other_paths_are_still_read(string script, string cmdletClass, int expectedOutputs)
    {
        using var dir = new TempFolder();
        using var ps = ModuleRunspace.Start();
        var pattern = dir.Path + "/nomatch*.json";

        var result = ps.Run(script + "; $?", dir.Path);

        Assert.Null(result.Terminating);
        Assert.Equal(expectedOutputs + 1, result.Output.Count);
        Assert.False((bool)result.Output[^1].BaseObject); // $? is false, as after Get-Content nomatch*
        var error = result.Errors[0];
        Assert.Equal("PathNotFound,LtvTools.Commands." + cmdletClass, error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(pattern, error.TargetObject);
        Assert.Equal($"No file matches the pattern '{pattern}'.", error.Exception.Message);
        Assert.Equal("InvalidEvent,LtvTools.Commands." + cmdletClass, result.Errors[1].FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Import-LtvEvents -Path $args[0]", "ImportLtvEventsCommand")]
    [InlineData("Get-TopLtvCustomer -Path $args[0]", "GetTopLtvCustomerCommand")]
    [InlineData("$args[0] | Get-LtvWeeklyMetrics", "GetLtvWeeklyMetricsCommand")]
    public void A_bracketed_name_given_to_Path_that_matches_nothing_hints_at_LiteralPath(string script, string cmdletClass)
    {
        using var dir = new TempFolder();
        var file = dir.CopySample("events[2017].json");
        using var ps = ModuleRunspace.Start();

        // [2017] is a wildcard for one character of 2, 0, 1 or 7: it does not match the file's own name.
        var result = ps.Run(script, file);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PathNotFound,LtvTools.Commands." + cmdletClass, error.FullyQualifiedErrorId);
        Assert.Equal(
            $"No file matches the pattern '{file}'. In -Path, [ and ] are wildcards (one of the characters between them); to read a file whose name holds brackets, use -LiteralPath.",
            error.Exception.Message);
    }

    [Theory]
    [InlineData("Get-Content $args[0] | Select-Object -Skip 1 -First 2 | Get-TopLtvCustomer", "GetTopLtvCustomerCommand")]
    [InlineData("Get-Content $args[0] | Select-Object -Skip 1 -First 2 | Import-LtvEvents", "ImportLtvEventsCommand")]
    [InlineData("'[' + (Get-Content $args[0] | Select-Object -Skip 1 -First 1) + ']' | Get-LtvWeeklyMetrics", "GetLtvWeeklyMetricsCommand")]
    public void A_piped_line_of_JSON_text_is_told_to_go_through_ConvertFrom_Json(string script, string cmdletClass)
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, RepoPaths.Sample);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("PathIsJsonText,LtvTools.Commands." + cmdletClass, error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Matches("^'[\\[{].{1,40}(\\.\\.\\.)?' is not a path: this looks like JSON text; pipe it through ConvertFrom-Json or use -Path\\.$", error.Exception.Message);
            Assert.DoesNotContain("drive", error.Exception.Message);
        });
    }

    [Fact]
    public void A_file_whose_name_starts_like_JSON_is_still_read()
    {
        using var dir = new TempFolder();
        dir.CopySample("{day1}.json");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Set-Location -LiteralPath $args[0]; '{day1}.json' | Get-TopLtvCustomer -Top 1 | ForEach-Object CustomerId", dir.Path);

        Assert.Equal("5e1a7c0b3d21", Assert.Single(result.Output).ToString());
        Assert.Equal("InvalidEvent,LtvTools.Commands.GetTopLtvCustomerCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_path_on_another_provider_is_rejected()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents -Path Variable:PSHOME");

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotFileSystemPath,LtvTools.Commands.ImportLtvEventsCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("'Variable:PSHOME' is on the Variable provider; event files must be on the FileSystem provider.", error.Exception.Message);
    }
}
