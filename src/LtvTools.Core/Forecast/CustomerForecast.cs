using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// Predictive CLV on the same events as Simple LTV: customer summaries (recency, frequency, monetary value),
/// the BG/NBD and Gamma-Gamma models fitted to them, and per-customer forecasts.
/// </summary>
public static class CustomerForecast
{
    /// <summary>The fewest customers a fit accepts (and, for the spend model, repeat customers with a positive monetary value).</summary>
    public const int MinimumCustomers = 10;

    /// <summary>The longest horizon, in periods, a forecast computes (each period is a step of the discounted sum).</summary>
    public const double MaxHorizon = 100_000;

    /// <summary>
    /// One summary per customer with at least one order placed at or before <paramref name="calibrationEnd"/>
    /// (default: the latest accepted event of any type), sorted by CustomerId (ordinal). Orders placed later
    /// are left out, and an order's amount and customer are those of its latest version at that instant.
    /// </summary>
    public static IReadOnlyList<LtvCustomerSummary> Summarize(LtvDataset dataset, UtcTimestamp? calibrationEnd = null, ForecastTimeUnit timeUnit = ForecastTimeUnit.Week)
    {
        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        return CustomerSummaryBuilder.Build(dataset, calibrationEnd, timeUnit);
    }

    /// <summary>Why <paramref name="summary"/> cannot be used in a fit or forecast (a negative value, recency above T, ...), or null.</summary>
    public static string? Check(LtvCustomerSummary summary)
    {
        if (summary is null)
        {
            throw new ArgumentNullException(nameof(summary));
        }

        return CustomerSummaryReader.Check(summary);
    }

    /// <summary>
    /// Reads a summary from name/value pairs (Frequency/Recency/T/MonetaryValue, lifetimes' frequency/recency/
    /// T/monetary_value or the paper's x/t_x/T/zbar; numbers as numbers or invariant-culture text) and checks it.
    /// </summary>
    public static bool TryReadSummary(IReadOnlyList<KeyValuePair<string, object?>> properties, out LtvCustomerSummary? summary, out string reason)
    {
        if (properties is null)
        {
            throw new ArgumentNullException(nameof(properties));
        }

        return CustomerSummaryReader.TryFromProperties(properties, out summary, out reason);
    }

    /// <summary>Fits both models by maximum likelihood from checked summaries in one time unit.</summary>
    /// <exception cref="ForecastFitException">The fit cannot be made; the message says why.</exception>
    public static LtvForecastModel Fit(IReadOnlyList<LtvCustomerSummary> summaries)
    {
        if (summaries is null)
        {
            throw new ArgumentNullException(nameof(summaries));
        }

        return ForecastFitter.Fit(summaries);
    }

    /// <summary>
    /// One forecast per summary, in their order, over <paramref name="horizon"/> periods (the summaries' time
    /// unit), with the CLV discounted by <paramref name="discountRate"/> per period.
    /// </summary>
    /// <exception cref="ForecastFitException">The summaries are in another time unit than the model.</exception>
    public static IReadOnlyList<LtvForecast> Predict(LtvForecastModel model, IReadOnlyList<LtvCustomerSummary> summaries, double horizon, double discountRate = 0)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (summaries is null)
        {
            throw new ArgumentNullException(nameof(summaries));
        }

        if (!(horizon > 0 && horizon <= MaxHorizon))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"The horizon must be above 0 and at most {MaxHorizon} periods.");
        }

        if (!(discountRate >= 0 && discountRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "The discount rate must be at least 0 and below 1.");
        }

        return ForecastPredictor.Predict(model, summaries, horizon, discountRate);
    }
}
