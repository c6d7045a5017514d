using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>
/// The binding floor without -Path and -LiteralPath: Get-TopLtvCustomer's other parameters and a mandatory
/// -InputObject, counting what it is given. Set against <see cref="ReceiveBenchEventAsTopCommand"/> it shows
/// what declaring -Path and -LiteralPath (not pipeline-bound) still costs per piped object.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchEventOneSet")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventOneSetCommand : TopShapedCounter
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }
}
