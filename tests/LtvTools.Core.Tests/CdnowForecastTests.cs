using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>The published CDNOW results (Fader, Hardie and Lee 2005; Fader and Hardie 2013), from events through the engine.</summary>
public sealed class CdnowForecastTests : IClassFixture<CdnowForecastTests.Fitted>
{
    private readonly Fitted _fitted;

    public CdnowForecastTests(Fitted fitted) => _fitted = fitted;

    [Fact]
    public void The_summary_equals_the_published_one_for_every_customer()
    {
        var lifetimes = CdnowData.LifetimesSummaries();
        var published = CdnowData.PublishedSummaries();
        Assert.Equal(2357, _fitted.Summaries.Count);
        Assert.Equal(lifetimes.Count, _fitted.Summaries.Count);
        foreach (var summary in _fitted.Summaries)
        {
            var expected = lifetimes[summary.CustomerId!];
            Assert.Equal(expected.Frequency, summary.Frequency);
            Assert.Equal(expected.Recency, Math.Round(summary.Recency, 2, MidpointRounding.AwayFromZero));
            Assert.Equal(expected.T, Math.Round(summary.T, 2, MidpointRounding.AwayFromZero));
            Assert.Equal(ForecastTimeUnit.Week, summary.TimeUnit);
            Assert.Equal(published[summary.CustomerId!].Zbar, Math.Round(summary.MonetaryValue!.Value, 2, MidpointRounding.AwayFromZero));
        }
    }

    [Fact]
    public void BG_NBD_gives_the_papers_parameters_and_log_likelihood()
    {
        var model = _fitted.Model;
        Assert.True(model.BgNbdConverged);
        Assert.Equal(0.243, model.R, 0.001);
        Assert.Equal(4.414, model.Alpha, 0.001);
        Assert.Equal(0.793, model.A, 0.001);
        Assert.Equal(2.426, model.B, 0.001);
        Assert.Equal(-9582.4, Math.Round(model.BgNbdLogLikelihood, 1));
        Assert.Equal(2357, model.Customers);
        Assert.Equal(1411, model.Customers - model.RepeatCustomers);
    }

    [Fact]
    public void Gamma_Gamma_on_the_946_repeat_customers_gives_the_published_parameters()
    {
        var model = _fitted.Model;
        Assert.Equal(946, model.SpendCustomers);
        Assert.True(model.GammaGammaConverged);
        Assert.Equal(6.25, model.P!.Value, 0.01);
        Assert.Equal(3.74, model.Q!.Value, 0.01);
        Assert.Equal(15.44, model.V!.Value, 0.01);
    }

    [Fact]
    public void The_same_input_gives_the_same_parameters_bit_for_bit()
    {
        var again = CustomerForecast.Fit(_fitted.Summaries.Reverse().ToList());
        Assert.Equal(BitConverter.DoubleToInt64Bits(_fitted.Model.R), BitConverter.DoubleToInt64Bits(again.R));
        Assert.Equal(BitConverter.DoubleToInt64Bits(_fitted.Model.Alpha), BitConverter.DoubleToInt64Bits(again.Alpha));
        Assert.Equal(BitConverter.DoubleToInt64Bits(_fitted.Model.A), BitConverter.DoubleToInt64Bits(again.A));
        Assert.Equal(BitConverter.DoubleToInt64Bits(_fitted.Model.B), BitConverter.DoubleToInt64Bits(again.B));
        Assert.Equal(BitConverter.DoubleToInt64Bits(_fitted.Model.P!.Value), BitConverter.DoubleToInt64Bits(again.P!.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(_fitted.Model.V!.Value), BitConverter.DoubleToInt64Bits(again.V!.Value));
    }

    [Fact]
    public void Customer_1_is_forecast_as_the_paper_describes()
    {
        // Customer 1 (x = 2, t_x = 30.43, T = 38.86) is the worked example of Fader, Hardie and Lee's note on
        // the conditional expectation: 1.226 purchases expected in the next 39 weeks.
        var summary = _fitted.Summaries.Single(s => s.CustomerId == "1");
        var forecast = CustomerForecast.Predict(_fitted.Model, new[] { summary }, 39, 0)[0];
        Assert.InRange(forecast.ProbabilityAlive, 0.0, 1.0);
        Assert.Equal(1.226, forecast.ExpectedPurchases, 0.001);
        var aov = forecast.ExpectedAverageOrderValue!.Value;
        Assert.Equal(forecast.ExpectedPurchases * aov, forecast.PredictedClv!.Value, 9);
    }

    /// <summary>The CDNOW events summarised and fitted once for all tests of the class.</summary>
    public sealed class Fitted : IDisposable
    {
        private readonly TestFiles _files = new();

        public Fitted()
        {
            var path = CdnowData.WriteEvents(Path.Combine(_files.Directory, "cdnow.jsonl"));
            var run = IngestRun.Of(null, 1, path);
            Summaries = CustomerForecast.Summarize(run.Dataset, CdnowData.CalibrationEnd);
            Model = CustomerForecast.Fit(Summaries);
        }

        public IReadOnlyList<LtvCustomerSummary> Summaries { get; }

        public LtvForecastModel Model { get; }

        public void Dispose() => _files.Dispose();
    }
}
