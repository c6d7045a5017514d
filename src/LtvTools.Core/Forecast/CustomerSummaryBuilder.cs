using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

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

        // Customers in ordinal order of their ids, compared as packed keys where they can be (sorting the
        // summaries by their id strings afterwards cost a string comparison per step).
        var byId = new int[customers.Length];
        for (var c = 0; c < byId.Length; c++)
        {
            byId[c] = c;
        }

        Array.Sort((CompactKey[])customers.Clone(), byId, OrdinalKeys);
        summaries.Capacity = customers.Length;
        foreach (var c in byId)
        {
            var from = starts[c];
            var count = starts[c + 1] - from;
            SortByTime(grouped, from, count);
            summaries.Add(Summarise(customers[c], grouped, from, count, endDay, perDay, unit, endTimestamp));
        }

        return summaries;
    }

    /// <summary>
    /// Sorts one customer's orders by time: an insertion sort for the usual handful (a call of Array.Sort
    /// with a comparer per customer cost more than the sorting), Array.Sort beyond that.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static void SortByTime(CollectedOrder[] orders, int from, int count)
    {
        if (count > 32)
        {
            Array.Sort(orders, from, count, ByTime);
            return;
        }

        for (var i = from + 1; i < from + count; i++)
        {
            var order = orders[i];
            var j = i - 1;
            while (j >= from && orders[j].Ticks > order.Ticks)
            {
                orders[j + 1] = orders[j];
                j--;
            }

            orders[j + 1] = order;
        }
    }

    private static readonly IComparer<CompactKey> OrdinalKeys = Comparer<CompactKey>.Create(CompactKey.CompareOrdinal);

    private static readonly IComparer<CollectedOrder> ByTime = Comparer<CollectedOrder>.Create((left, right) => left.Ticks.CompareTo(right.Ticks));

    /// <summary>The UTC calendar day of an instant, as a day number.</summary>
    private static long DayOf(long ticks) => ticks / TimeSpan.TicksPerDay;

    [MethodImpl(HotPath.Optimized)]
    private static List<CollectedOrder> Collect(LtvDataset dataset, long cutoff, out CompactKey[] customers)
    {
        // The engine's own table for keyed lookups (flat, linear probing) rather than a Dictionary.
        var index = new CompactKeyMap<int>();
        var keys = new List<CompactKey>();
        var orders = new List<CollectedOrder>(dataset.DistinctOrders);
        foreach (var order in dataset.OrdersAsOf(cutoff))
        {
            var customer = order.Customer;
            ref var number = ref index.GetOrAdd(customer, out var added);
            if (added)
            {
                number = keys.Count;
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
