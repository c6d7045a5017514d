namespace LtvTools.Core;

/// <summary>
/// A fitted forecast: the BG/NBD model of purchases and dropout, and the Gamma-Gamma model of spend per
/// order, both by maximum likelihood from customer summaries in one time unit.
/// </summary>
public sealed class LtvForecastModel
{
    /// <summary>BG/NBD: shape of the Gamma distribution of purchase rates.</summary>
    public double R { get; internal set; }

    /// <summary>BG/NBD: rate (inverse scale, in the time unit) of the Gamma distribution of purchase rates.</summary>
    public double Alpha { get; internal set; }

    /// <summary>BG/NBD: first shape of the Beta distribution of the dropout probability after a purchase.</summary>
    public double A { get; internal set; }

    /// <summary>BG/NBD: second shape of the Beta distribution of the dropout probability.</summary>
    public double B { get; internal set; }

    /// <summary>The BG/NBD log-likelihood at the fitted parameters.</summary>
    public double BgNbdLogLikelihood { get; internal set; }

    /// <summary>Whether the BG/NBD fit converged (a fit that did not is refused with an error carrying this model).</summary>
    public bool BgNbdConverged { get; internal set; }

    /// <summary>Customers the BG/NBD fit used: every summary.</summary>
    public int Customers { get; internal set; }

    /// <summary>Customers with at least one repeat purchase.</summary>
    public int RepeatCustomers { get; internal set; }

    /// <summary>Gamma-Gamma: shape of each order's value; null when no summary had a monetary value.</summary>
    public double? P { get; internal set; }

    /// <summary>Gamma-Gamma: shape of the distribution of the customers' scale; null when not fitted.</summary>
    public double? Q { get; internal set; }

    /// <summary>Gamma-Gamma: scale (USD) of the distribution of the customers' scale; null when not fitted.</summary>
    public double? V { get; internal set; }

    /// <summary>The Gamma-Gamma log-likelihood at the fitted parameters; null when not fitted.</summary>
    public double? GammaGammaLogLikelihood { get; internal set; }

    /// <summary>Whether the Gamma-Gamma fit converged; null when not fitted.</summary>
    public bool? GammaGammaConverged { get; internal set; }

    /// <summary>Customers the Gamma-Gamma fit used: a repeat purchase and a monetary value above 0.</summary>
    public int SpendCustomers { get; internal set; }

    /// <summary>Likelihood evaluations the BG/NBD fit spent (for tests: a fit that cannot settle must still end quickly).</summary>
    internal int BgNbdEvaluations { get; set; }

    /// <summary>Likelihood evaluations the Gamma-Gamma fit spent.</summary>
    internal int GammaGammaEvaluations { get; set; }

    /// <summary>The time unit of the summaries the model was fitted on, and of its rates.</summary>
    public ForecastTimeUnit TimeUnit { get; internal set; }

    internal BgNbdParameters Purchases => new BgNbdParameters(R, Alpha, A, B);

    internal GammaGammaParameters? Spend => P is null ? (GammaGammaParameters?)null : new GammaGammaParameters(P.Value, Q!.Value, V!.Value);

    /// <inheritdoc />
    public override string ToString() => System.FormattableString.Invariant(
        $"BG/NBD r={R:G6} alpha={Alpha:G6} a={A:G6} b={B:G6}; Gamma-Gamma p={P:G6} q={Q:G6} v={V:G6}");
}
