using System;
using MathNet.Numerics;

namespace LtvTools.Core;

/// <summary>
/// The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): its likelihood,
/// in log space, and its per-customer predictions.
/// </summary>
internal static class BgNbd
{
    /// <summary>
    /// The log-likelihood of every customer in <paramref name="data"/>, weighted by how many share each row,
    /// and its gradient with respect to (r, α, a, b) in <paramref name="gradient"/>. Per customer (x repeat
    /// occasions, recency t_x, age T):
    /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln[(α+T)^−(r+x) + δ(x&gt;0) a/(b+x−1) (α+t_x)^−(r+x)],
    /// the last term as a log-sum-exp of the two logs, so no power is ever formed and nothing overflows at
    /// large frequencies.
    /// </summary>
    public static double LogLikelihood(BgNbdParameters p, ForecastFitData data, double[] gradient)
    {
        var xs = data.DistinctFrequencies;
        var common = new double[xs.Length];
        var dropout = new double[xs.Length];
        var lnBeta = SpecialFunctions.BetaLn(p.A, p.B);
        var shared = -SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha) - lnBeta;

        // The parts of the gradient that depend on x only, and the row sums the rest needs.
        var dR = new double[xs.Length];
        var dA = new double[xs.Length];
        var dB = new double[xs.Length];
        var psiR = SpecialFunctions.DiGamma(p.R);
        var psiB = SpecialFunctions.DiGamma(p.B);
        var psiAB = SpecialFunctions.DiGamma(p.A + p.B);
        var lnAlpha = Math.Log(p.Alpha);
        for (var k = 0; k < xs.Length; k++)
        {
            var x = xs[k];
            common[k] = SpecialFunctions.GammaLn(p.R + x) + SpecialFunctions.BetaLn(p.A, p.B + x) + shared;
            dropout[k] = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : double.NegativeInfinity;
            var psiABX = SpecialFunctions.DiGamma(p.A + p.B + x);
            dR[k] = SpecialFunctions.DiGamma(p.R + x) - psiR + lnAlpha;
            dA[k] = psiAB - psiABX;
            dB[k] = SpecialFunctions.DiGamma(p.B + x) - psiB + psiAB - psiABX;
        }

        // ln(α+t) once per distinct recency and age, not per customer.
        var lnRecencies = LogsOf(p.Alpha, data.DistinctRecencies);
        var lnAges = LogsOf(p.Alpha, data.DistinctAges);
        double sum = 0, gR = 0, gAlpha = 0, gA = 0, gB = 0;
        var rows = data.Rows;
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            var k = row.FrequencyIndex;
            var x = xs[k];
            var rx = p.R + x;
            var lnAge = lnAges[row.AgeIndex];
            var stays = -rx * lnAge;
            double value, dropped, lnRecency;
            if (x == 0)
            {
                value = stays;
                dropped = 0;
                lnRecency = 0;
            }
            else
            {
                lnRecency = lnRecencies[row.RecencyIndex];
                var left = dropout[k] - rx * lnRecency;

                // ln(e^stays + e^left), and the share of the likelihood that says the customer dropped out
                // after their last purchase, from one exponential of the smaller minus the larger.
                var difference = left - stays;
                var e = Math.Exp(-Math.Abs(difference));
                value = Math.Max(stays, left) + Math.Log(1 + e);
                dropped = difference > 0 ? 1 / (1 + e) : e / (1 + e);
            }

            var w = row.Weight;
            sum += w * (common[k] + value);
            gR += w * (dR[k] - (1 - dropped) * lnAge - dropped * lnRecency);
            gAlpha += w * (p.R / p.Alpha - rx * ((1 - dropped) / (p.Alpha + row.T) + (x == 0 ? 0 : dropped / (p.Alpha + row.Recency))));
            gA += w * (dA[k] + (x == 0 ? 0 : dropped / p.A));
            gB += w * (dB[k] - (x == 0 ? 0 : dropped / (p.B + x - 1)));
        }

        gradient[0] = gR;
        gradient[1] = gAlpha;
        gradient[2] = gA;
        gradient[3] = gB;
        return sum;
    }

    /// <summary>P(alive at T | x, t_x, T): 1 for a customer with no repeat purchase (the model drops customers only at a purchase).</summary>
    public static double ProbabilityAlive(BgNbdParameters p, int x, double recency, double t)
    {
        if (x == 0)
        {
            return 1.0;
        }

        var lnOdds = Math.Log(p.A) - Math.Log(p.B + x - 1) + (p.R + x) * (Math.Log(p.Alpha + t) - Math.Log(p.Alpha + recency));
        return 1.0 / (1.0 + Math.Exp(lnOdds));
    }

    /// <summary>
    /// The expected number of purchases in (T, T + <paramref name="horizon"/>] of a customer who is alive at T:
    /// the unconditional BG/NBD expectation under the posterior (r+x, α+T, a, b+x). Multiplied by
    /// <see cref="ProbabilityAlive"/> it is the paper's conditional expectation E[Y(t) | x, t_x, T].
    /// </summary>
    /// <remarks>
    /// The paper writes (a+b+x−1)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)] with
    /// z = t/(α+T+t). Euler's transformation gives the same product as (1−z)^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z).
    /// The first form's series is slow and huge at large x (its power then underflows), the second's at
    /// large a; the one whose terms grow less is summed, with its power as a log prefactor.
    /// </remarks>
    public static double ExpectedPurchasesIfAlive(BgNbdParameters p, int x, double t, double horizon)
    {
        if (horizon <= 0)
        {
            return 0.0;
        }

        var z = horizon / (p.Alpha + t + horizon);
        var c = p.A + p.B + x - 1;

        // ln(1 − z) = ln((α+T)/(α+T+t)), from logs so a long horizon keeps its digits.
        var lnOneMinusZ = Math.Log(p.Alpha + t) - Math.Log(p.Alpha + t + horizon);
        double product;
        if (Hypergeometric.FirstRatio(p.A + p.B - 1 - p.R, p.A - 1, c, z) <= Hypergeometric.FirstRatio(p.R + x, p.B + x, c, z))
        {
            product = Hypergeometric.Gauss2F1(p.A + p.B - 1 - p.R, p.A - 1, c, z, (p.A - 1) * lnOneMinusZ);
        }
        else
        {
            product = Hypergeometric.Gauss2F1(p.R + x, p.B + x, c, z, (p.R + x) * lnOneMinusZ);
        }

        return c / (p.A - 1) * (1 - product);
    }

    private static double[] LogsOf(double alpha, double[] times)
    {
        var logs = new double[times.Length];
        for (var i = 0; i < times.Length; i++)
        {
            logs[i] = Math.Log(alpha + times[i]);
        }

        return logs;
    }
}
