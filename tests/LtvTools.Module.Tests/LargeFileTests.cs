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
