using LtvTools.Core;
using MathNet.Numerics.Distributions;

namespace LtvTools.Core.Tests;

/// <summary>The models' own identities, and parameters recovered from data simulated with known ones.</summary>
public sealed class ForecastModelTests : IClassFixture<ForecastModelTests.Simulated>
{
    private readonly Simulated _simulated;

    public ForecastModelTests(Simulated simulated) => _simulated = simulated;

    [Fact]
    public void Data_simulated_from_known_BG_NBD_parameters_is_fitted_back_within_a_few_percent()
    {
        var model = _simulated.Model;
        Assert.True(model.BgNbdConverged);
        Assert.Equal(50_000, model.Customers);
        AssertWithin(Simulated.R, model.R, 0.05);
        AssertWithin(Simulated.Alpha, model.Alpha, 0.05);
        AssertWithin(Simulated.A, model.A, 0.05);
        AssertWithin(Simulated.B, model.B, 0.05);
        AssertWithin(Simulated.P, model.P!.Value, 0.05);
        AssertWithin(Simulated.Q, model.Q!.Value, 0.05);
        AssertWithin(Simulated.V, model.V!.Value, 0.05);
    }

    [Fact]
    public void Probability_alive_is_1_without_repeat_purchases_and_within_0_and_1_everywhere()
    {
        var forecasts = CustomerForecast.Predict(_simulated.Model, _simulated.Summaries, 52);
        for (var i = 0; i < forecasts.Count; i++)
        {
            if (_simulated.Summaries[i].Frequency == 0)
            {
                Assert.Equal(1.0, forecasts[i].ProbabilityAlive);
            }

            Assert.InRange(forecasts[i].ProbabilityAlive, 0.0, 1.0);
        }

        Assert.Contains(forecasts, f => f.ProbabilityAlive < 0.5);
    }

    [Fact]
    public void Expected_purchases_grow_with_the_horizon()
    {
        var sample = _simulated.Summaries.Where((_, i) => i % 97 == 0).ToList();
        var previous = CustomerForecast.Predict(_simulated.Model, sample, 0.5);
        foreach (var horizon in new[] { 1.0, 4, 13, 52, 104, 520 })
        {
            var next = CustomerForecast.Predict(_simulated.Model, sample, horizon);
            for (var i = 0; i < sample.Count; i++)
            {
                Assert.True(next[i].ExpectedPurchases > previous[i].ExpectedPurchases, $"horizon {horizon}, customer {i}");
                Assert.True(next[i].PredictedClv > previous[i].PredictedClv);
            }

            previous = next;
        }
    }

    [Fact]
    public void Undiscounted_CLV_is_expected_purchases_times_the_expected_order_value_and_discounting_lowers_it()
    {
        var sample = _simulated.Summaries.Take(200).ToList();
        var plain = CustomerForecast.Predict(_simulated.Model, sample, 52);
        var discounted = CustomerForecast.Predict(_simulated.Model, sample, 52, 0.01);
        for (var i = 0; i < sample.Count; i++)
        {
            Assert.Equal(plain[i].ExpectedPurchases * plain[i].ExpectedAverageOrderValue!.Value, plain[i].PredictedClv!.Value, 1e-9 * (1 + plain[i].PredictedClv!.Value));
            Assert.True(discounted[i].PredictedClv < plain[i].PredictedClv);
            Assert.True(discounted[i].PredictedClv > plain[i].PredictedClv / Math.Pow(1.01, 52));
        }
    }

    [Fact]
    public void The_expected_order_value_lies_between_the_customers_own_mean_and_the_population_mean()
    {
        var model = _simulated.Model;
        var population = model.P!.Value * model.V!.Value / (model.Q!.Value - 1);
        foreach (var forecast in CustomerForecast.Predict(model, _simulated.Summaries.Take(500).ToList(), 52))
        {
            if (forecast.Frequency == 0)
            {
                Assert.Equal(population, forecast.ExpectedAverageOrderValue!.Value, 1e-9);
            }
            else
            {
                var own = (double)forecast.MonetaryValue!.Value;
                Assert.InRange(forecast.ExpectedAverageOrderValue!.Value, Math.Min(own, population) - 1e-9, Math.Max(own, population) + 1e-9);
            }
        }
    }

    [Fact]
    public void Large_frequencies_neither_overflow_the_likelihood_nor_the_forecast()
    {
        var summaries = _simulated.Summaries.Take(100).ToList();
        summaries.Add(new LtvCustomerSummary { CustomerId = "heavy", Frequency = 5000, Recency = 103.9, T = 104, MonetaryValue = 20m });
        var model = CustomerForecast.Fit(summaries);
        var forecast = CustomerForecast.Predict(model, summaries, 52).Last();

        Assert.True(double.IsFinite(model.BgNbdLogLikelihood));
        Assert.InRange(forecast.ProbabilityAlive, 0.9, 1.0);
        Assert.InRange(forecast.ExpectedPurchases, 1000, 5000);
        Assert.True(double.IsFinite(forecast.PredictedClv!.Value));
    }

    private static void AssertWithin(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * expected, $"expected {expected} within {relative:P0}, got {actual}");

    /// <summary>50,000 customers drawn from known BG/NBD and Gamma-Gamma parameters (seeded), summarised and fitted once.</summary>
    public sealed class Simulated
    {
        public const double R = 0.5;
        public const double Alpha = 6.0;
        public const double A = 0.8;
        public const double B = 2.5;
        public const double P = 6.0;
        public const double Q = 4.0;
        public const double V = 15.0;

        public Simulated()
        {
            Summaries = Draw(50_000, 20_260_901);
            Model = CustomerForecast.Fit(Summaries);
        }

        public IReadOnlyList<LtvCustomerSummary> Summaries { get; }

        public LtvForecastModel Model { get; }

        /// <summary>
        /// <paramref name="count"/> customers joining evenly over a year, observed until week 104; with
        /// <paramref name="sameDropout"/>, every customer drops out after a purchase with that probability
        /// instead of one drawn from Beta(A, B).
        /// </summary>
        public static List<LtvCustomerSummary> Draw(int count, int seed, double? sameDropout = null)
        {
            var random = new Random(seed);
            var summaries = new List<LtvCustomerSummary>(count);
            for (var i = 0; i < count; i++)
            {
                var age = 52 + (52.0 * i / count);
                var rate = Gamma.Sample(random, R, Alpha);
                var dropout = sameDropout ?? Beta.Sample(random, A, B);
                var scale = Gamma.Sample(random, Q, V);
                var time = 0.0;
                var x = 0;
                var last = 0.0;
                var spend = 0.0;
                while (true)
                {
                    time += Exponential.Sample(random, rate);
                    if (time > age)
                    {
                        break;
                    }

                    // A repeat purchase, then the chance of dropping out that follows every purchase.
                    x++;
                    last = time;
                    spend += Gamma.Sample(random, P, scale);
                    if (random.NextDouble() < dropout)
                    {
                        break;
                    }
                }

                summaries.Add(new LtvCustomerSummary
                {
                    CustomerId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Frequency = x,
                    Recency = last,
                    T = age,
                    MonetaryValue = x == 0 ? 0m : (decimal)(spend / x),
                });
            }

            return summaries;
        }
    }
}

/// <summary>The analytic gradients the fits follow agree with finite differences of the likelihoods.</summary>
public sealed class LikelihoodGradientTests
{
    [Fact]
    public void The_BG_NBD_and_Gamma_Gamma_gradients_match_central_differences()
    {
        var summaries = ForecastModelTests.Simulated.Draw(2_000, 11);
        var purchases = ForecastFitData.ForPurchases(summaries);
        var spend = ForecastFitData.ForSpend(summaries);

        AssertGradient(new[] { 0.4, 5.0, 0.9, 2.2 }, (p, g) => BgNbd.LogLikelihood(new BgNbdParameters(p[0], p[1], p[2], p[3]), purchases, g));
        AssertGradient(new[] { 5.0, 3.5, 12.0 }, (p, g) => GammaGamma.LogLikelihood(new GammaGammaParameters(p[0], p[1], p[2]), spend, g));
        AssertGradient(new[] { 0.4, 5.0, 0.3 }, (p, g) => BgNbd.SameDropoutLogLikelihood(p[0], p[1], p[2], purchases, g));
    }

    [Fact]
    public void The_dropout_spread_slope_is_the_BG_NBD_likelihoods_slope_in_one_over_a_plus_b()
    {
        var purchases = ForecastFitData.ForPurchases(ForecastModelTests.Simulated.Draw(2_000, 12));
        const double r = 0.4, alpha = 5.0, odds = 0.3;
        var mu = odds / (1 + odds);
        var scratch = new double[4];
        var limit = BgNbd.SameDropoutLogLikelihood(r, alpha, odds, purchases, new double[3]);
        double AtSpread(double epsilon) => BgNbd.LogLikelihood(new BgNbdParameters(r, alpha, mu / epsilon, (1 - mu) / epsilon), purchases, scratch);

        // Two one-sided differences cancel the ε² term.
        const double h = 1e-4;
        var numeric = (4 * (AtSpread(h / 2) - limit) - (AtSpread(h) - limit)) / h;
        var slope = BgNbd.DropoutSpreadSlope(r, alpha, odds, purchases);
        Assert.True(Math.Abs(numeric - slope) <= 1e-3 * Math.Abs(slope), $"analytic {slope}, numeric {numeric}");
        Assert.Equal(limit, AtSpread(1e-9), 1e-4 * Math.Abs(limit));
    }

    private static void AssertGradient(double[] at, Func<double[], double[], double> logLikelihood)
    {
        var gradient = new double[at.Length];
        logLikelihood(at, gradient);
        var scratch = new double[at.Length];
        for (var i = 0; i < at.Length; i++)
        {
            var h = 1e-6 * at[i];
            var up = (double[])at.Clone();
            var down = (double[])at.Clone();
            up[i] += h;
            down[i] -= h;
            var numeric = (logLikelihood(up, scratch) - logLikelihood(down, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"parameter {i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }
}
