using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LtvTools.Core
{
    /// <summary>
    /// Maximises a likelihood over the logs of its parameters, so every parameter stays positive without
    /// bounds, using MathNet.Numerics' Nelder-Mead simplex: it needs no gradient and is deterministic (the
    /// same function and start give the same steps, bit for bit).
    /// </summary>
    internal static class LogSpaceMinimizer
    {
        /// <summary>Relative spread of the simplex values at which a run stops.</summary>
        private const double Tolerance = 1e-13;

        private const int MaxIterationsPerRun = 20_000;

        /// <summary>Nelder-Mead can stall short of the optimum; runs restart from the best point until one no longer improves.</summary>
        private const int MaxRuns = 8;

        /// <summary>A log-parameter past this (a parameter above e^30 or below e^-30) is a fit running off to a boundary.</summary>
        private const double MaxLogParameter = 30;

        /// <summary>
        /// The parameters that maximise <paramref name="logLikelihood"/>, starting from <paramref name="start"/>
        /// (natural scale). Converged is false when the simplex ran out of iterations, the likelihood is not
        /// finite there, or a parameter ran off towards 0 or infinity.
        /// </summary>
        public static (double[] Parameters, double LogLikelihood, bool Converged) Maximise(Func<double[], double> logLikelihood, double[] start)
        {
            var n = start.Length;
            var logs = new double[n];
            for (var i = 0; i < n; i++)
            {
                logs[i] = Math.Log(start[i]);
            }

            var natural = new double[n];
            double Objective(Vector<double> point)
            {
                for (var i = 0; i < n; i++)
                {
                    natural[i] = Math.Exp(point[i]);
                }

                var value = -logLikelihood(natural);

                // NaN would break the simplex's comparisons; such a point is simply the worst.
                return double.IsNaN(value) ? double.PositiveInfinity : value;
            }

            var objective = ObjectiveFunction.Value(Objective);
            var best = Vector<double>.Build.DenseOfArray(logs);
            var bestValue = Objective(best);
            var converged = false;
            for (var run = 0; run < MaxRuns; run++)
            {
                MinimizationResult result;
                try
                {
                    var simplex = new NelderMeadSimplex(Tolerance, MaxIterationsPerRun);
                    result = simplex.FindMinimum(objective, best, Vector<double>.Build.Dense(n, run == 0 ? 1.0 : 0.1));
                }
                catch (MaximumIterationsException)
                {
                    converged = false;
                    break;
                }

                var value = result.FunctionInfoAtMinimum.Value;
                var improved = bestValue - value;
                if (value < bestValue)
                {
                    best = result.MinimizingPoint;
                    bestValue = value;
                }

                converged = true;
                if (!(improved > Tolerance * Math.Abs(bestValue)))
                {
                    break;
                }
            }

            var parameters = new double[n];
            for (var i = 0; i < n; i++)
            {
                parameters[i] = Math.Exp(best[i]);
                if (!(Math.Abs(best[i]) <= MaxLogParameter))
                {
                    converged = false;
                }
            }

            if (double.IsInfinity(bestValue))
            {
                converged = false;
            }

            return (parameters, -bestValue, converged);
        }
    }
}
