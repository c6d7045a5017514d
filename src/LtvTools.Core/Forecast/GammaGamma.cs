using System;
using MathNet.Numerics;

namespace LtvTools.Core;

/// <summary>The Gamma-Gamma model of spend per order (Fader and Hardie 2013): likelihood in log space and the conditional mean.</summary>
internal static class GammaGamma
{
    /// <summary>
    /// The log-likelihood of the mean order values, and its gradient with respect to (p, q, v) in
    /// <paramref name="gradient"/>: per customer with x repeat occasions of mean m,
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm + v).
    /// </summary>
    public static double LogLikelihood(GammaGammaParameters p, ForecastFitData data, double[] gradient)
    {
        var xs = data.DistinctFrequencies;
        var common = new double[xs.Length];
        var dP = new double[xs.Length];
        var dQ = new double[xs.Length];
        var lnV = Math.Log(p.V);
        var shared = -SpecialFunctions.GammaLn(p.Q) + p.Q * lnV;
        var psiQ = SpecialFunctions.DiGamma(p.Q);
        for (var k = 0; k < xs.Length; k++)
        {
            var px = p.P * xs[k];
            var lnX = Math.Log(xs[k]);
            var psiPXQ = SpecialFunctions.DiGamma(px + p.Q);
            common[k] = SpecialFunctions.GammaLn(px + p.Q) - SpecialFunctions.GammaLn(px) + px * lnX + shared;
            dP[k] = xs[k] * (psiPXQ - SpecialFunctions.DiGamma(px) + lnX);
            dQ[k] = psiPXQ - psiQ + lnV;
        }

        double sum = 0, gP = 0, gQ = 0, gV = 0;
        var rows = data.Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            var k = row.FrequencyIndex;
            var x = xs[k];
            var px = p.P * x;
            var total = x * row.Monetary + p.V;
            var lnTotal = Math.Log(total);
            var w = row.Weight;
            sum += w * (common[k] + (px - 1) * row.LnMonetary - (px + p.Q) * lnTotal);
            gP += w * (dP[k] + x * (row.LnMonetary - lnTotal));
            gQ += w * (dQ[k] - lnTotal);
            gV += w * (p.Q / p.V - (px + p.Q) / total);
        }

        gradient[0] = gP;
        gradient[1] = gQ;
        gradient[2] = gV;
        return sum;
    }

    /// <summary>
    /// E[mean order value | x, m] = p (v + x m) / (p x + q − 1): a weighted mean of the customer's own m and
    /// the population mean p v / (q − 1), the own weight growing with x. Defined for q &gt; 1.
    /// </summary>
    public static double ExpectedAverageOrderValue(GammaGammaParameters p, int x, double monetary) =>
        p.P * (p.V + x * monetary) / (p.P * x + p.Q - 1);
}
