using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LtvTools.Core;

/// <summary>
/// Maximises a likelihood over the logs of its parameters, so every parameter stays positive without
/// bounds, with MathNet.Numerics' BFGS on the analytic gradient (tens to hundreds of evaluations where a
/// simplex needs up to thousands, which is what keeps a fit of 300,000 customers within seconds), and its
/// Nelder-Mead simplex when a BFGS line search gives up. Both are deterministic: the same function and
/// start give the same steps, bit for bit.
/// </summary>
internal static class LogSpaceMinimizer
{
    private const double GradientTolerance = 1e-9;

    private const double ParameterTolerance = 1e-12;

    private const double FunctionProgressTolerance = 1e-15;

    private const int MaxIterations = 2_000;

    /// <summary>Relative spread of the simplex values at which the Nelder-Mead pass stops.</summary>
    private const double SimplexTolerance = 1e-12;

    /// <summary>
    /// A log-parameter past this (a parameter above 6.6e7 or below 1.5e-8) is a fit running off to a boundary:
    /// that far out the likelihood is flat to double precision, so the search stopped on a ridge to 0 or
    /// infinity, not at an optimum. A degenerate but real optimum (a dropout probability the same for every
    /// customer makes a and b large in proportion) stays well inside.
    /// </summary>
    private const double MaxLogParameter = 18;

    /// <summary>
    /// The parameters that maximise the likelihood, starting from <paramref name="start"/> (natural scale).
    /// <paramref name="logLikelihood"/> returns the log-likelihood at its first argument and writes its
    /// gradient with respect to the (natural) parameters into the second. Converged is false when neither
    /// search settled, the likelihood is not finite there, or a parameter ran off towards 0 or infinity.
    /// </summary>
    /// <remarks>
    /// The search runs on the mean log-likelihood per customer (<paramref name="customers"/>): a sum over
    /// 300,000 customers has gradients in the hundreds of thousands, and BFGS's first step, along the bare
    /// gradient, would leave the range where the parameters (their exponentials) are finite.
    /// </remarks>
    public static (double[] Parameters, double LogLikelihood, bool Converged) Maximise(Func<double[], double[], double> logLikelihood, double[] start, int customers)
    {
        var scale = 1.0 / Math.Max(customers, 1);
        var n = start.Length;
        var natural = new double[n];
        var gradient = new double[n];

        (double Value, Vector<double> Gradient) Objective(Vector<double> point)
        {
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
            return double.IsNaN(value) || HasNaN(inLogs) ? (double.PositiveInfinity, Vector<double>.Build.Dense(n)) : (value, inLogs);
        }

        var logs = Vector<double>.Build.Dense(n);
        for (var i = 0; i < n; i++)
        {
            logs[i] = Math.Log(start[i]);
        }

        var best = logs;
        var bestValue = Objective(logs).Value;
        var converged = false;
        try
        {
            var bfgs = new BfgsMinimizer(GradientTolerance, ParameterTolerance, FunctionProgressTolerance, MaxIterations);
            var result = bfgs.FindMinimum(ObjectiveFunction.Gradient(Objective), logs);
            if (result.FunctionInfoAtMinimum.Value <= bestValue)
            {
                best = result.MinimizingPoint;
                bestValue = result.FunctionInfoAtMinimum.Value;
            }

            converged = true;
        }
        catch (Exception ex) when (ex is MaximumIterationsException || ex is InnerOptimizationException || ex is OptimizationException || ex is ArgumentException)
        {
            converged = false;
        }

        // A line search that gives up (a likelihood too flat or too steep for it) leaves the simplex, which
        // needs no gradient, to finish from the best point found.
        if (!converged)
        {
            try
            {
                var simplex = new NelderMeadSimplex(SimplexTolerance, MaxIterations);
                var polished = simplex.FindMinimum(ObjectiveFunction.Value(point => Objective(point).Value), best, Vector<double>.Build.Dense(n, 1.0));
                if (polished.FunctionInfoAtMinimum.Value < bestValue)
                {
                    best = polished.MinimizingPoint;
                    bestValue = polished.FunctionInfoAtMinimum.Value;
                }

                converged = true;
            }
            catch (MaximumIterationsException)
            {
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

        return (parameters, -bestValue / scale, converged);
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
}
