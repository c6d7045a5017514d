using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>New-LtvDataset: a dataset (D in Ingest(e, D)) of the events in files or on the pipeline, to keep, add to, save or merge.</summary>
[Cmdlet(VerbsCommon.New, "LtvDataset")]
[OutputType(typeof(LtvDataset))]
public sealed class NewLtvDatasetCommand : DatasetCmdlet
{
    /// <summary>The progress activity of New-LtvDataset.</summary>
    protected override string Activity => "Reading events for New-LtvDataset";

    /// <summary>Writes the dataset.</summary>
    protected override void WriteResults() => WriteObject(WorkingDataset);
}
