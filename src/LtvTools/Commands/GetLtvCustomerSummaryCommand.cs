using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Get-LtvCustomerSummary: recency, frequency and monetary value per customer, the input of the forecast models.</summary>
[Cmdlet(VerbsCommon.Get, "LtvCustomerSummary")]
[OutputType(typeof(LtvCustomerSummary))]
public sealed class GetLtvCustomerSummaryCommand : SummaryCmdlet
{
    /// <summary>The progress activity of Get-LtvCustomerSummary.</summary>
    protected override string Activity => "Reading events for Get-LtvCustomerSummary";

    /// <summary>Writes one summary per customer with an order in the calibration period, sorted by CustomerId.</summary>
    protected override void WriteResults()
    {
        foreach (var summary in Summarize())
        {
            WriteObject(summary);
        }
    }
}
