using System;

namespace LtvTools.Core
{
    /// <summary>
    /// The Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z &lt; 1, by its power series. MathNet.Numerics
    /// has no 2F1 for real z (its generalized series takes an integer argument), and the forecast needs it only
    /// in a form whose series converges for every horizon (see <see cref="BgNbd.ExpectedPurchasesIfAlive"/>).
    /// </summary>
    internal static class Hypergeometric
    {
        /// <summary>Enough for z = 0.999 with the slowest parameters the forecast uses; far more than a usual horizon needs.</summary>
        private const int MaxTerms = 1_000_000;

        /// <summary>2F1(a, b; c; z), or NaN when the series does not reach double precision within <see cref="MaxTerms"/> terms or c is a pole.</summary>
        public static double Gauss2F1(double a, double b, double c, double z)
        {
            if (z < 0 || z >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(z), z, "The series is used for 0 <= z < 1 only.");
            }

            var term = 1.0;
            var sum = 1.0;
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
                    return sum;
                }
            }

            return double.NaN;
        }
    }
}
