using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtvTools.Core;

/// <summary>Fits the BG/NBD and Gamma-Gamma models by maximum likelihood from checked customer summaries.</summary>
internal static class ForecastFitter
{
    /// <summary>
    /// a + b past which a BG/NBD search that is still improving is checked for having no spread in dropout to
    /// find: the Beta's standard deviation there is below 0.005 whatever its mean, so customers' dropout
    /// probabilities hardly differ. Passing it only triggers the check; the check decides.
    /// </summary>
    private const double DropoutSpreadCheck = 1e4;

    public static LtvForecastModel Fit(IReadOnlyList<LtvCustomerSummary> summaries)
    {
        var unit = CommonTimeUnit(summaries);
        if (summaries.Count < CustomerForecast.MinimumCustomers)
        {
            throw new ForecastFitException(ForecastFitProblem.TooFewCustomers, Invariant(
                $"The forecast needs at least {CustomerForecast.MinimumCustomers} customers to fit its four purchase parameters; {summaries.Count} were given."));
        }

        var purchases = ForecastFitData.ForPurchases(summaries);
        var repeat = 0;
        var withSpend = false;
        foreach (var summary in summaries)
        {
            repeat += summary.Frequency > 0 ? 1 : 0;
            withSpend |= summary.MonetaryValue.HasValue;
        }

        if (repeat == 0)
        {
            throw new ForecastFitException(ForecastFitProblem.NoRepeatCustomers, Invariant(
                $"None of the {summaries.Count} customers made a repeat purchase, so the purchase rate and the dropout cannot be told apart: the BG/NBD model cannot be fitted."));
        }

        var model = new LtvForecastModel { Customers = summaries.Count, RepeatCustomers = repeat, TimeUnit = unit };
        FitPurchases(model, purchases);
        if (!model.BgNbdConverged)
        {
            throw new ForecastFitException(ForecastFitProblem.NotConverged, Invariant(
                $"The BG/NBD fit did not converge (it stopped at r={model.R:G6}, alpha={model.Alpha:G6}, a={model.A:G6}, b={model.B:G6}): the summaries do not pin the parameters down."), model);
        }

        if (withSpend)
        {
            FitSpend(model, ForecastFitData.ForSpend(summaries));
        }

        return model;
    }

    private static void FitPurchases(LtvForecastModel model, ForecastFitData data)
    {
        var meanT = 0.0;
        var meanX = 0.0;
        foreach (var row in data.Rows)
        {
            meanT += row.Weight * row.T;
            meanX += row.Weight * data.DistinctFrequencies[row.FrequencyIndex];
        }

        // Start at r = 1 and the observed repeat rate among all customers (a scale-free start in either time unit).
        var alpha = Math.Max(meanT, 1e-6) / Math.Max(meanX, 1e-6);

        // One budget of evaluations for the whole BG/NBD fit, however many searches it takes.
        LogSpaceFit Search(double[] from, Func<double[], bool>? runningOff, int spent) => LogSpaceMinimizer.Maximise(
            (p, gradient) => BgNbd.LogLikelihood(new BgNbdParameters(p[0], p[1], p[2], p[3]), data, gradient),
            from,
            data.Customers,
            runningOff,
            LogSpaceMinimizer.MaxEvaluations - spent);

        var fit = Search(new[] { 1.0, alpha, 1.0, 1.0 }, p => p[2] + p[3] > DropoutSpreadCheck, 0);
        var evaluations = fit.Evaluations;
        if (fit.RanOff)
        {
            // Heading for a, b → ∞ together: fit the limit, where every customer has the same dropout
            // probability, and ask whether any spread at all fits better. If not, the search would only creep
            // up a ridge that has no top (at hundreds of evaluations per factor of ten in a and b).
            var at = fit.Parameters;
            var same = LogSpaceMinimizer.Maximise(
                (p, gradient) => BgNbd.SameDropoutLogLikelihood(p[0], p[1], p[2], data, gradient),
                new[] { at[0], at[1], at[2] / at[3] },
                data.Customers,
                maxEvaluations: LogSpaceMinimizer.MaxEvaluations - evaluations);
            evaluations += same.Evaluations;
            if (same.Converged && BgNbd.DropoutSpreadSlope(same.Parameters[0], same.Parameters[1], same.Parameters[2], data) <= 0)
            {
                SetPurchases(model, fit, evaluations, converged: false);
                var dropout = same.Parameters[2] / (1 + same.Parameters[2]);
                throw new ForecastFitException(ForecastFitProblem.NotConverged, Invariant(
                    $"The BG/NBD fit did not converge: the likelihood keeps rising as a and b grow together without bound (it stopped at a={model.A:G6}, b={model.B:G6}), because the summaries show no spread in dropout across customers. The best fit has every customer leave after a purchase with the same probability, {dropout:G4}, which the model's Beta distribution of dropout only approaches."), model);
            }

            fit = Search(at, null, evaluations);
            evaluations += fit.Evaluations;
        }

        SetPurchases(model, fit, evaluations, fit.Converged);
    }

    private static void SetPurchases(LtvForecastModel model, LogSpaceFit fit, int evaluations, bool converged)
    {
        model.R = fit.Parameters[0];
        model.Alpha = fit.Parameters[1];
        model.A = fit.Parameters[2];
        model.B = fit.Parameters[3];
        model.BgNbdLogLikelihood = fit.LogLikelihood;
        model.BgNbdConverged = converged;
        model.BgNbdEvaluations = evaluations;
    }

    private static void FitSpend(LtvForecastModel model, ForecastFitData data)
    {
        model.SpendCustomers = data.Customers;
        if (data.Customers < CustomerForecast.MinimumCustomers)
        {
            throw new ForecastFitException(ForecastFitProblem.TooFewSpendCustomers, Invariant(
                $"The spend model needs at least {CustomerForecast.MinimumCustomers} customers with a repeat purchase and a monetary value above 0; {data.Customers} were given."), model);
        }

        var mean = 0.0;
        foreach (var row in data.Rows)
        {
            mean += row.Weight * row.Monetary;
        }

        mean /= data.Customers;

        // p = 1 and q = 2 put the population mean p v / (q - 1) at the observed mean.
        var fit = LogSpaceMinimizer.Maximise(
            (p, gradient) => GammaGamma.LogLikelihood(new GammaGammaParameters(p[0], p[1], p[2]), data, gradient),
            new[] { 1.0, 2.0, mean },
            data.Customers);
        model.P = fit.Parameters[0];
        model.Q = fit.Parameters[1];
        model.V = fit.Parameters[2];
        model.GammaGammaLogLikelihood = fit.LogLikelihood;
        model.GammaGammaConverged = fit.Converged;
        model.GammaGammaEvaluations = fit.Evaluations;
        if (!fit.Converged)
        {
            throw new ForecastFitException(ForecastFitProblem.NotConverged, Invariant(
                $"The Gamma-Gamma fit did not converge (it stopped at p={model.P:G6}, q={model.Q:G6}, v={model.V:G6}): the monetary values do not pin the parameters down."), model);
        }

        if (model.Q <= 1)
        {
            throw new ForecastFitException(ForecastFitProblem.SpendUndefined, Invariant(
                $"The Gamma-Gamma fit gave q={model.Q:G6}, at most 1, for which the expected order value is infinite: the spend is too dispersed for this model."), model);
        }
    }

    private static ForecastTimeUnit CommonTimeUnit(IReadOnlyList<LtvCustomerSummary> summaries)
    {
        var unit = summaries.Count == 0 ? ForecastTimeUnit.Week : summaries[0].TimeUnit;
        foreach (var summary in summaries)
        {
            if (summary.TimeUnit != unit)
            {
                throw new ForecastFitException(ForecastFitProblem.MixedTimeUnits, Invariant(
                    $"The summaries mix time units ({unit} and {summary.TimeUnit}); summarise all of them in one unit."));
            }
        }

        return unit;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
