using System;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// Merge-LtvDataset: one new dataset holding everything the given ones hold, exactly as if all their events
/// had been read in one pass (in any order: no rule depends on it). The inputs are not changed.
/// </summary>
[Cmdlet(VerbsData.Merge, "LtvDataset")]
[OutputType(typeof(LtvDataset))]
public sealed class MergeLtvDatasetCommand : PSCmdlet
{
    private LtvDataset? _first;
    private LtvDataset? _merged;
    private int _count;

    /// <summary>The datasets to merge: given as a list, or piped one by one.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public LtvDataset[]? Dataset { get; set; }

    /// <summary>Merges the given or piped datasets into the new one.</summary>
    protected override void ProcessRecord()
    {
        foreach (var dataset in Dataset!)
        {
            if (dataset is null)
            {
                continue;
            }

            _count++;
            WriteProgress(new ProgressRecord(3, "Merging datasets", $"Dataset {_count}: {dataset.EventsAccepted} events"));
            try
            {
                // The first is copied whole (cheaper than merging it into an empty dataset), once the second is
                // here, into tables with room for both; the rest are merged in.
                if (_first is null)
                {
                    _first = dataset;
                }
                else if (_merged is null)
                {
                    _merged = _first.MergedWith(dataset);
                }
                else
                {
                    _merged.Merge(dataset);
                }
            }
            catch (InvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "ExchangeRateConflict", ErrorCategory.InvalidData, dataset));
            }
        }
    }

    /// <summary>Writes the merged dataset (an empty one when no dataset came).</summary>
    protected override void EndProcessing()
    {
        WriteProgress(new ProgressRecord(3, "Merging datasets", "Done") { RecordType = ProgressRecordType.Completed });
        _merged ??= _first?.Copy() ?? new LtvDataset();
        WriteVerbose($"Merged {_count} datasets: {_merged.EventsAccepted} events, {_merged.DuplicatesIgnored} duplicates ignored.");
        WriteObject(_merged);
    }
}
