using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>One row per customer and active week, sorted by CustomerId then week; visits by time, orders by placement.</summary>
public class WeeklyMetricsTests
{
    private static string Row(LtvWeeklyMetric w) =>
        FormattableString.Invariant($"{w.CustomerId} {w.Year}-W{w.Week:00} {w.WeekStart:yyyy-MM-dd} v={w.SiteVisits} o={w.Orders} amt={w.OrderAmount} spv={w.SpendPerVisit?.ToString() ?? "null"}");

    private static readonly string[] TwoCustomersOverThreeWeeks =
    {
        Json.Order("o3", "bbb", "2020-01-14T10:00:00Z", "9 USD"),
        Json.Visit("v1", "aaa", "2020-01-01T10:00:00Z"),
        Json.Visit("v2", "aaa", "2020-01-02T10:00:00Z"),
        Json.Order("o1", "aaa", "2020-01-02T10:05:00Z", "30 USD"),
        Json.Order("o2", "aaa", "2020-01-15T10:00:00Z", "12 USD"),
        Json.Visit("v3", "bbb", "2019-12-31T10:00:00Z"),
    };

    [Fact]
    public void RowsAreOnePerCustomerAndActiveWeekSortedByCustomerThenWeek()
    {
        var rows = SimpleLtv.WeeklyMetrics(IngestRun.OfLines(TwoCustomersOverThreeWeeks).Dataset);

        Assert.Equal(
            new[]
            {
                "aaa 2020-W01 2019-12-29 v=2 o=1 amt=30 spv=15",
                "aaa 2020-W03 2020-01-12 v=0 o=1 amt=12 spv=null",
                "bbb 2020-W01 2019-12-29 v=1 o=0 amt=0 spv=0",
                "bbb 2020-W03 2020-01-12 v=0 o=1 amt=9 spv=null",
            },
            rows.Select(Row));
    }

    [Fact]
    public void EmptyWeeksOptionAddsZeroRowsForEveryWeekOfTheWindow()
    {
        var rows = SimpleLtv.WeeklyMetrics(IngestRun.OfLines(TwoCustomersOverThreeWeeks).Dataset, includeEmptyWeeks: true);

        Assert.Equal(
            new[]
            {
                "aaa 2020-W01 2019-12-29 v=2 o=1 amt=30 spv=15",
                "aaa 2020-W02 2020-01-05 v=0 o=0 amt=0 spv=null",
                "aaa 2020-W03 2020-01-12 v=0 o=1 amt=12 spv=null",
                "bbb 2020-W01 2019-12-29 v=1 o=0 amt=0 spv=0",
                "bbb 2020-W02 2020-01-05 v=0 o=0 amt=0 spv=null",
                "bbb 2020-W03 2020-01-12 v=0 o=1 amt=9 spv=null",
            },
            rows.Select(Row));
    }

    [Fact]
    public void EmptyWeeksCoverCustomersWithNoVisitsOrOrders()
    {
        var run = IngestRun.OfLines(Json.Customer("c1", "2020-01-01T10:00:00Z"), Json.Image("i1", "c2", "2020-01-08T10:00:00Z"));

        Assert.Empty(SimpleLtv.WeeklyMetrics(run.Dataset));
        Assert.Equal(
            new[]
            {
                "c1 2020-W01 2019-12-29 v=0 o=0 amt=0 spv=null",
                "c1 2020-W02 2020-01-05 v=0 o=0 amt=0 spv=null",
                "c2 2020-W01 2019-12-29 v=0 o=0 amt=0 spv=null",
                "c2 2020-W02 2020-01-05 v=0 o=0 amt=0 spv=null",
            },
            SimpleLtv.WeeklyMetrics(run.Dataset, includeEmptyWeeks: true).Select(Row));
    }

    [Fact]
    public void MondayWeeksRegroupTheSameEvents()
    {
        var rows = SimpleLtv.WeeklyMetrics(IngestRun.OfLines(TwoCustomersOverThreeWeeks).Dataset, new LtvOptions { WeekStart = WeekStart.Monday });

        Assert.Equal(
            new[]
            {
                "aaa 2020-W01 2019-12-30 v=2 o=1 amt=30 spv=15",
                "aaa 2020-W03 2020-01-13 v=0 o=1 amt=12 spv=null",
                "bbb 2020-W01 2019-12-30 v=1 o=0 amt=0 spv=0",
                "bbb 2020-W03 2020-01-13 v=0 o=1 amt=9 spv=null",
            },
            rows.Select(Row));
    }

    [Fact]
    public void CustomerFilterKeepsOnlyMatchingIds()
    {
        var rows = SimpleLtv.WeeklyMetrics(IngestRun.OfLines(TwoCustomersOverThreeWeeks).Dataset, includeCustomer: id => id == "bbb", includeEmptyWeeks: true);

        Assert.Equal(new[] { "bbb", "bbb", "bbb" }, rows.Select(r => r.CustomerId));
        Assert.Equal(new[] { 1, 2, 3 }, rows.Select(r => r.Week));
    }

    [Fact]
    public void RowsSortAcrossTheYearBoundaryByWeekNotByWeekNumber()
    {
        var run = IngestRun.OfLines(
            Json.Visit("v2", "c1", "2021-01-05T10:00:00Z"),
            Json.Visit("v1", "c1", "2020-12-29T10:00:00Z"));

        Assert.Equal(
            new[] { "c1 2020-W53 2020-12-27 v=1 o=0 amt=0 spv=0", "c1 2021-W01 2021-01-03 v=1 o=0 amt=0 spv=0" },
            SimpleLtv.WeeklyMetrics(run.Dataset).Select(Row));
    }

    [Fact]
    public void WeeklyOrderAmountsAddUpToTotalSpend()
    {
        var run = IngestRun.Of(paths: TestFiles.RepoSample);

        var rows = SimpleLtv.WeeklyMetrics(run.Dataset);

        foreach (var customer in run.Top(100))
        {
            var mine = rows.Where(r => r.CustomerId == customer.CustomerId).ToList();
            Assert.Equal(customer.TotalSpend, mine.Sum(r => r.OrderAmount));
            Assert.Equal(customer.Orders, mine.Sum(r => r.Orders));
            Assert.Equal(customer.SiteVisits, mine.Sum(r => r.SiteVisits));
        }
    }
}
