using System.Collections;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>
/// The binding floor without the -Path and -LiteralPath parameter sets: Get-TopLtvCustomer's other parameters in
/// one set, counting what it is given. Set against <see cref="ReceiveBenchEventAsTopCommand"/> it shows what the
/// three parameter sets the module issue requires cost per piped object (PowerShell resolves the set anew for each).
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "BenchEventOneSet")]
[OutputType(typeof(long))]
public sealed class ReceiveBenchEventOneSetCommand : PSCmdlet
{
    private long _count;

    [Parameter]
    public Hashtable? ExchangeRate { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    [Parameter]
    public WeekStart WeekStart { get; set; } = WeekStart.Sunday;

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; } = 10;

    [Parameter]
    public decimal LifespanYears { get; set; } = 10m;

    protected override void ProcessRecord() => _count++;

    protected override void EndProcessing() => WriteObject(_count);
}
