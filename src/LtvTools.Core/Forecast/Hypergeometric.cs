using System;

namespace LtvTools.Core;

/// <summary>
/// The Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z &lt; 1, by its power series, times a prefactor
/// given as a log. MathNet.Numerics has no 2F1 for real z (its generalized series takes an integer argument).
/// </summary>
internal static class Hypergeometric
{
    /// <summary>A bound on the work for one value; far more than a usual horizon needs.</summary>
    private const int MaxTerms = 1_000_000;

    // The running sum is rescaled past this size, so a series whose terms grow large before they shrink
    // (large parameters) neither overflows nor loses the prefactor that brings it back down.
    private const double Rescale = 1e250;

    private static readonly double LnRescale = Math.Log(Rescale);

    /// <summary>
    /// e^<paramref name="lnPrefactor"/> × 2F1(a, b; c; z), or NaN when the series does not reach double
    /// precision within <see cref="MaxTerms"/> terms or c is a pole.
    /// </summary>
    public static double Gauss2F1(double a, double b, double c, double z, double lnPrefactor)
    {
        if (z < 0 || z >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "The series is used for 0 <= z < 1 only.");
        }

        var term = 1.0;
        var sum = 1.0;
        var lnScale = lnPrefactor;
        for (var k = 0; k < MaxTerms; k++)
        {
            var denominator = (c + k) * (k + 1);
            if (denominator == 0)
            {
                return double.NaN;
            }

            term *= (a + k) * (b + k) / denominator * z;
            sum += term;
            if (term == 0 || Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                return Math.Exp(lnScale) * sum;
            }

            if (Math.Abs(sum) > Rescale)
            {
                sum /= Rescale;
                term /= Rescale;
                lnScale += LnRescale;
            }
        }

        return double.NaN;
    }

    /// <summary>How fast the series' terms grow at first: |a b / c| z, the ratio of its second term to its first.</summary>
    public static double FirstRatio(double a, double b, double c, double z) => Math.Abs(a * b / c) * z;
}
