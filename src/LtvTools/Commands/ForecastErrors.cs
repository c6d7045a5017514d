using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>The terminating error for a fit that cannot be made, with a stable id per reason.</summary>
internal static class ForecastErrors
{
    /// <summary>
    /// ForecastTooFewCustomers, ForecastNoRepeatCustomers, ForecastTooFewSpendCustomers, ForecastNotConverged,
    /// ForecastSpendUndefined or ForecastMixedTimeUnits; the target is the model as far as it was fitted, if any.
    /// </summary>
    public static ErrorRecord Of(ForecastFitException ex) => new ErrorRecord(
        ex,
        "Forecast" + ex.Problem,
        ex.Problem == ForecastFitProblem.NotConverged ? ErrorCategory.InvalidResult : ErrorCategory.InvalidData,
        ex.Model);
}
