using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LtvTools.Core;

/// <summary>
/// Maximises a likelihood over the logs of its parameters, so every parameter stays positive without
/// bounds, with MathNet.Numerics' BFGS on the analytic gradient (tens to hundreds of evaluations where a
/// simplex needs up to thousands), and its Nelder-Mead simplex when a BFGS line search gives up. Both are
/// deterministic: the same function and start give the same steps, bit for bit. Every search is bounded
/// by <see cref="MaxEvaluations"/>, so a likelihood that never settles costs a bounded time (each
/// evaluation is a pass over every fit row).
/// </summary>
internal static class LogSpaceMinimizer
{
    /// <summary>The most likelihood evaluations one fit may spend by default, BFGS and simplex together.</summary>
    public const int MaxEvaluations = 1_000;

    private const double GradientTolerance = 1e-9;

    private const double ParameterTolerance = 1e-12;

    private const double FunctionProgressTolerance = 1e-15;

    private const int MaxIterations = 2_000;

    /// <summary>Relative spread of the simplex values at which the Nelder-Mead pass stops.</summary>
    private const double SimplexTolerance = 1e-12;

    /// <summary>
    /// A log-parameter past this (a parameter above 6.6e7 or below 1.5e-8) is a fit running off to a boundary:
    /// that far out the likelihood is flat to double precision, so the search stopped on a ridge to 0 or
    /// infinity, not at an optimum.
    /// </summary>
    private const double MaxLogParameter = 18;

    /// <summary>
    /// The parameters that maximise the likelihood, starting from <paramref name="start"/> (natural scale).
    /// <paramref name="logLikelihood"/> returns the log-likelihood at its first argument and writes its
    /// gradient with respect to the (natural) parameters into the second. The search stops early, with
    /// <see cref="LogSpaceFit.RanOff"/>, at a new best point where <paramref name="runningOff"/> is true, and
    /// unconverged after <paramref name="maxEvaluations"/> evaluations (at least one is always made).
    /// </summary>
    /// <remarks>
    /// The search runs on the mean log-likelihood per customer (<paramref name="customers"/>): a sum over
    /// 300,000 customers has gradients in the hundreds of thousands, and BFGS's first step, along the bare
    /// gradient, would leave the range where the parameters (their exponentials) are finite.
    /// </remarks>
    public static LogSpaceFit Maximise(Func<double[], double[], double> logLikelihood, double[] start, int customers, Func<double[], bool>? runningOff = null, int maxEvaluations = MaxEvaluations)
    {
        maxEvaluations = Math.Max(1, maxEvaluations);
        var scale = 1.0 / Math.Max(customers, 1);
        var n = start.Length;
        var natural = new double[n];
        var gradient = new double[n];
        var evaluations = 0;
        var best = Vector<double>.Build.Dense(n);
        var bestValue = double.PositiveInfinity;

        (double Value, Vector<double> Gradient) Objective(Vector<double> point)
        {
            if (evaluations >= maxEvaluations)
            {
                throw new SearchStopped();
            }

            evaluations++;
            for (var i = 0; i < n; i++)
            {
                natural[i] = Math.Exp(point[i]);
            }

            var value = -scale * logLikelihood(natural, gradient);
            var inLogs = Vector<double>.Build.Dense(n);
            for (var i = 0; i < n; i++)
            {
                // d(-LL)/d(ln θ) = -θ dLL/dθ.
                inLogs[i] = -scale * natural[i] * gradient[i];
            }

            // A point where the likelihood is not a number is simply the worst.
            if (double.IsNaN(value) || HasNaN(inLogs))
            {
                return (double.PositiveInfinity, Vector<double>.Build.Dense(n));
            }

            // The best point of every evaluation, so a search that fails part way loses nothing.
            if (value < bestValue)
            {
                bestValue = value;
                point.CopyTo(best);
                if (runningOff != null && runningOff(natural))
                {
                    throw new SearchStopped();
                }
            }

            return (value, inLogs);
        }

        var logs = Vector<double>.Build.Dense(n);
        for (var i = 0; i < n; i++)
        {
            logs[i] = Math.Log(start[i]);
        }

        var converged = false;
        var stopped = false;
        try
        {
            Objective(logs);
            try
            {
                var bfgs = new BfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionProgressTolerance, MaxIterations);
                var result = bfgs.FindMinimum(ObjectiveFunction.Gradient(Objective), logs);

                // BFGS's own answer, even where an earlier line-search trial happened to be lower, so a
                // converged search ends where its tolerances say.
                best = result.MinimizingPoint;
                bestValue = result.FunctionInfoAtMinimum.Value;
                converged = true;
            }
            catch (Exception ex) when (IsSearchFailure(ex))
            {
            }

            // A line search that gives up (a likelihood too flat or too steep for it) leaves the simplex, which
            // needs no gradient, to finish from the best point found.
            if (!converged)
            {
                try
                {
                    var simplex = new NelderMeadSimplex(SimplexTolerance, MaxIterations);
                    simplex.FindMinimum(ObjectiveFunction.Value(point => Objective(point).Value), best.Clone(), Vector<double>.Build.Dense(n, 1.0));
                    converged = true;
                }
                catch (Exception ex) when (IsSearchFailure(ex))
                {
                }
            }
        }
        catch (Exception ex) when (IsStop(ex))
        {
            stopped = true;
        }

        var ranOff = stopped && runningOff != null && evaluations < maxEvaluations;
        converged &= !stopped;
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

        return new LogSpaceFit(parameters, -bestValue / scale, converged, ranOff, evaluations);
    }

    private static bool IsSearchFailure(Exception ex) =>
        !IsStop(ex) && (ex is MaximumIterationsException || ex is InnerOptimizationException || ex is OptimizationException || ex is ArgumentException);

    /// <summary>A stop from the objective, as thrown or as wrapped by the optimiser.</summary>
    private static bool IsStop(Exception? ex)
    {
        for (; ex != null; ex = ex.InnerException)
        {
            if (ex is SearchStopped)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNaN(Vector<double> vector)
    {
        foreach (var value in vector)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Thrown from the objective to end a search: out of evaluations, or running off.</summary>
    private sealed class SearchStopped : Exception
    {
    }
}
