using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>
/// The binding floor of the shape Get-TopLtvCustomer had before it took one parameter set: Path, LiteralPath
/// and InputObject sets, -Path and -LiteralPath pipeline-bound too, plus the common parameters; it only counts.
/// Set against <see cref="ReceiveBenchEventAsTopCommand"/> it shows what the three sets cost per piped object.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchEventThreeSets", DefaultParameterSetName = "InputObject")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventThreeSetsCommand : TopShapedCounter
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
