using LtvTools.Core;

namespace LtvTools.Core.Tests;

public class SimpleLtvTests
{
    [Fact]
    public void ChallengeSampleGivesLtv6416_80()
    {
        var run = IngestRun.Of(paths: TestFiles.ChallengeSample);

        var top = Assert.Single(run.Top());
        Assert.Equal("96f55c7d8f42", top.CustomerId);
        Assert.Equal("Smith", top.LastName);
        Assert.Equal(1, top.Rank);
        Assert.Equal(1, top.SiteVisits);
        Assert.Equal(1, top.Orders);
        Assert.Equal(12.34m, top.TotalSpend);
        Assert.Equal(1, top.TotalWeeks);
        Assert.Equal(6416.80m, top.Ltv);
        Assert.Empty(run.Rejections);
        Assert.Equal(4, run.Summaries[0].Accepted);
    }

    [Fact]
    public void ThreeCustomersOverTwoSundayWeeksGive78000_182000_286000()
    {
        using var files = new TestFiles();
        var path = files.Write("three.jsonl", Json.Lines(
            Json.Visit("v1", "aaa", "2020-01-01T10:00:00Z"),
            Json.Order("o1", "aaa", "2020-01-01T10:05:00Z", "300.00 USD"),
            Json.Visit("v2", "bbb", "2020-01-02T10:00:00Z"),
            Json.Order("o2", "bbb", "2020-01-02T10:05:00Z", "700 USD"),
            Json.Visit("v3", "ccc", "2020-01-06T10:00:00Z"),
            Json.Order("o3", "ccc", "2020-01-06T10:05:00Z", "1100.00 USD")));

        var top = IngestRun.Of(paths: path).Top();

        Assert.Equal(new[] { "ccc", "bbb", "aaa" }, top.Select(c => c.CustomerId));
        Assert.Equal(new[] { 286000m, 182000m, 78000m }, top.Select(c => c.Ltv));
        Assert.All(top, c => Assert.Equal(2, c.TotalWeeks));
        Assert.Equal(new[] { 1, 2, 3 }, top.Select(c => c.Rank));
    }
}
