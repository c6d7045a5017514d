using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Exact repeats are ignored and counted; they never win a tie.</summary>
public class DuplicateTests
{
    [Fact]
    public void VisitDeliveredTwiceCountsOnce()
    {
        var visit = Json.Visit("v1", "c1", "2020-01-01T10:00:00Z");
        var run = IngestRun.OfLines(visit, visit, Json.Order("o1", "c1", "2020-01-01T11:00:00Z", "10 USD"));

        var c = Assert.Single(run.Top());
        Assert.Equal(1, c.SiteVisits);
        Assert.Equal(10m, c.SpendPerVisit);
        Assert.Equal(1, run.Dataset.DuplicatesIgnored);
        Assert.Equal((3L, 3L, 0L, 1L), (run.Summaries[0].RecordsRead, run.Summaries[0].Accepted, run.Summaries[0].Rejected, run.Summaries[0].DuplicatesIgnored));
    }

    [Fact]
    public void RepeatedVisitKeyTakesCustomerAndWeekFromItsEarliestEvent()
    {
        // Same key, later copy first in the file: the visit belongs to c2 and its week, and counts once.
        var run = IngestRun.OfLines(
            Json.Visit("v1", "c1", "2020-01-08T10:00:00Z"),
            Json.Visit("v1", "c2", "2020-01-01T10:00:00Z"));

        Assert.Equal(1, run.Dataset.DistinctVisits);
        Assert.Equal(1, run.Dataset.DuplicatesIgnored);
        var top = run.Top();
        Assert.Equal(1, top.Single(c => c.CustomerId == "c2").SiteVisits);
        Assert.Equal(0, top.Single(c => c.CustomerId == "c1").SiteVisits);
        var row = Assert.Single(SimpleLtv.WeeklyMetrics(run.Dataset));
        Assert.Equal(("c2", 1L), (row.CustomerId, row.SiteVisits));
        Assert.Equal(Results.Utc("2019-12-29T00:00:00Z"), row.WeekStart);
    }

    [Fact]
    public void EscapedAndPlainSpellingsOfAKeyAreTheSameVisit()
    {
        var run = IngestRun.OfLines(
            Json.Visit("ab12", "c1", "2020-01-01T10:00:00Z"),
            Json.Visit("\\u0061b12", "c\\u0031", "2020-01-01T10:00:00Z"));

        Assert.Equal((1, 1, 1L), (run.Dataset.DistinctVisits, run.Dataset.CustomerCount, run.Dataset.DuplicatesIgnored));
    }

    [Fact]
    public void ExactDuplicateOrderIsCountedOnce()
    {
        var order = Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD");
        var run = IngestRun.OfLines(order, order, order);

        var c = Assert.Single(run.Top());
        Assert.Equal((1L, 10.00m), (c.Orders, c.TotalSpend));
        Assert.Equal(2, run.Dataset.DuplicatesIgnored);
        Assert.Equal(3, run.Dataset.EventsAccepted);
    }

    [Fact]
    public void DuplicateOrderNeverWinsATie()
    {
        // 10 and 20 at the same time: 20 wins the tie (the larger amount); a repeat of 10 changes nothing.
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "20.00 USD", verb: "UPDATE"),
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"));

        Assert.Equal(20.00m, Assert.Single(run.Top()).TotalSpend);
        Assert.Equal(1, run.Dataset.DuplicatesIgnored);
    }

    [Fact]
    public void DuplicateCustomerProfileNeverWinsATie()
    {
        var run = IngestRun.OfLines(
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Alpha"),
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Beta", verb: "UPDATE"),
            Json.Customer("c1", "2020-01-01T10:00:00Z", "Alpha"));

        Assert.Equal("Beta", Assert.Single(run.Top()).LastName);
        Assert.Equal(1, run.Dataset.DuplicatesIgnored);
    }

    [Fact]
    public void SameOrderAmountAtADifferentTimeIsAVersionNotADuplicate()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD"),
            Json.Order("o1", "c1", "2020-01-02T10:00:00Z", "10.00 USD", verb: "UPDATE"));

        Assert.Equal(0, run.Dataset.DuplicatesIgnored);
        Assert.Equal((1L, 10.00m), (Assert.Single(run.Top()).Orders, run.Top()[0].TotalSpend));
    }

    [Fact]
    public void DuplicateImageIsCountedAsIgnored()
    {
        var image = Json.Image("i1", "c1", "2020-01-01T10:00:00Z");
        var run = IngestRun.OfLines(image, image);

        Assert.Equal((1, 1L, 2L), (run.Dataset.DistinctImages, run.Dataset.DuplicatesIgnored, run.Dataset.EventsAccepted));
    }

    [Fact]
    public void DuplicatesStillWidenTheTimeWindow()
    {
        // The repeat of v1 a week later is ignored as a visit, but the window runs to it.
        var run = IngestRun.OfLines(
            Json.Visit("v1", "c1", "2020-01-01T10:00:00Z"),
            Json.Visit("v1", "c1", "2020-01-08T10:00:00Z"));

        var c = Assert.Single(run.Top());
        Assert.Equal((1L, 2L), (c.SiteVisits, c.TotalWeeks));
        Assert.Equal(Results.Utc("2020-01-08T10:00:00Z"), run.Dataset.LatestEvent);
    }

    [Fact]
    public void DuplicatesAcrossTwoFilesAreCountedPerFile()
    {
        using var files = new TestFiles();
        var first = files.Write("a.jsonl", Json.Lines(Json.Visit("v1", "c1", "2020-01-01T10:00:00Z")));
        var second = files.Write("b.jsonl", Json.Lines(Json.Visit("v1", "c1", "2020-01-01T10:00:00Z"), Json.Visit("v2", "c1", "2020-01-01T11:00:00Z")));

        var run = IngestRun.Of(paths: new[] { first, second });

        Assert.Equal(0, run.Summaries[0].DuplicatesIgnored);
        Assert.Equal(1, run.Summaries[1].DuplicatesIgnored);
        Assert.Equal(2, Assert.Single(run.Top()).SiteVisits);
    }
}
