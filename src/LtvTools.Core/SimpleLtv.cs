using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// The challenge's API: <c>Ingest(e, D)</c> and <c>TopSimpleLtvCustomers(x, D)</c>, plus weekly metrics.
/// Simple LTV = 52 × a × t, where a = TotalSpend / TotalWeeks and t = LifespanYears.
/// </summary>
public static class SimpleLtv
{
    /// <summary>Takes event <paramref name="e"/> into dataset <paramref name="D"/>.</summary>
    public static void Ingest(LtvEvent e, LtvDataset D)
    {
        if (D is null)
        {
            throw new ArgumentNullException(nameof(D));
        }

        D.Add(e);
    }

    /// <summary>The <paramref name="x"/> customers with the highest Simple LTV, ranked 1..x.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IReadOnlyList<LtvCustomer> TopSimpleLtvCustomers(int x, LtvDataset D, LtvOptions? options = null)
    {
        if (D is null)
        {
            throw new ArgumentNullException(nameof(D));
        }

        options ??= LtvOptions.Default;
        var window = WeekWindow.Of(D, options.WeekStart);
        var weeks = window.TotalWeeks;
        // The heap grows as needed up to x; start small, as x may be far above the customer count.
        var ranker = new TopCustomerRanker(x, expected: 1024);
        foreach (var customer in D.CustomerTotals)
        {
            ranker.Offer(Ltv(customer.Value.TotalSpend, weeks, options.LifespanYears), customer.Key);
        }

        // Customers who never ordered all have the LTV of no spend; they can only enter a list that is not
        // full or that ends at that LTV (ties go by id), and skipping them spares a pass over every visitor.
        var nothingSpent = Ltv(0m, weeks, options.LifespanYears);
        if (ranker.MayTake(nothingSpent))
        {
            foreach (var customer in D.VisitOnlyCustomers)
            {
                ranker.Offer(nothingSpent, customer.Key);
            }
        }

        var ranked = ranker.Ranked();
        var result = new List<LtvCustomer>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            D.TryGetCustomer(ranked[i].Customer, out var customer);
            result.Add(Describe(i + 1, customer, ranked[i].Ltv, weeks));
        }

        return result;
    }

    /// <summary>
    /// Weekly rows sorted by CustomerId, then week. <paramref name="includeCustomer"/> filters by id;
    /// <paramref name="includeEmptyWeeks"/> adds zero rows for every week of the window.
    /// </summary>
    public static IReadOnlyList<LtvWeeklyMetric> WeeklyMetrics(LtvDataset D, LtvOptions? options = null, Func<string, bool>? includeCustomer = null, bool includeEmptyWeeks = false)
    {
        if (D is null)
        {
            throw new ArgumentNullException(nameof(D));
        }

        return new List<LtvWeeklyMetric>(WeeklyMetricsBuilder.Build(D, (options ?? LtvOptions.Default).WeekStart, includeCustomer, includeEmptyWeeks));
    }

    /// <summary>
    /// The rows of <see cref="WeeklyMetrics"/>, in the same order, made one at a time as they are enumerated:
    /// memory stays proportional to the dataset even with <paramref name="includeEmptyWeeks"/> (customers ×
    /// weeks rows), the first row comes before the last is made, and <paramref name="cancellation"/> is
    /// checked while the rows are prepared and between customers.
    /// </summary>
    public static IEnumerable<LtvWeeklyMetric> EnumerateWeeklyMetrics(LtvDataset D, LtvOptions? options = null, Func<string, bool>? includeCustomer = null, bool includeEmptyWeeks = false, CancellationToken cancellation = default) =>
        WeeklyMetricsBuilder.Build(D, (options ?? LtvOptions.Default).WeekStart, includeCustomer, includeEmptyWeeks, cancellation);

    /// <summary>52 × LifespanYears × TotalSpend / TotalWeeks, dividing last so no precision is lost early.</summary>
    [MethodImpl(HotPath.Optimized)]
    internal static decimal Ltv(decimal totalSpend, long totalWeeks, decimal lifespanYears) =>
        totalWeeks <= 0 ? 0m : 52m * lifespanYears * totalSpend / totalWeeks;

    private static LtvCustomer Describe(int rank, CustomerState customer, decimal ltv, long weeks)
    {
        var profile = customer.Profile;
        return new LtvCustomer
        {
            Rank = rank,
            CustomerId = customer.Id,
            LastName = profile?.LastName,
            City = profile?.City,
            State = profile?.State,
            SiteVisits = customer.SiteVisits,
            Orders = customer.Orders,
            TotalSpend = OutputScale.Money(customer.TotalSpend),
            TotalWeeks = weeks,
            SpendPerVisit = customer.SiteVisits == 0 ? (decimal?)null : OutputScale.Money(customer.TotalSpend / customer.SiteVisits),
            VisitsPerWeek = weeks <= 0 ? 0m : OutputScale.Ratio((decimal)customer.SiteVisits / weeks),
            WeeklyValue = OutputScale.Money(weeks <= 0 ? 0m : customer.TotalSpend / weeks),

            // Ranked on the exact value (ranked[i].Ltv); shown rounded to cents.
            Ltv = OutputScale.Money(ltv),
        };
    }
}
