using System.Collections;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>
/// A pipeline end with Get-TopLtvCustomer's parameters that belong to every parameter set (-Top,
/// -LifespanYears, -WeekStart, -ExchangeRate), which only counts what it is given. The derived cmdlets add
/// the input parameters whose shape is being measured.
/// </summary>
/// <remarks>Keep the declarations in step with GetTopLtvCustomerCommand (the bench does not reference the module).</remarks>
public abstract class TopShapedCounter : PSCmdlet
{
    private long _count;

    [Parameter]
    public Hashtable? ExchangeRate { get; set; }

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
