using System.Management.Automation;
using System.Text;

namespace LtvTools.Module.Tests;

/// <summary>Progress on large files, and Ctrl+C (StopProcessing) while the engine reads one.</summary>
public class LargeFileTests : IClassFixture<LargeFileTests.BigFile>
{
    private readonly BigFile _big;

    public LargeFileTests(BigFile big)
    {
        _big = big;
    }

    [Theory]
    [InlineData("Import-LtvEvents -LiteralPath $args[0] | ForEach-Object { } ", "Reading events")]
    [InlineData("Get-TopLtvCustomer -LiteralPath $args[0] -Top 1", "Reading events for Get-TopLtvCustomer")]
    public void A_large_file_shows_progress_that_ends_with_Completed(string script, string activity)
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run(script, _big.Path).Clean();

        Assert.NotEmpty(result.Progress);
        Assert.All(result.Progress, p => Assert.Equal(activity, p.Activity));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        Assert.Single(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
        Assert.Contains(_big.Path, result.Progress[0].StatusDescription);
    }

    [Fact]
    public void A_small_file_shows_no_progress()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-TopLtvCustomer -Path samples/events.json -ErrorAction SilentlyContinue");

        Assert.Empty(result.Progress);
    }

    [Fact]
    public void The_big_file_is_read_whole_with_exact_totals()
    {
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Get-TopLtvCustomer -LiteralPath $args[0] -Top 1 -Verbose", _big.Path).Clean();

        Assert.Equal($"{_big.Path}: {BigFile.Orders} read, {BigFile.Orders} accepted, 0 rejected, 0 duplicates ignored", Assert.Single(result.Verbose));
        Assert.Equal("c0", result.Value(0, "CustomerId"));
        Assert.Equal(BigFile.Orders / BigFile.Customers * 1.25m, result.Value(0, "TotalSpend"));
    }

    [Fact]
    public void Importing_a_large_file_into_the_pipeline_gives_the_Path_result()
    {
        // Import-LtvEvents parses large files on a reader thread and Get-TopLtvCustomer aggregates piped
        // events on a writer thread: together they must give exactly what one engine pass gives.
        using var ps = ModuleRunspace.Start();
        const string Row = "ForEach-Object { '{0} {1} {2} {3} {4}' -f $_.Rank, $_.CustomerId, $_.Orders, $_.TotalSpend, $_.Ltv }";

        var piped = ps.Run($"Import-LtvEvents -LiteralPath $args[0] | Get-TopLtvCustomer -Top 5 -Verbose | {Row}", _big.Path).Clean();
        var byPath = ps.Run($"Get-TopLtvCustomer -LiteralPath $args[0] -Top 5 | {Row}", _big.Path).Clean();

        Assert.Equal(5, piped.Output.Count);
        Assert.Equal(byPath.Output.Select(o => o.ToString()), piped.Output.Select(o => o.ToString()));
        Assert.Contains($"InputObject: {BigFile.Orders} read, {BigFile.Orders} accepted, 0 rejected, 0 duplicates ignored", piped.Verbose);
    }

    [Fact]
    public void Rejections_in_a_large_imported_file_come_in_file_order_with_their_lines()
    {
        using var folder = new TempFolder();
        var lines = File.ReadLines(_big.Path).ToList();
        var badLines = new List<int>();
        for (var i = 1000; i < lines.Count; i += 1000)
        {
            lines[i] = "{\"type\": \"REFUND\", \"n\": " + i + "}";
            badLines.Add(i + 1);
        }

        var path = folder.Write("bad.jsonl", string.Join("\n", lines) + "\n");
        using var ps = ModuleRunspace.Start();

        var result = ps.Run("Import-LtvEvents -LiteralPath $args[0] -ErrorVariable bad -ErrorAction SilentlyContinue | ForEach-Object -Begin { $n = 0 } -Process { $n++ } -End { $n }; $bad.Count; $bad | ForEach-Object { $_.Exception.Message }", path);

        Assert.Equal((long)(BigFile.Orders - badLines.Count), Convert.ToInt64(result.Output[0].BaseObject));
        Assert.Equal(badLines.Count, Convert.ToInt32(result.Output[1].BaseObject));
        Assert.Equal(badLines.Select(line => $"{path}:{line}: unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)"), result.Output.Skip(2).Select(o => o.ToString()));
    }

    [Fact]
    public void Stopping_the_pipeline_while_the_engine_reads_a_file_cancels_the_read()
    {
        using var ps = ModuleRunspace.Start();
        using var shell = PowerShell.Create();
        shell.Runspace = ps.Runspace;
        shell.AddScript("Get-TopLtvCustomer -LiteralPath $args[0] -Verbose").AddArgument(_big.Path);

        // The first progress record arrives on the pipeline thread while the file is being read: ask to stop then.
        shell.Streams.Progress.DataAdded += (_, _) => shell.BeginStop(null, null);

        var output = new List<PSObject>();
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (PipelineStoppedException)
        {
        }

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Empty(output);
        Assert.Empty(shell.Streams.Verbose); // the per-file summary is never written: the read did not finish
    }

    /// <summary>A 5 MB NDJSON file of orders (above the 4 MB progress threshold), written once for the class.</summary>
    public sealed class BigFile : IDisposable
    {
        public const int Orders = 30000;
        public const int Customers = 100;

        private readonly TempFolder _folder = new();

        public BigFile()
        {
            var text = new StringBuilder(Orders * 190);
            for (var i = 0; i < Orders; i++)
            {
                text.Append("{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"order-").Append(i.ToString("D8"))
                    .Append("\", \"event_time\": \"2017-01-").Append((i % 28 + 1).ToString("D2")).Append("T10:00:00.000Z\", \"customer_id\": \"c")
                    .Append(i % Customers).Append("\", \"total_amount\": \"1.25 USD\", \"note\": \"padding padding padding padding padding\"}\n");
            }

            Path = _folder.Write("big.jsonl", text.ToString());
        }

        public string Path { get; }

        public void Dispose() => _folder.Dispose();
    }
}
