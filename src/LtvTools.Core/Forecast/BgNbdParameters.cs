namespace LtvTools.Core;

/// <summary>
/// The BG/NBD model's parameters: purchase rates λ ~ Gamma(shape r, rate α) across customers, and the
/// probability p of dropping out after each purchase ~ Beta(a, b).
/// </summary>
internal readonly struct BgNbdParameters
{
    public BgNbdParameters(double r, double alpha, double a, double b)
    {
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
    }

    public double R { get; }

    public double Alpha { get; }

    public double A { get; }

    public double B { get; }
}
