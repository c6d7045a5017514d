namespace LtvTools.Core;

/// <summary>
/// One customer's purchase history in the form the BG/NBD and Gamma-Gamma models read (recency, frequency,
/// monetary value). A purchase occasion is a UTC calendar day with at least one order; several orders on
/// one day are one occasion whose total is their sum.
/// </summary>
public sealed class LtvCustomerSummary
{
    /// <summary>The customer id, or null for a summary read from an object that had none.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Repeat purchase occasions: occasions in the calibration period minus the first (x in the paper).</summary>
    public int Frequency { get; set; }

    /// <summary>Time from the first to the last occasion, in <see cref="TimeUnit"/> (t_x in the paper).</summary>
    public double Recency { get; set; }

    /// <summary>Time from the first occasion to the end of the calibration period, in <see cref="TimeUnit"/>.</summary>
    public double T { get; set; }

    /// <summary>
    /// Mean total (USD) of the repeat occasions, the first occasion left out (zbar in the paper); 0 when there
    /// is no repeat occasion; null when the summary was read from an object without a monetary value.
    /// </summary>
    public decimal? MonetaryValue { get; set; }

    /// <summary>Time of the customer's first order in the calibration period (null when read from an object without it).</summary>
    public UtcTimestamp? FirstPurchase { get; set; }

    /// <summary>Time of the customer's last order in the calibration period (null when read from an object without it).</summary>
    public UtcTimestamp? LastPurchase { get; set; }

    /// <summary>The unit of <see cref="Recency"/> and <see cref="T"/>.</summary>
    public ForecastTimeUnit TimeUnit { get; set; }

    /// <summary>The end of the calibration period: orders after it were left out (null when read from an object without it).</summary>
    public UtcTimestamp? CalibrationEnd { get; set; }

    /// <inheritdoc />
    public override string ToString() => CustomerId ?? string.Empty;
}
