using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>Counts objects of any type: the end of pipelines whose output types come from the module's own copy of the core.</summary>
[Cmdlet(VerbsCommunications.Receive, "BenchObject")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchObjectCommand : CountingCmdlet<object>
{
}
