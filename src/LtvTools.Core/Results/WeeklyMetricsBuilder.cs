using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>Per-customer, per-week activity: visits by their own week, orders by their placement week.</summary>
internal static class WeeklyMetricsBuilder
{
    public static List<LtvWeeklyMetric> Build(LtvDataset dataset, WeekStart weekStart, Func<string, bool>? includeCustomer, bool includeEmptyWeeks)
    {
        var window = WeekWindow.Of(dataset, weekStart);
        var cells = new Dictionary<(CompactKey Customer, long Week), Cell>();
        var included = new Dictionary<CompactKey, bool>();

        bool Wanted(CompactKey customer)
        {
            if (includeCustomer is null)
            {
                return true;
            }

            if (!included.TryGetValue(customer, out var wanted))
            {
                wanted = includeCustomer(customer.ToString());
                included.Add(customer, wanted);
            }

            return wanted;
        }

        foreach (var visit in dataset.Visits)
        {
            if (Wanted(visit.Customer))
            {
                var key = (visit.Customer, WeekCalendar.WeekIndex(visit.Ticks, weekStart));
                cells.TryGetValue(key, out var cell);
                cell.Visits++;
                cells[key] = cell;
            }
        }

        foreach (var order in dataset.Orders)
        {
            var winner = order.Winner.Payload;
            if (Wanted(winner.Customer))
            {
                var key = (winner.Customer, WeekCalendar.WeekIndex(order.EarliestTicks, weekStart));
                cells.TryGetValue(key, out var cell);
                cell.Orders++;
                cell.Amount += winner.AmountUsd;
                cells[key] = cell;
            }
        }

        var rows = new List<LtvWeeklyMetric>(cells.Count);
        if (includeEmptyWeeks && window.TotalWeeks > 0)
        {
            foreach (var state in dataset.Customers)
            {
                var customer = state.Key;
                if (!Wanted(customer))
                {
                    continue;
                }

                for (var week = window.FirstWeek; week <= window.LastWeek; week++)
                {
                    cells.TryGetValue((customer, week), out var cell);
                    rows.Add(Row(customer, week, cell, weekStart));
                }
            }
        }
        else
        {
            foreach (var pair in cells)
            {
                rows.Add(Row(pair.Key.Customer, pair.Key.Week, pair.Value, weekStart));
            }
        }

        // The week index orders rows exactly as (Year, Week) does, across year boundaries.
        rows.Sort((a, b) =>
        {
            var byCustomer = string.CompareOrdinal(a.CustomerId, b.CustomerId);
            return byCustomer != 0 ? byCustomer : a.WeekStart.CompareTo(b.WeekStart);
        });
        return rows;
    }

    private static LtvWeeklyMetric Row(CompactKey customer, long week, Cell cell, WeekStart weekStart)
    {
        var label = WeekCalendar.IsoLabel(week);
        return new LtvWeeklyMetric
        {
            CustomerId = customer.ToString(),
            Year = label.Year,
            Week = label.Week,
            WeekStart = WeekCalendar.WeekStartDate(week, weekStart),
            SiteVisits = cell.Visits,
            Orders = cell.Orders,
            OrderAmount = cell.Amount,
            SpendPerVisit = cell.Visits == 0 ? (decimal?)null : cell.Amount / cell.Visits,
        };
    }

    private struct Cell
    {
        public long Visits;
        public long Orders;
        public decimal Amount;
    }
}
