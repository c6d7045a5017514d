using System;
using System.Collections.Generic;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// Per-customer, per-week activity: visits by their own week, orders by their placement week. Rows are
/// made one at a time, customer by customer in id order, so even with empty weeks (customers × weeks
/// rows) only the active cells (at most one per distinct event) and the customer ids are held.
/// </summary>
internal static class WeeklyMetricsBuilder
{
    private const int ItemsBetweenChecks = 4096;

    public static IEnumerable<LtvWeeklyMetric> Build(LtvDataset dataset, WeekStart weekStart, Func<string, bool>? includeCustomer, bool includeEmptyWeeks, CancellationToken cancellation = default)
    {
        // Checked here, not at the first MoveNext, so a null dataset fails where the call is made.
        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        return Rows(dataset, weekStart, includeCustomer, includeEmptyWeeks, cancellation);
    }

    private static IEnumerable<LtvWeeklyMetric> Rows(LtvDataset dataset, WeekStart weekStart, Func<string, bool>? includeCustomer, bool includeEmptyWeeks, CancellationToken cancellation)
    {
        var window = WeekWindow.Of(dataset, weekStart);
        var ids = new Dictionary<CompactKey, string?>();
        var cells = CollectCells(dataset, weekStart, includeCustomer, ids, cancellation);

        // The customers to show, in id order: every wanted one with empty weeks, else those with a cell.
        var customers = new List<KeyValuePair<CompactKey, string>>();
        if (includeEmptyWeeks && window.TotalWeeks > 0)
        {
            foreach (var state in dataset.Customers)
            {
                if (IdIfWanted(state.Key, includeCustomer, ids) is string id)
                {
                    customers.Add(new KeyValuePair<CompactKey, string>(state.Key, id));
                }
            }
        }
        else if (!includeEmptyWeeks)
        {
            foreach (var pair in ids)
            {
                if (pair.Value != null)
                {
                    customers.Add(new KeyValuePair<CompactKey, string>(pair.Key, pair.Value));
                }
            }
        }

        cancellation.ThrowIfCancellationRequested();
        customers.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));

        // Each customer's active weeks, in week order (the week index orders rows exactly as (Year, Week) does).
        var weeksOf = new Dictionary<CompactKey, List<long>>();
        foreach (var key in cells.Keys)
        {
            if (!weeksOf.TryGetValue(key.Customer, out var weeks))
            {
                weeks = new List<long>();
                weeksOf.Add(key.Customer, weeks);
            }

            weeks.Add(key.Week);
        }

        foreach (var customer in customers)
        {
            cancellation.ThrowIfCancellationRequested();
            if (includeEmptyWeeks)
            {
                for (var week = window.FirstWeek; week <= window.LastWeek; week++)
                {
                    // One customer may have half a million weeks (years 1 to 9999): stop between rows.
                    cancellation.ThrowIfCancellationRequested();
                    cells.TryGetValue((customer.Key, week), out var cell);
                    yield return Row(customer.Value, week, cell, weekStart);
                }
            }
            else if (weeksOf.TryGetValue(customer.Key, out var weeks))
            {
                weeks.Sort();
                foreach (var week in weeks)
                {
                    yield return Row(customer.Value, week, cells[(customer.Key, week)], weekStart);
                }

                weeksOf.Remove(customer.Key);
            }
        }
    }

    /// <summary>The active cells of the wanted customers; <paramref name="ids"/> records each customer met (null: not wanted).</summary>
    private static Dictionary<(CompactKey Customer, long Week), Cell> CollectCells(LtvDataset dataset, WeekStart weekStart, Func<string, bool>? includeCustomer, Dictionary<CompactKey, string?> ids, CancellationToken cancellation)
    {
        var cells = new Dictionary<(CompactKey Customer, long Week), Cell>();
        var sinceCheck = 0;
        foreach (var visit in dataset.Visits)
        {
            if (++sinceCheck == ItemsBetweenChecks)
            {
                sinceCheck = 0;
                cancellation.ThrowIfCancellationRequested();
            }

            if (IdIfWanted(visit.Customer, includeCustomer, ids) != null)
            {
                var key = (visit.Customer, WeekCalendar.WeekIndex(visit.Ticks, weekStart));
                cells.TryGetValue(key, out var cell);
                cell.Visits++;
                cells[key] = cell;
            }
        }

        foreach (var order in dataset.Orders)
        {
            if (++sinceCheck == ItemsBetweenChecks)
            {
                sinceCheck = 0;
                cancellation.ThrowIfCancellationRequested();
            }

            if (IdIfWanted(order.Customer, includeCustomer, ids) != null)
            {
                var key = (order.Customer, WeekCalendar.WeekIndex(order.EarliestTicks, weekStart));
                cells.TryGetValue(key, out var cell);
                cell.Orders++;
                cell.Amount += order.AmountUsd;
                cells[key] = cell;
            }
        }

        return cells;
    }

    /// <summary>The customer's id when the filter wants it, else null; asked once per customer.</summary>
    private static string? IdIfWanted(CompactKey customer, Func<string, bool>? includeCustomer, Dictionary<CompactKey, string?> ids)
    {
        if (!ids.TryGetValue(customer, out var id))
        {
            var text = customer.ToString();
            id = includeCustomer is null || includeCustomer(text) ? text : null;
            ids.Add(customer, id);
        }

        return id;
    }

    private static LtvWeeklyMetric Row(string customerId, long week, Cell cell, WeekStart weekStart)
    {
        var label = WeekCalendar.IsoLabel(week);
        return new LtvWeeklyMetric
        {
            CustomerId = customerId,
            Year = label.Year,
            Week = label.Week,
            WeekStart = WeekCalendar.WeekStartDate(week, weekStart).DateTime,
            SiteVisits = cell.Visits,
            Orders = cell.Orders,
            OrderAmount = OutputScale.Money(cell.Amount),
            SpendPerVisit = cell.Visits == 0 ? (decimal?)null : OutputScale.Money(cell.Amount / cell.Visits),
        };
    }

    private struct Cell
    {
        public long Visits;
        public long Orders;
        public decimal Amount;
    }
}
