using System;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Add-LtvEvent: Ingest(e, D) for more events, into an existing dataset (changed in place).</summary>
[Cmdlet(VerbsCommon.Add, "LtvEvent")]
[OutputType(typeof(LtvDataset))]
public sealed class AddLtvEventCommand : DatasetCmdlet
{
    /// <summary>The dataset the events go into.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public LtvDataset? Dataset { get; set; }

    /// <summary>Writes the dataset to the pipeline when the events are in.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The progress activity of Add-LtvEvent.</summary>
    protected override string Activity => "Adding events with Add-LtvEvent";

    /// <summary>Makes -Dataset the dataset the events go into, after refusing an -ExchangeRate that conflicts with the rates it already uses.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            // Refused before any event is read: amounts converted at two rates would be silently wrong.
            Dataset!.UseExchangeRates(Rates);
        }
        catch (InvalidOperationException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "ExchangeRateConflict", ErrorCategory.InvalidArgument, ExchangeRate));
        }

        UseDataset(Dataset!);
    }

    /// <summary>With -PassThru, writes the dataset the events went into.</summary>
    protected override void WriteResults()
    {
        if (PassThru)
        {
            WriteObject(Dataset);
        }
    }
}
