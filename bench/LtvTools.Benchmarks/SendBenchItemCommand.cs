using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>Pipeline ceiling, first half: writes <c>-Count</c> fresh <see cref="BenchItem"/> objects and nothing else.</summary>
[Cmdlet(VerbsCommunications.Send, "BenchItem")]
[OutputType(typeof(BenchItem))]
public sealed class SendBenchItemCommand : PSCmdlet
{
    [Parameter(Mandatory = true)]
    public long Count { get; set; }

    protected override void EndProcessing()
    {
        for (long i = 0; i < Count; i++)
        {
            WriteObject(new BenchItem(i));
        }
    }
}
