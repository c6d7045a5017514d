namespace LtvTools.Core;

/// <summary>One customer's forecast over a horizon: whether they are still active, how much they will buy and what that is worth.</summary>
public sealed class LtvForecast
{
    /// <summary>The customer id (null when the summary had none).</summary>
    public string? CustomerId { get; set; }

    /// <summary>The summary's repeat purchase occasions.</summary>
    public int Frequency { get; set; }

    /// <summary>The summary's recency, in <see cref="TimeUnit"/>.</summary>
    public double Recency { get; set; }

    /// <summary>The summary's age T, in <see cref="TimeUnit"/>.</summary>
    public double T { get; set; }

    /// <summary>The summary's mean repeat occasion value (USD), or null when it had none.</summary>
    public decimal? MonetaryValue { get; set; }

    /// <summary>P(the customer is still active at the end of the calibration period); 1 without a repeat purchase.</summary>
    public double ProbabilityAlive { get; set; }

    /// <summary>Expected purchase occasions in the <see cref="Horizon"/> after the calibration end.</summary>
    public double ExpectedPurchases { get; set; }

    /// <summary>Expected value (USD) of a future occasion (the Gamma-Gamma conditional mean); null without a spend model.</summary>
    public double? ExpectedAverageOrderValue { get; set; }

    /// <summary>
    /// Expected spend (USD) over the horizon, each period's expected purchases times the expected order value,
    /// discounted by (1 + <see cref="DiscountRate"/>)^period; null without a spend model.
    /// </summary>
    public double? PredictedClv { get; set; }

    /// <summary>The forecast horizon, in <see cref="TimeUnit"/>.</summary>
    public double Horizon { get; set; }

    /// <summary>The discount rate per period (one <see cref="TimeUnit"/>).</summary>
    public double DiscountRate { get; set; }

    /// <summary>The unit of <see cref="Recency"/>, <see cref="T"/> and <see cref="Horizon"/>.</summary>
    public ForecastTimeUnit TimeUnit { get; set; }

    /// <inheritdoc />
    public override string ToString() => CustomerId ?? string.Empty;
}
