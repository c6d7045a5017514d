namespace LtvTools.Core;

/// <summary>Why a forecast model cannot be fitted or used.</summary>
public enum ForecastFitProblem
{
    /// <summary>Fewer customers than <see cref="CustomerForecast.MinimumCustomers"/> (none included).</summary>
    TooFewCustomers,

    /// <summary>No customer bought more than once, so dropout and repeat rates cannot be told apart.</summary>
    NoRepeatCustomers,

    /// <summary>Fewer repeat customers with a positive monetary value than the spend model needs.</summary>
    TooFewSpendCustomers,

    /// <summary>The maximum-likelihood search did not settle, or a parameter ran off to 0 or infinity.</summary>
    NotConverged,

    /// <summary>The spend model fitted q ≤ 1, for which the mean order value is infinite.</summary>
    SpendUndefined,

    /// <summary>The summaries (or the summaries and the model) are in different time units.</summary>
    MixedTimeUnits,
}
