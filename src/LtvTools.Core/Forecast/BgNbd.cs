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
        var dA = new double[xs.Length];
        var dB = new double[xs.Length];
        var lnBeta = SpecialFunctions.BetaLn(p.A, p.B);
        var psiB = SpecialFunctions.DiGamma(p.B);
        var psiAB = SpecialFunctions.DiGamma(p.A + p.B);
        for (var k = 0; k < xs.Length; k++)
        {
            var x = xs[k];
            common[k] = SpecialFunctions.BetaLn(p.A, p.B + x) - lnBeta;
            dropout[k] = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : double.NegativeInfinity;
            var psiABX = SpecialFunctions.DiGamma(p.A + p.B + x);
            dA[k] = psiAB - psiABX;
            dB[k] = SpecialFunctions.DiGamma(p.B + x) - psiB + psiAB - psiABX;
        }

        var sums = new RowSums(p.R, p.Alpha, data, common, dropout);
        double gA = 0, gB = 0;
        for (var k = 0; k < xs.Length; k++)
        {
            var x = xs[k];
            gA += sums.Customers[k] * dA[k] + (x == 0 ? 0 : sums.Dropped[k] / p.A);
            gB += sums.Customers[k] * dB[k] - (x == 0 ? 0 : sums.Dropped[k] / (p.B + x - 1));
        }

        gradient[0] = sums.GradientR;
        gradient[1] = sums.GradientAlpha;
        gradient[2] = gA;
        gradient[3] = gB;
        return sums.LogLikelihood;
    }

    /// <summary>
    /// The limit of the BG/NBD likelihood as a, b → ∞ with a/(a+b) = μ fixed: every customer drops out after a
    /// purchase with the same probability μ. Parameters (r, α, μ/(1−μ)), the dropout as odds θ so that a
    /// log-space search keeps μ in (0, 1); gradient with respect to them in <paramref name="gradient"/>. Per
    /// customer: ln Γ(r+x) − ln Γ(r) + r ln α − x ln(1+θ) + ln[(α+T)^−(r+x) + δ(x&gt;0) θ (α+t_x)^−(r+x)].
    /// </summary>
    public static double SameDropoutLogLikelihood(double r, double alpha, double odds, ForecastFitData data, double[] gradient)
    {
        var sums = SameDropoutSums(r, alpha, odds, data);
        double gOdds = 0;
        for (var k = 0; k < data.DistinctFrequencies.Length; k++)
        {
            var x = data.DistinctFrequencies[k];
            gOdds += -sums.Customers[k] * x / (1 + odds) + (x == 0 ? 0 : sums.Dropped[k] / odds);
        }

        gradient[0] = sums.GradientR;
        gradient[1] = sums.GradientAlpha;
        gradient[2] = gOdds;
        return sums.LogLikelihood;
    }

    /// <summary>
    /// The slope of the BG/NBD log-likelihood in 1/(a+b) at 0 (a, b → ∞, a/(a+b) = θ/(1+θ) held), at the
    /// same-dropout parameters (r, α, θ): above 0, some spread in dropout across customers fits better than
    /// none; at or below 0 at the same-dropout optimum, the likelihood rises as a and b grow without bound.
    /// </summary>
    /// <remarks>
    /// With a = μκ, b = (1−μ)κ and ε = 1/κ: ln B(a, b+x) − ln B(a, b) = Σ_{j&lt;x} ln((b+j)/(a+b+j)) has slope
    /// μ x(x−1) / (2(1−μ)) at ε = 0, and ln(a/(b+x−1)) has slope −(x−1)/(1−μ), the latter weighted by each
    /// customer's share of the likelihood that says they dropped out.
    /// </remarks>
    public static double DropoutSpreadSlope(double r, double alpha, double odds, ForecastFitData data)
    {
        var sums = SameDropoutSums(r, alpha, odds, data);
        var mu = odds / (1 + odds);
        double slope = 0;
        for (var k = 0; k < data.DistinctFrequencies.Length; k++)
        {
            var x = data.DistinctFrequencies[k];
            slope += (x - 1) * ((sums.Customers[k] * mu * x / 2) - sums.Dropped[k]);
        }

        return slope * (1 + odds);
    }

    private static RowSums SameDropoutSums(double r, double alpha, double odds, ForecastFitData data)
    {
        var xs = data.DistinctFrequencies;
        var common = new double[xs.Length];
        var dropout = new double[xs.Length];
        var lnStay = -Math.Log(1 + odds);
        var lnOdds = Math.Log(odds);
        for (var k = 0; k < xs.Length; k++)
        {
            common[k] = xs[k] * lnStay;
            dropout[k] = xs[k] > 0 ? lnOdds : double.NegativeInfinity;
        }

        return new RowSums(r, alpha, data, common, dropout);
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

    /// <summary>
    /// One pass over the fit rows for a BG/NBD-shaped likelihood whose dropout part depends on x only: per x,
    /// <c>common</c> (added to every customer) and <c>dropout</c> (the log of the factor in front of
    /// (α+t_x)^−(r+x)). Gives the log-likelihood, its gradient in r and α, and per distinct frequency the
    /// customers and their summed share of the likelihood that says they dropped out, from which each model
    /// builds its own dropout gradient.
    /// </summary>
    private sealed class RowSums
    {
        public RowSums(double r, double alpha, ForecastFitData data, double[] common, double[] dropout)
        {
            var xs = data.DistinctFrequencies;
            Customers = new double[xs.Length];
            Dropped = new double[xs.Length];
            var lnAlpha = Math.Log(alpha);
            var shared = -SpecialFunctions.GammaLn(r) + r * lnAlpha;
            var psiR = SpecialFunctions.DiGamma(r);
            var perX = new double[xs.Length];
            var dR = new double[xs.Length];
            for (var k = 0; k < xs.Length; k++)
            {
                perX[k] = SpecialFunctions.GammaLn(r + xs[k]) + shared + common[k];
                dR[k] = SpecialFunctions.DiGamma(r + xs[k]) - psiR + lnAlpha;
            }

            // ln(α+t) once per distinct recency and age, not per customer.
            var lnRecencies = LogsOf(alpha, data.DistinctRecencies);
            var lnAges = LogsOf(alpha, data.DistinctAges);
            double sum = 0, gR = 0, gAlpha = 0;
            var rows = data.Rows;
            for (var i = 0; i < rows.Length; i++)
            {
                ref readonly var row = ref rows[i];
                var k = row.FrequencyIndex;
                var x = xs[k];
                var rx = r + x;
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
                sum += w * value;
                gR += w * (-(1 - dropped) * lnAge - dropped * lnRecency);
                gAlpha += w * (r / alpha - rx * ((1 - dropped) / (alpha + row.T) + (x == 0 ? 0 : dropped / (alpha + row.Recency))));
                Customers[k] += w;
                Dropped[k] += w * dropped;
            }

            for (var k = 0; k < xs.Length; k++)
            {
                sum += Customers[k] * perX[k];
                gR += Customers[k] * dR[k];
            }

            LogLikelihood = sum;
            GradientR = gR;
            GradientAlpha = gAlpha;
        }

        public double LogLikelihood { get; }

        public double GradientR { get; }

        public double GradientAlpha { get; }

        /// <summary>Per distinct frequency, the customers (summed weights) at it.</summary>
        public double[] Customers { get; }

        /// <summary>Per distinct frequency, the customers' summed share of the likelihood that says they dropped out after their last purchase.</summary>
        public double[] Dropped { get; }
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
