using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Fits that cannot be made, and summaries that cannot be used, are refused with the reason.</summary>
public sealed class ForecastBadInputTests
{
    private static LtvCustomerSummary Summary(int x, double recency, double t, decimal? monetary = 10m, string id = "c") =>
        new() { CustomerId = id, Frequency = x, Recency = recency, T = t, MonetaryValue = monetary };

    private static List<LtvCustomerSummary> Mixed(int count) => ForecastModelTests.Simulated.Draw(count, 7);

    [Fact]
    public void Too_few_customers_are_refused()
    {
        var ex = Assert.Throws<ForecastFitException>(() => CustomerForecast.Fit(Mixed(CustomerForecast.MinimumCustomers - 1)));
        Assert.Equal(ForecastFitProblem.TooFewCustomers, ex.Problem);
        Assert.Contains("at least 10 customers", ex.Message);
    }

    [Fact]
    public void No_repeat_customer_is_refused()
    {
        var summaries = Enumerable.Range(0, 50).Select(i => Summary(0, 0, 20 + i, 0m, "c" + i)).ToList();
        var ex = Assert.Throws<ForecastFitException>(() => CustomerForecast.Fit(summaries));
        Assert.Equal(ForecastFitProblem.NoRepeatCustomers, ex.Problem);
        Assert.Contains("None of the 50 customers made a repeat purchase", ex.Message);
    }

    [Fact]
    public void Too_few_repeat_customers_with_spend_are_refused_for_the_spend_model()
    {
        var summaries = Mixed(300);
        foreach (var summary in summaries.Where(s => s.Frequency > 0).Skip(2))
        {
            summary.MonetaryValue = 0m;
        }

        var ex = Assert.Throws<ForecastFitException>(() => CustomerForecast.Fit(summaries));
        Assert.Equal(ForecastFitProblem.TooFewSpendCustomers, ex.Problem);
        Assert.NotNull(ex.Model);
        Assert.Equal(2, ex.Model!.SpendCustomers);
    }

    [Fact]
    public void Summaries_without_any_monetary_value_fit_the_purchase_model_only()
    {
        var model = CustomerForecast.Fit(Mixed(300).Select(s => Summary(s.Frequency, s.Recency, s.T, null, s.CustomerId!)).ToList());
        Assert.Null(model.P);
        Assert.Null(model.GammaGammaConverged);
        var forecast = CustomerForecast.Predict(model, new[] { Summary(2, 10, 30, null) }, 10)[0];
        Assert.True(forecast.ExpectedPurchases > 0);
        Assert.Null(forecast.PredictedClv);
    }

    [Fact]
    public void A_fit_that_runs_off_to_a_boundary_is_not_converged()
    {
        // Everyone still buying at the end, every week: nothing tells dropout apart from never dropping out.
        var summaries = Enumerable.Range(0, 30).Select(i => Summary(20 + i, 20 + i, 20 + i, 10m + i, "c" + i)).ToList();
        var ex = Assert.Throws<ForecastFitException>(() => CustomerForecast.Fit(summaries));
        Assert.Equal(ForecastFitProblem.NotConverged, ex.Problem);
        Assert.Contains("did not converge", ex.Message);
        Assert.False(ex.Model!.BgNbdConverged);
        Assert.InRange(ex.Model.BgNbdEvaluations, 1, LogSpaceMinimizer.MaxEvaluations + 1);
    }

    [Fact]
    public void Customers_who_all_drop_out_alike_end_the_fit_at_once_with_the_reason()
    {
        // Rates vary across customers, but every one leaves after a purchase with probability 0.1. About half
        // of such samples have their best fit at no spread at all (the likelihood rises without end as a and
        // b grow together) and the rest at a large but finite a + b; this seeded one is of the first kind,
        // and the search must not creep after it.
        var summaries = ForecastModelTests.Simulated.Draw(20_000, 7, sameDropout: 0.1);
        var ex = Assert.Throws<ForecastFitException>(() => CustomerForecast.Fit(summaries));
        Assert.Equal(ForecastFitProblem.NotConverged, ex.Problem);
        Assert.Contains("no spread in dropout", ex.Message);
        Assert.False(ex.Model!.BgNbdConverged);
        Assert.True(ex.Model.A + ex.Model.B > 1e4, ex.Model.ToString());
        Assert.InRange(ex.Model.A / (ex.Model.A + ex.Model.B), 0.08, 0.12);
        Assert.InRange(ex.Model.BgNbdEvaluations, 1, 400);
    }

    [Fact]
    public void A_little_spread_in_dropout_is_still_fitted_when_the_search_passes_the_check()
    {
        // Also drawn with no spread, but this sample's best fit has a + b near 20,000: past the point where
        // the search checks for no spread, and the check lets it go on to that optimum.
        var model = CustomerForecast.Fit(ForecastModelTests.Simulated.Draw(5_000, 9, sameDropout: 0.2));
        Assert.True(model.BgNbdConverged);
        Assert.InRange(model.A + model.B, 1e4, 1e5);
        Assert.InRange(model.A / (model.A + model.B), 0.18, 0.22);
    }

    [Fact]
    public void Summaries_in_two_time_units_are_refused()
    {
        var summaries = Mixed(30);
        summaries[5].TimeUnit = ForecastTimeUnit.Day;
        var ex = Assert.Throws<ForecastFitException>(() => CustomerForecast.Fit(summaries));
        Assert.Equal(ForecastFitProblem.MixedTimeUnits, ex.Problem);
    }

    [Theory]
    [InlineData(-1, 0.0, 10.0, "frequency -1 is negative")]
    [InlineData(1, -1.0, 10.0, "recency -1 is negative")]
    [InlineData(1, 0.0, -2.0, "T -2 is negative")]
    [InlineData(2, 12.5, 10.0, "recency 12.5 is greater than T 10")]
    [InlineData(0, 3.0, 10.0, "recency 3 is not 0 although frequency is 0")]
    public void A_summary_with_an_impossible_value_is_named(int x, double recency, double t, string reason)
    {
        Assert.StartsWith(reason, CustomerForecast.Check(Summary(x, recency, t)));
    }

    [Fact]
    public void A_negative_monetary_value_is_named() =>
        Assert.Equal("monetary value -1 is negative", CustomerForecast.Check(Summary(1, 1, 2, -1m)));

    [Fact]
    public void Summaries_are_read_from_text_under_lifetimes_and_the_papers_names_in_any_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.True(CustomerForecast.TryReadSummary(Pairs(("ID", "7"), ("frequency", "2"), ("recency", "30.43"), ("T", "38.86"), ("monetary_value", "22.35")), out var lifetimes, out _));
            Assert.Equal(("7", 2, 30.43, 38.86, (decimal?)22.35m), (lifetimes!.CustomerId, lifetimes.Frequency, lifetimes.Recency, lifetimes.T, lifetimes.MonetaryValue));

            Assert.True(CustomerForecast.TryReadSummary(Pairs(("x", 1), ("t_x", 1.71), ("T", 38.86m), ("zbar", 11.77)), out var paper, out _));
            Assert.Equal((1, 1.71, 38.86, (decimal?)11.77m), (paper!.Frequency, paper.Recency, paper.T, paper.MonetaryValue));
            Assert.Null(paper.CustomerId);

            Assert.True(CustomerForecast.TryReadSummary(Pairs(("Frequency", "0"), ("Recency", "0"), ("T", "5"), ("TimeUnit", "Day")), out var noMoney, out _));
            Assert.Null(noMoney!.MonetaryValue);
            Assert.Equal(ForecastTimeUnit.Day, noMoney.TimeUnit);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("1.5", "10", "20", "frequency 1.5 is not a whole number")]
    [InlineData("two", "10", "20", "frequency 'two' is not a number")]
    [InlineData("1", "10,5", "20", "recency '10,5' is not a number")]
    [InlineData("1", "30", "20", "recency 30 is greater than T 20")]
    public void A_bad_text_summary_is_refused_with_the_reason(string x, string recency, string t, string reason)
    {
        Assert.False(CustomerForecast.TryReadSummary(Pairs(("frequency", x), ("recency", recency), ("T", t)), out var summary, out var why));
        Assert.Null(summary);
        Assert.StartsWith(reason, why);
    }

    [Fact]
    public void A_property_given_under_two_names_or_missing_is_refused()
    {
        Assert.False(CustomerForecast.TryReadSummary(Pairs(("frequency", "1"), ("x", "1"), ("recency", "1"), ("T", "2")), out _, out var twice));
        Assert.Equal("'frequency' and 'x' both give the Frequency", twice);
        Assert.False(CustomerForecast.TryReadSummary(Pairs(("frequency", "1"), ("T", "2")), out _, out var missing));
        Assert.StartsWith("the object has no frequency, recency and T", missing);
    }

    [Fact]
    public void A_horizon_or_discount_rate_out_of_range_is_refused()
    {
        var model = CustomerForecast.Fit(Mixed(300));
        var one = new[] { Summary(1, 1, 2) };
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerForecast.Predict(model, one, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerForecast.Predict(model, one, 10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerForecast.Predict(model, one, 10, -0.1));
        one[0].TimeUnit = ForecastTimeUnit.Day;
        Assert.Equal(ForecastFitProblem.MixedTimeUnits, Assert.Throws<ForecastFitException>(() => CustomerForecast.Predict(model, one, 10)).Problem);
    }

    private static List<KeyValuePair<string, object?>> Pairs(params (string Name, object? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToList();
}
