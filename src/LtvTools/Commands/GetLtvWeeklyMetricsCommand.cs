using System;
using System.Linq;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Get-LtvWeeklyMetrics: visits, orders and spend per customer and week.</summary>
[Cmdlet(VerbsCommon.Get, "LtvWeeklyMetrics")]
[OutputType(typeof(LtvWeeklyMetric))]
public sealed class GetLtvWeeklyMetricsCommand : DatasetResultCmdlet
{
    /// <summary>Only these customers; wildcards allowed.</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ValidateWildcardPattern]
    public string[]? CustomerId { get; set; }

    /// <summary>Adds zero rows for every week of the window in which a customer had no activity.</summary>
    [Parameter]
    public SwitchParameter IncludeEmptyWeeks { get; set; }

    /// <summary>The progress activity of Get-LtvWeeklyMetrics.</summary>
    protected override string Activity => "Reading events for Get-LtvWeeklyMetrics";

    /// <summary>Writes the weekly rows of the matching customers, made as they are written.</summary>
    protected override void WriteResults()
    {
        // Rows are made as they are written, customer by customer: Select-Object -First stops the making, and
        // with -IncludeEmptyWeeks (customers × weeks rows) memory stays that of the dataset.
        try
        {
            foreach (var row in SimpleLtv.EnumerateWeeklyMetrics(WorkingDataset, Options, CustomerFilter(), IncludeEmptyWeeks.IsPresent, StopToken))
            {
                WriteObject(row);
            }
        }
        catch (OperationCanceledException ex) when (IsStop(ex))
        {
            throw new PipelineStoppedException();
        }
    }

    private Func<string, bool>? CustomerFilter()
    {
        if (CustomerId is null)
        {
            return null;
        }

        // Case-insensitive, like -like and every other PowerShell name filter.
        var patterns = CustomerId.Select(id => new WildcardPattern(id, WildcardOptions.IgnoreCase)).ToArray();
        return id => patterns.Any(pattern => pattern.IsMatch(id));
    }
}
