using System;
using MathNet.Numerics;

namespace LtvTools.Core
{
    /// <summary>
    /// The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way"): its likelihood,
    /// in log space, and its per-customer predictions.
    /// </summary>
    internal static class BgNbd
    {
        /// <summary>
        /// The log-likelihood of every customer in <paramref name="data"/>, weighted by how many share each row.
        /// Per customer (x repeat occasions, recency t_x, age T):
        /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln[(α+T)^−(r+x) + δ(x&gt;0) a/(b+x−1) (α+t_x)^−(r+x)],
        /// the last term as a log-sum-exp of the two logs, so no power is ever formed and nothing overflows at
        /// large frequencies.
        /// </summary>
        public static double LogLikelihood(BgNbdParameters p, ForecastFitData data)
        {
            var xs = data.DistinctFrequencies;
            var common = new double[xs.Length];
            var dropout = new double[xs.Length];
            var lnBeta = SpecialFunctions.BetaLn(p.A, p.B);
            var shared = -SpecialFunctions.GammaLn(p.R) + p.R * Math.Log(p.Alpha) - lnBeta;
            for (var k = 0; k < xs.Length; k++)
            {
                var x = xs[k];
                common[k] = SpecialFunctions.GammaLn(p.R + x) + SpecialFunctions.BetaLn(p.A, p.B + x) + shared;
                dropout[k] = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : double.NegativeInfinity;
            }

            var sum = 0.0;
            var rows = data.Rows;
            for (var i = 0; i < rows.Length; i++)
            {
                ref readonly var row = ref rows[i];
                var k = row.FrequencyIndex;
                var rx = p.R + xs[k];
                var stays = -rx * Math.Log(p.Alpha + row.T);
                var value = common[k];
                if (xs[k] == 0)
                {
                    value += stays;
                }
                else
                {
                    value += LogAddExp(stays, dropout[k] - rx * Math.Log(p.Alpha + row.Recency));
                }

                sum += row.Weight * value;
            }

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

        /// <summary>ln(e^u + e^v) without overflow.</summary>
        private static double LogAddExp(double u, double v)
        {
            var max = Math.Max(u, v);
            if (double.IsNegativeInfinity(max))
            {
                return max;
            }

            return max + Math.Log(1 + Math.Exp(Math.Min(u, v) - max));
        }
    }
}
