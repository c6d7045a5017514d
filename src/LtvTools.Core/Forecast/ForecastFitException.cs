using System;

namespace LtvTools.Core;

/// <summary>A forecast model cannot be fitted from the summaries given, or cannot be applied to them; the message says why.</summary>
public sealed class ForecastFitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ForecastFitException(ForecastFitProblem problem, string message, LtvForecastModel? model = null)
        : base(message)
    {
        Problem = problem;
        Model = model;
    }

    /// <summary>What went wrong.</summary>
    public ForecastFitProblem Problem { get; }

    /// <summary>The model as far as it was fitted (for <see cref="ForecastFitProblem.NotConverged"/>), or null.</summary>
    public LtvForecastModel? Model { get; }
}
