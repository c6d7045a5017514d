using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>The cmdlets that make results from a dataset (Get-TopLtvCustomer, Get-LtvWeeklyMetrics): they add the week convention.</summary>
public abstract class DatasetResultCmdlet : DatasetCmdlet
{
    /// <summary>The week convention for the analysis window.</summary>
    [Parameter]
    public WeekStart WeekStart { get; set; } = WeekStart.Sunday;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        Options.WeekStart = WeekStart;
    }
}
