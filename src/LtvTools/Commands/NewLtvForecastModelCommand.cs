using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>New-LtvForecastModel: fits the BG/NBD and Gamma-Gamma models by maximum likelihood from customer summaries.</summary>
[Cmdlet(VerbsCommon.New, "LtvForecastModel")]
[OutputType(typeof(LtvForecastModel))]
public sealed class NewLtvForecastModelCommand : PSCmdlet
{
    private readonly SummaryInput _input = new SummaryInput();

    /// <summary>A customer summary: an LtvCustomerSummary, or an object with frequency, recency, T (and monetary_value) or x, t_x, T (and zbar).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>Takes one customer summary; an object that is not one is a non-terminating error.</summary>
    protected override void ProcessRecord() => _input.Take(InputObject, this);

    /// <summary>Fits the models from all summaries and writes the model; a fit that fails stops the command.</summary>
    protected override void EndProcessing()
    {
        LtvForecastModel model;
        try
        {
            model = CustomerForecast.Fit(_input.Summaries);
        }
        catch (ForecastFitException ex)
        {
            ThrowTerminatingError(ForecastErrors.Of(ex));
            return;
        }

        WriteObject(model);
    }
}
