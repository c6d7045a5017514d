using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Profile fields come from the CUSTOMER event with the latest event_time; ties go by content, never by input order.</summary>
public class CustomerProfileTests
{
    [Fact]
    public void CustomerUpdateRenamesTheCustomer()
    {
        var run = IngestRun.OfLines(
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Nguyen", city: "Portland", state: "OR"),
            Json.Customer("c1", "2020-01-10T10:00:00Z", "Nguyen-Park", verb: "UPDATE", city: "Seattle", state: "WA"));

        var c = Assert.Single(run.Top());
        Assert.Equal(("Nguyen-Park", "Seattle", "WA"), (c.LastName, c.City, c.State));
        Assert.Equal(1, run.Dataset.CustomerCount);
    }

    [Fact]
    public void CustomerUpdateArrivingBeforeNewStillWinsByTime()
    {
        var run = IngestRun.OfLines(
            Json.Customer("c1", "2020-01-10T10:00:00Z", "Later", verb: "UPDATE"),
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Earlier"));

        Assert.Equal("Later", Assert.Single(run.Top()).LastName);
    }

    [Fact]
    public void CustomerTieOnEventTimeGoesToTheProfileLastInOrdinalOrderInEitherInputOrder()
    {
        // Last name first, then city, then state; "Zed" sorts after "Young", "b" after "B".
        string[] lines =
        {
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Young", city: "Zurich"),
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Zed", verb: "UPDATE", city: "Aachen", state: "B"),
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Zed", verb: "UPDATE", city: "Aachen", state: "b"),
        };

        foreach (var order in new[] { lines, lines.Reverse().ToArray(), new[] { lines[2], lines[0], lines[1] } })
        {
            var c = Assert.Single(IngestRun.OfLines(order).Top());
            Assert.Equal(("Zed", "Aachen", "b"), (c.LastName, c.City, c.State));
        }
    }

    [Fact]
    public void CustomerSeenOnlyThroughVisitsExistsWithEmptyProfile()
    {
        var run = IngestRun.OfLines(
            Json.Visit("v1", "c9", "2020-01-01T10:00:00Z"),
            Json.Visit("v2", "c9", "2020-01-02T10:00:00Z"));

        var c = Assert.Single(run.Top());
        Assert.Equal("c9", c.CustomerId);
        Assert.Null(c.LastName);
        Assert.Null(c.City);
        Assert.Null(c.State);
        Assert.Equal(2, c.SiteVisits);
        Assert.Equal(0, c.Orders);
        Assert.Equal(0m, c.TotalSpend);
        Assert.Equal(0m, c.SpendPerVisit);
        Assert.Equal(0m, c.Ltv);
    }

    [Fact]
    public void CustomerSeenOnlyThroughOrdersExistsWithEmptyProfile()
    {
        var run = IngestRun.OfLines(Json.Order("o1", "c9", "2020-01-01T10:00:00Z", "5 USD"));

        var c = Assert.Single(run.Top());
        Assert.Equal(("c9", (string?)null, 0L, 1L, 5m), (c.CustomerId, c.LastName, c.SiteVisits, c.Orders, c.TotalSpend));
        Assert.Null(c.SpendPerVisit);
    }

    [Fact]
    public void CustomerSeenOnlyThroughImagesExistsWithLtvZero()
    {
        var run = IngestRun.OfLines(Json.Image("i1", "c9", "2020-01-01T10:00:00Z"));

        var c = Assert.Single(run.Top());
        Assert.Equal(("c9", 0L, 0L, 0m, 0m), (c.CustomerId, c.SiteVisits, c.Orders, c.TotalSpend, c.Ltv));
        Assert.Null(c.SpendPerVisit);
        Assert.Equal(1, run.Dataset.DistinctImages);
    }

    [Fact]
    public void CustomerEventWithNullFieldsGivesNullProfileFields()
    {
        var run = IngestRun.OfLines(Json.Customer("c1", "2020-01-01T10:00:00Z", lastName: null));

        Assert.Null(Assert.Single(run.Top()).LastName);
    }

    [Fact]
    public void RepeatedProfileTextIsHeldOnceAcrossCustomers()
    {
        // Memory grows with distinct values, not with customers: every customer in one city shares one string.
        var lines = Enumerable.Range(0, 50).Select(i => Json.Customer($"c{i}", "2020-01-01T10:00:00Z", lastName: "Smith", city: "Middletown", state: "AK")).ToArray();
        var run = IngestRun.OfLines(lines);

        var top = run.Top(50);
        Assert.Equal(50, top.Count);
        Assert.All(top, c => Assert.Same(top[0].City, c.City));
        Assert.All(top, c => Assert.Same(top[0].LastName, c.LastName));
        Assert.Equal("Middletown", top[0].City);
    }
}
