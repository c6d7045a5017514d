using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Customers merged into weighted rows give the likelihood of the customers one by one, and the same bits in any order.</summary>
public sealed class ForecastFitDataTests
{
    private static readonly List<LtvCustomerSummary> Customers = WithRepeats(ForecastModelTests.Simulated.Draw(3_000, 21));

    [Fact]
    public void Identical_customers_are_merged_into_one_weighted_row()
    {
        var purchases = ForecastFitData.ForPurchases(Customers);
        var spend = ForecastFitData.ForSpend(Customers);
        Assert.Equal(Customers.Count, purchases.Customers);
        Assert.True(purchases.Rows.Length < Customers.Count * 3 / 4, $"{purchases.Rows.Length} rows for {Customers.Count} customers");
        Assert.Equal(Customers.Count, purchases.Rows.Sum(row => row.Weight));
        Assert.Equal(Customers.Count(c => c.Frequency > 0 && c.MonetaryValue > 0), spend.Customers);
        Assert.True(spend.Rows.Length < spend.Customers);
    }

    [Fact]
    public void Weighted_rows_give_the_likelihood_and_gradient_of_every_customer_alone()
    {
        var purchases = new BgNbdParameters(0.45, 5.5, 0.85, 2.3);
        var spend = new GammaGammaParameters(5.5, 3.8, 14.0);
        var merged = new double[4];
        var mergedSpend = new double[3];
        var lnMerged = BgNbd.LogLikelihood(purchases, ForecastFitData.ForPurchases(Customers), merged);
        var lnMergedSpend = GammaGamma.LogLikelihood(spend, ForecastFitData.ForSpend(Customers), mergedSpend);

        double lnAlone = 0, lnAloneSpend = 0;
        var alone = new double[4];
        var aloneSpend = new double[3];
        var one = new double[4];
        foreach (var customer in Customers)
        {
            var single = new[] { customer };
            lnAlone += BgNbd.LogLikelihood(purchases, ForecastFitData.ForPurchases(single), one);
            Add(alone, one);
            var spendData = ForecastFitData.ForSpend(single);
            if (spendData.Customers > 0)
            {
                lnAloneSpend += GammaGamma.LogLikelihood(spend, spendData, one);
                Add(aloneSpend, one.Take(3).ToArray());
            }
        }

        Assert.Equal(lnAlone, lnMerged, 1e-9 * Math.Abs(lnAlone));
        Assert.Equal(lnAloneSpend, lnMergedSpend, 1e-9 * Math.Abs(lnAloneSpend));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(alone[i], merged[i], 1e-9 * Math.Max(1, Math.Abs(alone[i])));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(aloneSpend[i], mergedSpend[i], 1e-9 * Math.Max(1, Math.Abs(aloneSpend[i])));
        }
    }

    [Fact]
    public void The_likelihood_has_the_same_bits_whatever_the_order_of_the_customers()
    {
        var purchases = new BgNbdParameters(0.45, 5.5, 0.85, 2.3);
        var gradient = new double[4];
        var shuffledGradient = new double[4];
        var shuffled = Customers.OrderBy(c => c.CustomerId!.GetHashCode(StringComparison.Ordinal)).ToList();
        Assert.NotEqual(Customers.Select(c => c.CustomerId), shuffled.Select(c => c.CustomerId));

        var value = BgNbd.LogLikelihood(purchases, ForecastFitData.ForPurchases(Customers), gradient);
        var shuffledValue = BgNbd.LogLikelihood(purchases, ForecastFitData.ForPurchases(shuffled), shuffledGradient);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(shuffledValue));
        Assert.Equal(gradient.Select(BitConverter.DoubleToInt64Bits), shuffledGradient.Select(BitConverter.DoubleToInt64Bits));
    }

    private static void Add(double[] total, double[] part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            total[i] += part[i];
        }
    }

    /// <summary>The customers with whole-week recencies and ages and whole-dollar spend (as daily summaries give), so many coincide.</summary>
    private static List<LtvCustomerSummary> WithRepeats(List<LtvCustomerSummary> customers)
    {
        foreach (var customer in customers)
        {
            customer.T = Math.Floor(customer.T);
            customer.Recency = Math.Min(Math.Floor(customer.Recency), customer.T);
            customer.MonetaryValue = Math.Round(customer.MonetaryValue!.Value / 10m) * 10m;
        }

        return customers;
    }
}
