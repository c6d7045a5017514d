using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// Builds the per-customer summaries from a dataset's orders: each order counts once, at its placement time
/// (its earliest event), with its latest version as of the calibration end (the same rules as everywhere
/// in the contract, applied to the events up to that instant).
/// </summary>
internal static class CustomerSummaryBuilder
{
    public static List<LtvCustomerSummary> Build(LtvDataset dataset, UtcTimestamp? calibrationEnd, ForecastTimeUnit unit)
    {
        var summaries = new List<LtvCustomerSummary>();
        var end = calibrationEnd ?? dataset.LatestEvent;
        if (end is null)
        {
            return summaries;
        }

        var cutoff = end.Value.Ticks;
        var orders = Collect(dataset, cutoff, out var customers);
        var endDay = DayOf(cutoff);
        var perDay = unit == ForecastTimeUnit.Week ? 7.0 : 1.0;
        var endTimestamp = new UtcTimestamp(cutoff);

        // Group the orders by customer with a counting sort: linear, and no per-customer lists.
        var starts = new int[customers.Length + 1];
        foreach (var order in orders)
        {
            starts[order.Customer + 1]++;
        }

        for (var i = 0; i < customers.Length; i++)
        {
            starts[i + 1] += starts[i];
        }

        var grouped = new CollectedOrder[orders.Count];
        var next = (int[])starts.Clone();
        foreach (var order in orders)
        {
            grouped[next[order.Customer]++] = order;
        }

        var byTime = Comparer<CollectedOrder>.Create((left, right) => left.Ticks.CompareTo(right.Ticks));
        summaries.Capacity = customers.Length;
        for (var c = 0; c < customers.Length; c++)
        {
            var from = starts[c];
            var count = starts[c + 1] - from;
            Array.Sort(grouped, from, count, byTime);
            summaries.Add(Summarise(customers[c], grouped, from, count, endDay, perDay, unit, endTimestamp));
        }

        summaries.Sort((left, right) => string.CompareOrdinal(left.CustomerId, right.CustomerId));
        return summaries;
    }

    /// <summary>The UTC calendar day of an instant, as a day number.</summary>
    private static long DayOf(long ticks) => ticks / TimeSpan.TicksPerDay;

    private static List<CollectedOrder> Collect(LtvDataset dataset, long cutoff, out CompactKey[] customers)
    {
        var index = new Dictionary<CompactKey, int>();
        var keys = new List<CompactKey>();
        var orders = new List<CollectedOrder>(dataset.DistinctOrders);
        foreach (var order in dataset.OrdersAsOf(cutoff))
        {
            var customer = order.Customer;
            if (!index.TryGetValue(customer, out var number))
            {
                number = keys.Count;
                index.Add(customer, number);
                keys.Add(customer);
            }

            orders.Add(new CollectedOrder(number, order.EarliestTicks, order.AmountUsd));
        }

        customers = keys.ToArray();
        return orders;
    }

    private static LtvCustomerSummary Summarise(CompactKey customer, CollectedOrder[] orders, int from, int count, long endDay, double perDay, ForecastTimeUnit unit, UtcTimestamp calibrationEnd)
    {
        var firstDay = DayOf(orders[from].Ticks);
        var day = firstDay;
        var occasions = 1;
        var repeatTotal = 0m;
        for (var i = from + 1; i < from + count; i++)
        {
            var orderDay = DayOf(orders[i].Ticks);
            if (orderDay != day)
            {
                occasions++;
                day = orderDay;
            }

            // Orders on the first day belong to the first occasion, which the monetary value leaves out.
            if (orderDay != firstDay)
            {
                repeatTotal += orders[i].AmountUsd;
            }
        }

        var frequency = occasions - 1;
        return new LtvCustomerSummary
        {
            CustomerId = customer.ToString(),
            Frequency = frequency,
            Recency = (day - firstDay) / perDay,
            T = (endDay - firstDay) / perDay,
            MonetaryValue = frequency == 0 ? 0m : repeatTotal / frequency,
            FirstPurchase = new UtcTimestamp(orders[from].Ticks),
            LastPurchase = new UtcTimestamp(orders[from + count - 1].Ticks),
            TimeUnit = unit,
            CalibrationEnd = calibrationEnd,
        };
    }

    private readonly struct CollectedOrder
    {
        public CollectedOrder(int customer, long ticks, decimal amountUsd)
        {
            Customer = customer;
            Ticks = ticks;
            AmountUsd = amountUsd;
        }

        public int Customer { get; }

        public long Ticks { get; }

        public decimal AmountUsd { get; }
    }
}
