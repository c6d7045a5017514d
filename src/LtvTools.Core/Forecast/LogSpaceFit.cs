namespace LtvTools.Core;

/// <summary>Where a <see cref="LogSpaceMinimizer"/> search ended, and how it got there.</summary>
internal sealed class LogSpaceFit
{
    public LogSpaceFit(double[] parameters, double logLikelihood, bool converged, bool ranOff, int evaluations)
    {
        Parameters = parameters;
        LogLikelihood = logLikelihood;
        Converged = converged;
        RanOff = ranOff;
        Evaluations = evaluations;
    }

    /// <summary>The best point found (natural scale).</summary>
    public double[] Parameters { get; }

    /// <summary>The log-likelihood there (the sum, not the mean per customer).</summary>
    public double LogLikelihood { get; }

    /// <summary>True when a search settled at a finite point with a finite likelihood, inside the bounds.</summary>
    public bool Converged { get; }

    /// <summary>True when the search stopped because the likelihood kept improving where the caller's run-off test said the parameters were heading for a boundary.</summary>
    public bool RanOff { get; }

    /// <summary>Likelihood evaluations the search spent (each one pass over the fit rows).</summary>
    public int Evaluations { get; }
}
