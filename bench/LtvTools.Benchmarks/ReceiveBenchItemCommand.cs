using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>Pipeline ceiling, second half: binds each <see cref="BenchItem"/> by type and counts them.</summary>
[Cmdlet(VerbsCommunications.Receive, "BenchItem")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchItemCommand : PSCmdlet
{
    private long _count;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public BenchItem? InputObject { get; set; }

    protected override void ProcessRecord() => _count++;

    protected override void EndProcessing() => WriteObject(_count);
}
