using System;
using MathNet.Numerics;

namespace LtvTools.Core
{
    /// <summary>The Gamma-Gamma model of spend per order (Fader and Hardie 2013): likelihood in log space and the conditional mean.</summary>
    internal static class GammaGamma
    {
        /// <summary>
        /// The log-likelihood of the mean order values: per customer with x repeat occasions of mean m,
        /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm + v).
        /// </summary>
        public static double LogLikelihood(GammaGammaParameters p, ForecastFitData data)
        {
            var xs = data.DistinctFrequencies;
            var common = new double[xs.Length];
            var shared = -SpecialFunctions.GammaLn(p.Q) + p.Q * Math.Log(p.V);
            for (var k = 0; k < xs.Length; k++)
            {
                var px = p.P * xs[k];
                common[k] = SpecialFunctions.GammaLn(px + p.Q) - SpecialFunctions.GammaLn(px) + px * Math.Log(xs[k]) + shared;
            }

            var sum = 0.0;
            var rows = data.Rows;
            for (var i = 0; i < rows.Length; i++)
            {
                ref readonly var row = ref rows[i];
                var x = xs[row.FrequencyIndex];
                var px = p.P * x;
                var value = common[row.FrequencyIndex] + (px - 1) * row.LnMonetary - (px + p.Q) * Math.Log(x * row.Monetary + p.V);
                sum += row.Weight * value;
            }

            return sum;
        }

        /// <summary>
        /// E[mean order value | x, m] = p (v + x m) / (p x + q − 1): a weighted mean of the customer's own m and
        /// the population mean p v / (q − 1), the own weight growing with x. Defined for q &gt; 1.
        /// </summary>
        public static double ExpectedAverageOrderValue(GammaGammaParameters p, int x, double monetary) =>
            p.P * (p.V + x * monetary) / (p.P * x + p.Q - 1);
    }
}
