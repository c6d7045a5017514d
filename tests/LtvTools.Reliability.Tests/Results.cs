using LtvTools.Core;

namespace LtvTools.Reliability.Tests;

/// <summary>One ranked customer with every figure a user sees; decimals compare by value.</summary>
public sealed record CustomerRow(
    int Rank, string CustomerId, string? LastName, string? City, string? State, long SiteVisits, long Orders,
    decimal TotalSpend, long TotalWeeks, decimal? SpendPerVisit, decimal VisitsPerWeek, decimal WeeklyValue, decimal Ltv)
{
    public static CustomerRow Of(LtvCustomer c) => new(
        c.Rank, c.CustomerId, c.LastName, c.City, c.State, c.SiteVisits, c.Orders,
        c.TotalSpend, c.TotalWeeks, c.SpendPerVisit, c.VisitsPerWeek, c.WeeklyValue, c.Ltv);
}

/// <summary>One weekly metric row.</summary>
public sealed record WeekRow(string CustomerId, int Year, int Week, DateTime WeekStart, long SiteVisits, long Orders, decimal OrderAmount, decimal? SpendPerVisit)
{
    public static WeekRow Of(LtvWeeklyMetric m) => new(m.CustomerId, m.Year, m.Week, m.WeekStart, m.SiteVisits, m.Orders, m.OrderAmount, m.SpendPerVisit);
}

/// <summary>Everything a run produces: the full ranking, every weekly row, and the dataset's counters.</summary>
public sealed record Results(
    IReadOnlyList<CustomerRow> Top,
    IReadOnlyList<WeekRow> Weekly,
    long EventsAccepted,
    long DuplicatesIgnored,
    int CustomerCount,
    DateTime? Earliest,
    DateTime? Latest)
{
    /// <summary>The results of a dataset: every customer ranked (not just a top few), and all weekly rows.</summary>
    public static Results Of(LtvDataset dataset, LtvOptions? options = null) => new(
        SimpleLtv.TopSimpleLtvCustomers(Math.Max(1, dataset.CustomerCount), dataset, options).Select(CustomerRow.Of).ToList(),
        SimpleLtv.WeeklyMetrics(dataset, options).Select(WeekRow.Of).ToList(),
        dataset.EventsAccepted,
        dataset.DuplicatesIgnored,
        dataset.CustomerCount,
        dataset.EarliestEvent?.DateTime,
        dataset.LatestEvent?.DateTime);

    /// <summary>Asserts equal results piece by piece, so a failure names what differs.</summary>
    public static void AssertEqual(Results expected, Results actual)
    {
        AssertSameFigures(expected, actual);
        Assert.Equal(expected.EventsAccepted, actual.EventsAccepted);
        Assert.Equal(expected.DuplicatesIgnored, actual.DuplicatesIgnored);
    }

    /// <summary>Equal figures for users; the dataset's duplicate count is the caller's to check.</summary>
    public static void AssertSameFigures(Results expected, Results actual)
    {
        Assert.Equal(expected.Top, actual.Top);
        Assert.Equal(expected.Weekly, actual.Weekly);
        Assert.Equal(expected.CustomerCount, actual.CustomerCount);
        Assert.Equal(expected.Earliest, actual.Earliest);
        Assert.Equal(expected.Latest, actual.Latest);
    }
}
