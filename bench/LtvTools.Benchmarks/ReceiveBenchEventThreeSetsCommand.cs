using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>
/// The binding floor: a cmdlet with Get-TopLtvCustomer's parameter declarations (the Path, LiteralPath and
/// InputObject sets the module issue requires, plus -Top, -LifespanYears, -WeekStart and -ExchangeRate) that
/// only counts what it is given. <c>Import-LtvEvents f | Receive-BenchEventAsTop -Top 10</c> is the fastest any
/// cmdlet of that shape can take piped events, whatever it does with them.
/// </summary>
/// <remarks>Keep the declarations in step with GetTopLtvCustomerCommand (the bench does not reference the module).</remarks>
[Cmdlet(VerbsCommunications.Receive, "BenchEventAsTop", DefaultParameterSetName = "InputObject")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventAsTopCommand : TopShapedCounter
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = "InputObject", ValueFromPipeline = true)]
    public object? InputObject { get; set; }
}
