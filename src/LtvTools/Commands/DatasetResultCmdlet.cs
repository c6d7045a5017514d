using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// The cmdlets that make results (Get-TopLtvCustomer, Get-LtvWeeklyMetrics): they add the week convention
/// and take whole datasets, by -Dataset or piped, which they read where they are (never changing them).
/// </summary>
public abstract class DatasetResultCmdlet : DatasetCmdlet
{
    /// <summary>Datasets to make results from (several are merged first), for example from New-LtvDataset or Import-LtvDataset.</summary>
    [Parameter]
    [ValidateNotNull]
    public LtvDataset[]? Dataset { get; set; }

    /// <summary>The week convention for the analysis window.</summary>
    [Parameter]
    public WeekStart WeekStart { get; set; } = WeekStart.Sunday;

    /// <summary>Result cmdlets only read their dataset, so a single input dataset is read where it is.</summary>
    protected override bool ReadsInputDatasetInPlace => true;

    /// <summary>True when -Dataset is given.</summary>
    protected override bool HasDatasetInput => Dataset != null;

    /// <summary>Applies -WeekStart and takes the -Dataset datasets as input.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        Options.WeekStart = WeekStart;
        foreach (var dataset in Dataset ?? System.Array.Empty<LtvDataset>())
        {
            if (dataset != null)
            {
                TakeDataset(dataset);
            }
        }
    }
}
