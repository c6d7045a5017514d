using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>
/// The binding floor: a cmdlet with Get-TopLtvCustomer's parameter declarations (one parameter set: -Path at
/// position 0 and -LiteralPath, neither pipeline-bound, -InputObject from the pipeline, plus -Top,
/// -LifespanYears, -WeekStart and -ExchangeRate) that only counts what it is given.
/// <c>Import-LtvEvents f | Receive-BenchEventAsTop -Top 10</c> is the fastest any cmdlet of that shape can take
/// piped events, whatever it does with them.
/// </summary>
/// <remarks>Keep the declarations in step with DatasetCmdlet and GetTopLtvCustomerCommand (the bench does not reference the module).</remarks>
[Cmdlet(VerbsCommunications.Receive, "BenchEventAsTop")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventAsTopCommand : TopShapedCounter
{
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    [Parameter]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[]? LiteralPath { get; set; }

    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }
}
