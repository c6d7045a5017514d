using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>Applies a fitted model to summaries, one forecast per summary in their order.</summary>
/// <remarks>
/// E[Y(t) | x, t_x, T] = P(alive) × (expected purchases of an alive customer), and the second factor depends
/// on x and T only. So the expensive part (a hypergeometric series per period of the horizon) is computed
/// once per distinct (x, T), of which there are far fewer than customers; t_x enters only P(alive).
/// </remarks>
internal static class ForecastPredictor
{
    public static List<LtvForecast> Predict(LtvForecastModel model, IReadOnlyList<LtvCustomerSummary> summaries, double horizon, double discountRate)
    {
        var purchases = model.Purchases;
        var spend = model.Spend;
        var ifAlive = new Dictionary<(int X, double T), (double Purchases, double DiscountedPurchases)>();
        var forecasts = new List<LtvForecast>(summaries.Count);
        foreach (var summary in summaries)
        {
            if (summary.TimeUnit != model.TimeUnit)
            {
                throw new ForecastFitException(ForecastFitProblem.MixedTimeUnits,
                    $"The model was fitted on summaries in {model.TimeUnit}s, but customer '{summary.CustomerId}' is summarised in {summary.TimeUnit}s.");
            }

            var key = (summary.Frequency, summary.T);
            if (!ifAlive.TryGetValue(key, out var alive))
            {
                alive = IfAlive(purchases, summary.Frequency, summary.T, horizon, discountRate);
                ifAlive.Add(key, alive);
            }

            var probabilityAlive = BgNbd.ProbabilityAlive(purchases, summary.Frequency, summary.Recency, summary.T);
            double? orderValue = null;
            double? clv = null;
            if (spend.HasValue)
            {
                var monetary = summary.Frequency > 0 && summary.MonetaryValue > 0m ? (double)summary.MonetaryValue.Value : 0.0;
                var frequency = monetary > 0 ? summary.Frequency : 0;
                orderValue = GammaGamma.ExpectedAverageOrderValue(spend.Value, frequency, monetary);
                clv = orderValue * probabilityAlive * alive.DiscountedPurchases;
            }

            forecasts.Add(new LtvForecast
            {
                CustomerId = summary.CustomerId,
                Frequency = summary.Frequency,
                Recency = summary.Recency,
                T = summary.T,
                MonetaryValue = summary.MonetaryValue,
                ProbabilityAlive = probabilityAlive,
                ExpectedPurchases = probabilityAlive * alive.Purchases,
                ExpectedAverageOrderValue = orderValue,
                PredictedClv = clv,
                Horizon = horizon,
                DiscountRate = discountRate,
                TimeUnit = summary.TimeUnit,
            });
        }

        return forecasts;
    }

    /// <summary>
    /// An alive customer's expected purchases over the horizon, and the same summed period by period with
    /// each period's purchases discounted by (1 + rate)^period, as lifetimes' customer_lifetime_value does
    /// (a last, partial period is discounted at the horizon).
    /// </summary>
    private static (double Purchases, double DiscountedPurchases) IfAlive(BgNbdParameters p, int x, double t, double horizon, double discountRate)
    {
        var discounted = 0.0;
        var before = 0.0;
        var periods = (int)Math.Ceiling(horizon);
        for (var k = 1; k <= periods; k++)
        {
            var end = Math.Min(k, horizon);
            var upTo = BgNbd.ExpectedPurchasesIfAlive(p, x, t, end);
            discounted += (upTo - before) / Math.Pow(1 + discountRate, end);
            before = upTo;
        }

        return (before, discounted);
    }
}
