using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>New-LtvDataset: a dataset (D in Ingest(e, D)) of the events in files or on the pipeline, to keep, add to, save or merge.</summary>
[Cmdlet(VerbsCommon.New, "LtvDataset")]
[OutputType(typeof(LtvDataset))]
public sealed class NewLtvDatasetCommand : DatasetCmdlet
{
    protected override string Activity => "Reading events for New-LtvDataset";

    protected override void WriteResults() => WriteObject(WorkingDataset);
}
