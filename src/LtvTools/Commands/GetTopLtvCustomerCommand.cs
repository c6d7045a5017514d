using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>Get-TopLtvCustomer: the customers with the highest Simple LTV, in rank order.</summary>
[Cmdlet(VerbsCommon.Get, "TopLtvCustomer")]
[OutputType(typeof(LtvCustomer))]
public sealed class GetTopLtvCustomerCommand : DatasetResultCmdlet
{
    /// <summary>How many customers to return.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int Top { get; set; } = 10;

    /// <summary>t in LTV = 52 × a × t.</summary>
    [Parameter]
    [ValidateLifespanYears]
    public decimal LifespanYears { get; set; } = LtvOptions.DefaultLifespanYears;

    /// <summary>The progress activity of Get-TopLtvCustomer.</summary>
    protected override string Activity => "Reading events for Get-TopLtvCustomer";

    /// <summary>Applies -LifespanYears to the options.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        Options.LifespanYears = LifespanYears;
    }

    /// <summary>Writes the -Top customers with the highest Simple LTV, in rank order.</summary>
    protected override void WriteResults()
    {
        foreach (var customer in SimpleLtv.TopSimpleLtvCustomers(Top, WorkingDataset, Options))
        {
            WriteObject(customer);
        }
    }
}
