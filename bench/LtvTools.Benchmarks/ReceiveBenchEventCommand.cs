using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>
/// Counts <see cref="LtvEvent"/> objects bound by type: <c>Import-LtvEvents f | Receive-BenchEvent</c> shows
/// what the producer and the pipeline cost without Get-TopLtvCustomer's binding and aggregation.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchEvent")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventCommand : CountingCmdlet<LtvEvent>
{
}
