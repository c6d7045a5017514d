using System.Management.Automation;

namespace LtvTools.Benchmarks;

/// <summary>Pipeline ceiling, second half: binds each <see cref="BenchItem"/> by type and counts them.</summary>
[Cmdlet(VerbsCommunications.Receive, "BenchItem")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchItemCommand : CountingCmdlet<BenchItem>
{
}
