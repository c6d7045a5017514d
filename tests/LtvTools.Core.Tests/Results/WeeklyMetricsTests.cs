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
                "aaa 2020-W01 2019-12-29 v=2 o=1 amt=30.00 spv=15.00",
                "aaa 2020-W03 2020-01-12 v=0 o=1 amt=12.00 spv=null",
                "bbb 2020-W01 2019-12-29 v=1 o=0 amt=0.00 spv=0.00",
                "bbb 2020-W03 2020-01-12 v=0 o=1 amt=9.00 spv=null",
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
                "aaa 2020-W01 2019-12-29 v=2 o=1 amt=30.00 spv=15.00",
                "aaa 2020-W02 2020-01-05 v=0 o=0 amt=0.00 spv=null",
                "aaa 2020-W03 2020-01-12 v=0 o=1 amt=12.00 spv=null",
                "bbb 2020-W01 2019-12-29 v=1 o=0 amt=0.00 spv=0.00",
                "bbb 2020-W02 2020-01-05 v=0 o=0 amt=0.00 spv=null",
                "bbb 2020-W03 2020-01-12 v=0 o=1 amt=9.00 spv=null",
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
                "c1 2020-W01 2019-12-29 v=0 o=0 amt=0.00 spv=null",
                "c1 2020-W02 2020-01-05 v=0 o=0 amt=0.00 spv=null",
                "c2 2020-W01 2019-12-29 v=0 o=0 amt=0.00 spv=null",
                "c2 2020-W02 2020-01-05 v=0 o=0 amt=0.00 spv=null",
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
                "aaa 2020-W01 2019-12-30 v=2 o=1 amt=30.00 spv=15.00",
                "aaa 2020-W03 2020-01-13 v=0 o=1 amt=12.00 spv=null",
                "bbb 2020-W01 2019-12-30 v=1 o=0 amt=0.00 spv=0.00",
                "bbb 2020-W03 2020-01-13 v=0 o=1 amt=9.00 spv=null",
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
            new[] { "c1 2020-W53 2020-12-27 v=1 o=0 amt=0.00 spv=0.00", "c1 2021-W01 2021-01-03 v=1 o=0 amt=0.00 spv=0.00" },
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

    /// <summary>Three customers whose window runs from year 1 to 9999: about 1.56 million rows with empty weeks.</summary>
    private static LtvDataset CustomersOverTenMillennia() => IngestRun.OfLines(
        Json.Visit("v1", "aaa", "0001-01-02T10:00:00Z"),
        Json.Visit("v2", "bbb", "5000-06-01T10:00:00Z"),
        Json.Order("o1", "ccc", "9999-12-30T10:00:00Z", "7 USD")).Dataset;

    [Fact]
    public void RowsWithEmptyWeeksAreMadeOneAtATimeNotAllAtOnce()
    {
        // Issue 18 point 7: every row used to be built and sorted before the first came out (1.36 GB on 1M
        // events). Made lazily, the first row costs the cells and the customer list, not the 1.56 million rows.
        var dataset = CustomersOverTenMillennia();
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var rows = SimpleLtv.EnumerateWeeklyMetrics(dataset, includeEmptyWeeks: true).GetEnumerator();

        Assert.True(rows.MoveNext());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("aaa 1-W01 0001-01-01 v=1 o=0 amt=0.00 spv=0.00", Row(rows.Current));
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated before the first row");
    }

    [Fact]
    public void EnumeratedRowsEqualTheListAndStopWhenCancelled()
    {
        var dataset = IngestRun.OfLines(TwoCustomersOverThreeWeeks).Dataset;
        foreach (var empty in new[] { false, true })
        {
            Assert.Equal(SimpleLtv.WeeklyMetrics(dataset, includeEmptyWeeks: empty).Select(Row), SimpleLtv.EnumerateWeeklyMetrics(dataset, includeEmptyWeeks: empty).Select(Row));
        }

        using var stop = new CancellationTokenSource();
        using var rows = SimpleLtv.EnumerateWeeklyMetrics(CustomersOverTenMillennia(), includeEmptyWeeks: true, cancellation: stop.Token).GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.True(rows.MoveNext());
        stop.Cancel();

        // Within one customer's half a million weeks, the next row already sees the cancellation.
        Assert.Throws<OperationCanceledException>(() => rows.MoveNext());
    }
}
