using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// Get-LtvForecast: per customer, the probability of being active, the expected purchases and spend per
/// order, and the discounted CLV over a horizon. From summaries (with -Model, or fitting one from them), or
/// from events and files, which it summarises and (without -Model) fits by itself.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LtvForecast")]
[OutputType(typeof(LtvForecast))]
public sealed class GetLtvForecastCommand : SummaryCmdlet
{
    private readonly SummaryInput _summaries = new SummaryInput();
    private bool _hadSummaryObjects;

    /// <summary>A model from New-LtvForecastModel; without it, the models are fitted from the input.</summary>
    [Parameter]
    public LtvForecastModel? Model { get; set; }

    /// <summary>How far ahead, in the summaries' time unit (weeks by default).</summary>
    [Parameter(Mandatory = true)]
    [ValidateHorizon]
    public double Horizon { get; set; }

    /// <summary>The discount rate per period (one week or day) for PredictedClv; 0 by default.</summary>
    [Parameter]
    [ValidateDiscountRate]
    public double DiscountRate { get; set; }

    /// <summary>The progress activity of Get-LtvForecast.</summary>
    protected override string Activity => "Reading events for Get-LtvForecast";

    /// <summary>Takes customer summaries or events (an -InputObject list element by element); files are read by the base.</summary>
    protected override void ProcessRecord()
    {
        if (Path != null || LiteralPath != null || InputObject is null)
        {
            base.ProcessRecord();
            return;
        }

        // -InputObject @(...) given as an argument: decide element by element.
        var value = InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject;
        if (value is IEnumerable items && !(value is string) && !(value is IDictionary))
        {
            foreach (var item in new List<object?>(Enumerate(items)))
            {
                InputObject = item;
                ProcessOne();
            }

            return;
        }

        ProcessOne();
    }

    /// <summary>Fits the models unless -Model is given and writes one forecast per customer; mixed summaries and events stop the command.</summary>
    protected override void WriteResults()
    {
        if (_hadSummaryObjects && WorkingDataset.EventsAccepted > 0)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidDataException("The input mixes customer summaries and events; give Get-LtvForecast one or the other."),
                "ForecastMixedInput",
                ErrorCategory.InvalidArgument,
                null));
        }

        var summaries = _hadSummaryObjects ? _summaries.Summaries : Summarize();
        IReadOnlyList<LtvForecast> forecasts;
        try
        {
            var model = Model ?? CustomerForecast.Fit(summaries);
            forecasts = CustomerForecast.Predict(model, summaries, Horizon, DiscountRate);
        }
        catch (ForecastFitException ex)
        {
            ThrowTerminatingError(ForecastErrors.Of(ex));
            return;
        }

        foreach (var forecast in forecasts)
        {
            WriteObject(forecast);
        }
    }

    private static IEnumerable<object?> Enumerate(IEnumerable items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private void ProcessOne()
    {
        if (InputObject != null && SummaryInput.IsSummary(InputObject))
        {
            _hadSummaryObjects = true;
            _summaries.Take(InputObject, this);
        }
        else
        {
            base.ProcessRecord();
        }
    }
}
