using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>USD as is; another currency only with a caller-supplied rate to USD; money stays decimal.</summary>
public class CurrencyTests
{
    private static readonly ExchangeRateTable EurRate = new(new Dictionary<string, decimal> { ["EUR"] = 1.10m });

    private static IngestRun Run(ExchangeRateTable? rates, params string[] lines) =>
        IngestRun.OfLines(new LtvOptions { ExchangeRates = rates ?? ExchangeRateTable.UsdOnly }, lines);

    [Fact]
    public void EuroOrderWithARateIsConvertedToUsd()
    {
        var run = Run(EurRate,
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 EUR"),
            Json.Order("o2", "c1", "2020-01-01T11:00:00Z", "5.00 USD"));

        Assert.Empty(run.Rejections);
        var c = Assert.Single(run.Top());
        Assert.Equal((2L, 16.0000m), (c.Orders, c.TotalSpend));
        Assert.Equal(52m * 10m * 16m, c.Ltv);
    }

    [Fact]
    public void EuroOrderWithoutARateIsRejectedAndUsdStillCounts()
    {
        var run = Run(null,
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 EUR"),
            Json.Order("o2", "c1", "2020-01-01T11:00:00Z", "5.00 USD"));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((1L, "currency 'EUR' has no rate (supply one with -ExchangeRate @{ EUR = <USD per EUR> })"), (rejection.Line, rejection.Reason));
        var c = Assert.Single(run.Top());
        Assert.Equal((1L, 5.00m), (c.Orders, c.TotalSpend));
    }

    [Fact]
    public void FlattenedEuroEventKeepsTheWrittenAmountAndCurrency()
    {
        Assert.True(EventRecord.TryParse(Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.05 EUR"), EurRate, out var e, out _));

        Assert.Equal((10.05m, "EUR", 11.055m), (e!.TotalAmount, e.Currency, e.AmountUsd));
        Assert.Equal(10.05m, e.ToRow()[11]);
        Assert.Equal("EUR", e.ToRow()[12]);
    }

    [Fact]
    public void PipelineEuroEventAddsItsUsdAmount()
    {
        Assert.True(EventRecord.TryParse(Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10 EUR"), EurRate, out var e, out _));
        var dataset = new LtvDataset();

        SimpleLtv.Ingest(e!, dataset);

        Assert.Equal(11.0m, Assert.Single(SimpleLtv.TopSimpleLtvCustomers(1, dataset)).TotalSpend);
    }

    [Fact]
    public void PipelineOrdersKeepTheirCurrencysFirstRateAndAnotherRateIsRefused()
    {
        LtvEvent Order(string key, decimal amount, string currency, decimal? usd) =>
            new LtvEvent(EventType.Order, "NEW", key, Results.Utc("2020-01-01T10:00:00Z")) { CustomerId = "c1", TotalAmount = amount, Currency = currency, AmountUsd = usd };
        var dataset = new LtvDataset();

        SimpleLtv.Ingest(Order("o1", 10m, "EUR", 11m), dataset);
        SimpleLtv.Ingest(Order("o2", 20m, "EUR", 22m), dataset);
        SimpleLtv.Ingest(Order("o3", 5m, "USD", 5m), dataset);
        SimpleLtv.Ingest(Order("o4", 5m, "USD", null), dataset);
        var error = Assert.Throws<ArgumentException>(() => SimpleLtv.Ingest(Order("o5", 10m, "eur", 12m), dataset));

        Assert.StartsWith("ORDER o5 converts eur at 1.2 USD, but the dataset's eur amounts were converted at 1.1", error.Message);
        Assert.Equal(new Dictionary<string, decimal> { ["EUR"] = 1.1m }, dataset.ExchangeRates);
        Assert.Equal(43m, Assert.Single(SimpleLtv.TopSimpleLtvCustomers(1, dataset)).TotalSpend);
    }

    [Fact]
    public void PipelineEuroEventWithoutUsdAmountIsRefused()
    {
        var e = new LtvEvent(EventType.Order, "NEW", "o1", Results.Utc("2020-01-01T10:00:00Z")) { CustomerId = "c1", TotalAmount = 10m, Currency = "EUR" };

        var error = Assert.Throws<ArgumentException>(() => SimpleLtv.Ingest(e, new LtvDataset()));
        Assert.StartsWith("ORDER o1 has no USD amount", error.Message);
    }

    [Fact]
    public void UsdNeedsNoRateAndBareDecimalIsUsd()
    {
        var run = Run(null,
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "0.10"),
            Json.Order("o2", "c1", "2020-01-01T11:00:00Z", "0.20 USD"));

        Assert.Empty(run.Rejections);
        Assert.Equal(0.30m, Assert.Single(run.Top()).TotalSpend);
    }

    [Fact]
    public void DecimalMoneyHasNoBinaryRoundingError()
    {
        // Ten orders of 0.10 sum to exactly 1.00 (a double would give 0.9999999999999999).
        var lines = Enumerable.Range(0, 10).Select(i => Json.Order("o" + i, "c1", "2020-01-01T10:00:00Z", "0.10 USD")).ToArray();

        Assert.Equal(1.00m, Assert.Single(Run(null, lines).Top()).TotalSpend);
    }

    [Theory]
    [InlineData("FifteenIntegerDigits", "999999999999999.99 USD", "999999999999999.99")]
    [InlineData("TwelveDecimals", "0.000000000001 USD", "0.000000000001")]
    [InlineData("LeadingZerosDoNotCount", "0000000000000000012.5", "12.5")]
    [InlineData("Zero", "0 USD", "0")]
    public void AmountsWithinTheLimitsAreExact(string name, string written, string expected)
    {
        Assert.NotEmpty(name);
        Assert.True(EventRecord.TryParse(Json.Order("o1", "c1", "2020-01-01T10:00:00Z", written), null, out var e, out var reason), reason);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), e!.TotalAmount);
    }

    [Fact]
    public void AmountAsJsonNumberIsUsd()
    {
        Assert.True(EventRecord.TryParse("{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2020-01-01T10:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": 12.34}", null, out var e, out var reason), reason);

        Assert.Equal((12.34m, "USD"), (e!.TotalAmount, e.Currency));
    }

    [Fact]
    public void AmountThatOverflowsOnceConvertedIsRejectedAndTheFileGoesOn()
    {
        var rates = new ExchangeRateTable(new Dictionary<string, decimal> { ["XXX"] = 1e20m });

        var run = Run(rates,
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "999999999999999 XXX"),
            Json.Order("o2", "c1", "2020-01-01T10:00:00Z", "1 XXX"),
            Json.Order("o3", "c1", "2020-01-01T10:00:00Z", "1 USD"));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((1L, "total_amount '999999999999999 XXX' is too large once converted to USD at the rate given for XXX"), (rejection.Line, rejection.Reason));
        Assert.Equal((2L, 100000000000000000001m), (run.Top()[0].Orders, run.Top()[0].TotalSpend));
    }

    [Fact]
    public void RateTableRefusesZeroOrNegativeRates()
    {
        Assert.Throws<ArgumentException>(() => new ExchangeRateTable(new Dictionary<string, decimal> { ["EUR"] = 0m }));
        Assert.Throws<ArgumentException>(() => new ExchangeRateTable(new Dictionary<string, decimal> { ["GBP"] = -1m }));
    }

    [Fact]
    public void RateTableRefusesAUsdRateOtherThanOneSinceUsdAmountsAreTakenAsWritten()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExchangeRateTable(new Dictionary<string, decimal> { ["usd"] = 2m }));
        Assert.StartsWith("USD is the currency results are in, so its rate is 1, not 2; leave it out.", error.Message);

        // The rate is quoted as the user would write it in PowerShell, whatever the culture.
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var comma = Assert.Throws<ArgumentException>(() => new ExchangeRateTable(new Dictionary<string, decimal> { ["USD"] = 1.5m }));
            Assert.StartsWith("USD is the currency results are in, so its rate is 1, not 1.5; leave it out.", comma.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        var rates = new ExchangeRateTable(new Dictionary<string, decimal> { ["USD"] = 1m, ["EUR"] = 1.08m });
        Assert.True(rates.TryGetRate("USD", out var usd));
        Assert.Equal(1m, usd);
    }
}
