using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>
/// The binding floor without the -Path and -LiteralPath parameter sets: Get-TopLtvCustomer's other parameters in
/// one set, counting what it is given. Set against <see cref="ReceiveBenchEventAsTopCommand"/> it shows what the
/// three parameter sets the module issue requires cost per piped object (PowerShell resolves the set anew for each).
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchEventOneSet")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventOneSetCommand : TopShapedCounter
{
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }
}
