using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>An order is its key: amount and customer from its latest event, placed in the week of its earliest.</summary>
public class OrderUpdateTests
{
    private static LtvCustomer Customer(IngestRun run, string id) => run.Top(100).Single(c => c.CustomerId == id);

    [Fact]
    public void OrderUpdateReplacesTheAmount()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Json.Order("o1", "c1", "2020-01-02T10:00:00Z", "15.50 USD", verb: "UPDATE"));

        var c = Customer(run, "c1");
        Assert.Equal(1, c.Orders);
        Assert.Equal(15.50m, c.TotalSpend);
        Assert.Equal(52m * 10m * 15.50m, c.Ltv);
        Assert.Equal(1, run.Dataset.DistinctOrders);
        Assert.Equal(0, run.Dataset.DuplicatesIgnored);
    }

    [Fact]
    public void UpdateBeforeItsNewStillCreatesTheOrderAndLatestTimeWins()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-02T10:00:00Z", "20.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"));

        var c = Customer(run, "c1");
        Assert.Equal(1, c.Orders);
        Assert.Equal(20.00m, c.TotalSpend);
    }

    [Fact]
    public void UpdateAloneCreatesTheOrder()
    {
        var run = IngestRun.OfLines(Json.Order("o1", "c1", "2020-01-02T10:00:00Z", "20.00 USD", verb: "UPDATE"));

        var c = Customer(run, "c1");
        Assert.Equal(1, c.Orders);
        Assert.Equal(20.00m, c.TotalSpend);
    }

    [Fact]
    public void LatestEventWinsWhateverTheVerb()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-03T10:00:00Z", "30.00 USD"),
            Json.Order("o1", "c1", "2020-01-02T10:00:00Z", "20.00 USD", verb: "UPDATE"));

        Assert.Equal(30.00m, Customer(run, "c1").TotalSpend);
    }

    [Fact]
    public void OrderTieOnEventTimeGoesToTheLargerAmountInEitherInputOrder()
    {
        var forward = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "25.00 USD", verb: "UPDATE"));
        var backward = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "25.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"));

        Assert.Equal(25.00m, Customer(forward, "c1").TotalSpend);
        Assert.Equal(25.00m, Customer(backward, "c1").TotalSpend);
    }

    [Fact]
    public void OrderTieOfEqualAmountsGoesToTheCustomerIdLastInOrdinalOrder()
    {
        string[] lines =
        {
            Json.Order("o1", "c2", "2020-01-01T10:00:00Z", "5.00 USD"),
            Json.Order("o1", "C9", "2020-01-01T10:00:00Z", "5.00 USD", verb: "UPDATE"),
        };

        foreach (var order in new[] { lines, lines.Reverse().ToArray() })
        {
            var run = IngestRun.OfLines(order);
            Assert.Equal((1L, 5.00m), (Customer(run, "c2").Orders, Customer(run, "c2").TotalSpend));
            Assert.Equal(0L, Customer(run, "C9").Orders);
        }
    }

    [Fact]
    public void TwoSpellingsOfOneAmountAreOneEventAndTheLongerSpellingIsKeptInEitherOrder()
    {
        string[] lines =
        {
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "12.3 USD"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "12.30 USD"),
        };

        foreach (var order in new[] { lines, lines.Reverse().ToArray() })
        {
            var run = IngestRun.OfLines(order);
            Assert.Equal(1, run.Dataset.DuplicatesIgnored);
            var row = Assert.Single(SimpleLtv.WeeklyMetrics(run.Dataset));
            Assert.Equal("12.30", row.OrderAmount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void OrderCustomerComesFromTheLatestEvent()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Json.Order("o1", "c2", "2020-01-02T10:00:00Z", "12.00 USD", verb: "UPDATE"));

        var c1 = Customer(run, "c1");
        var c2 = Customer(run, "c2");
        Assert.Equal((0L, 0m), (c1.Orders, c1.TotalSpend));
        Assert.Equal((1L, 12.00m), (c2.Orders, c2.TotalSpend));
        Assert.Equal(2, run.Dataset.CustomerCount);
    }

    [Fact]
    public void OrderCountsOnceWhateverTheNumberOfEvents()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Json.Order("o1", "c1", "2020-01-02T10:00:00Z", "11.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-03T10:00:00Z", "12.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-04T10:00:00Z", "13.00 USD", verb: "UPDATE"),
            Json.Order("o2", "c1", "2020-01-04T11:00:00Z", "1.00 USD"));

        var c = Customer(run, "c1");
        Assert.Equal(2, c.Orders);
        Assert.Equal(14.00m, c.TotalSpend);
        Assert.Equal(5, run.Summaries[0].Accepted);
        Assert.Equal(0, run.Summaries[0].DuplicatesIgnored);
    }

    [Fact]
    public void OrderIsPlacedInTheWeekOfItsEarliestEvent()
    {
        // NEW on Wed 2020-01-01 (Sunday week of 2019-12-29), UPDATE two weeks later with the new amount.
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-15T10:00:00Z", "40.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"));

        var row = Assert.Single(SimpleLtv.WeeklyMetrics(run.Dataset));
        Assert.Equal(Results.Utc("2019-12-29T00:00:00Z"), row.WeekStart);
        Assert.Equal((2020, 1), (row.Year, row.Week));
        Assert.Equal(1, row.Orders);
        Assert.Equal(40.00m, row.OrderAmount);
        Assert.Null(row.SpendPerVisit);
        Assert.Equal(3, Customer(run, "c1").TotalWeeks);
    }

    [Fact]
    public void AKeyWithHundredsOfVersionsKeepsExactDuplicatesAndTheLatestVersion()
    {
        // Past a few versions duplicates are found through an index; the rules must not change there.
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string At(int minute) => start.AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            lines.Add(Json.Order("o1", "c1", At(i), $"{i}.00 USD", verb: "UPDATE"));
            lines.Add(Json.Customer("c1", At(i), lastName: $"Name{i}", verb: "UPDATE"));
        }

        // Every version again (exact duplicates), then a tie on the latest time with a smaller amount (it loses)
        // and a name that sorts later (it wins).
        lines.AddRange(lines.ToList());
        lines.Add(Json.Order("o1", "c1", At(299), "7.00 USD", verb: "UPDATE"));
        lines.Add(Json.Customer("c1", At(299), lastName: "Tied", verb: "UPDATE"));

        var run = IngestRun.OfLines(lines.ToArray());

        var c = Customer(run, "c1");
        Assert.Equal((1L, 299.00m, "Tied"), (c.Orders, c.TotalSpend, c.LastName));
        Assert.Equal(600, run.Summaries[0].DuplicatesIgnored);
        Assert.Equal(1202, run.Summaries[0].Accepted);
    }
}
