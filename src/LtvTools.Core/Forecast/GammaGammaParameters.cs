namespace LtvTools.Core;

/// <summary>
/// The Gamma-Gamma spend model's parameters: each order's value ~ Gamma(p, ν), and the customer's ν ~
/// Gamma(q, v) across customers, so a customer's mean order value is p/ν.
/// </summary>
internal readonly struct GammaGammaParameters
{
    public GammaGammaParameters(double p, double q, double v)
    {
        P = p;
        Q = q;
        V = v;
    }

    public double P { get; }

    public double Q { get; }

    public double V { get; }
}
