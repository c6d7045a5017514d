using System.Globalization;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// The contract written as plainly as possible: keep every event, group, sort everything. No heap, no
/// versions, no parallelism, no incremental totals, and no use of input order (ties go by content).
/// </summary>
public static class ReferenceModel
{
    public static Results Run(IReadOnlyList<GeneratedEvent> input, DayOfWeek weekStart = DayOfWeek.Sunday)
    {
        DateTime WeekOf(long ticks)
        {
            var day = new DateTime(ticks, DateTimeKind.Utc).Date;
            return day.AddDays(-(((int)day.DayOfWeek - (int)weekStart + 7) % 7));
        }

        var events = input.ToList();
        if (events.Count == 0)
        {
            return new Results(Array.Empty<CustomerRow>(), Array.Empty<WeekRow>(), 0, 0, 0, null, null);
        }

        var orders = Orders(events);
        var visits = events.Where(x => x.Kind == GeneratedKind.Visit).GroupBy(x => x.Key)
            .Select(g => g.OrderBy(x => x.Ticks).ThenBy(x => x.CustomerId, StringComparer.Ordinal).First())
            .ToList();
        var profiles = events.Where(x => x.Kind == GeneratedKind.Customer).GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => Winner(g, e => (e.LastName, e.City, e.State), ProfileOrder), StringComparer.Ordinal);
        var customerIds = events.Select(x => x.CustomerId).Distinct(StringComparer.Ordinal).ToList();

        // Every event is either the first copy of a distinct thing or a duplicate of one.
        var distinct = events.Select(x => x.Kind switch
        {
            GeneratedKind.Visit or GeneratedKind.Image => (x.Kind, x.Key, 0L, "", 0m),
            GeneratedKind.Order => (x.Kind, x.Key, x.Ticks, x.CustomerId, x.AmountUsd),
            _ => (x.Kind, x.Key, x.Ticks, x.LastName + "|" + x.City + "|" + x.State, 0m),
        }).Distinct().Count();

        var earliest = events.Min(x => x.Ticks);
        var latest = events.Max(x => x.Ticks);
        var totalWeeks = ((WeekOf(latest) - WeekOf(earliest)).Days / 7) + 1;

        var ranked = customerIds
            .Select(id =>
            {
                var mine = orders.Where(o => o.Winner.CustomerId == id).ToList();
                var spend = mine.Sum(o => o.Winner.Amount);
                long visitCount = visits.Count(v => v.CustomerId == id);
                profiles.TryGetValue(id, out var profile);
                return new CustomerRow(
                    0, id, profile.LastName, profile.City, profile.State, visitCount, mine.Count, spend, totalWeeks,
                    visitCount == 0 ? null : spend / visitCount,
                    (decimal)visitCount / totalWeeks,
                    spend / totalWeeks,
                    52m * 10m * spend / totalWeeks);
            })
            .OrderByDescending(c => c.Ltv)
            .ThenBy(c => c.CustomerId, StringComparer.Ordinal)

            // Ranked on the exact figures; shown with money in cents and ratios to six decimals.
            .Select((c, i) => c with
            {
                Rank = i + 1,
                TotalSpend = Cents(c.TotalSpend),
                SpendPerVisit = c.SpendPerVisit is decimal perVisit ? Cents(perVisit) : null,
                VisitsPerWeek = Math.Round(c.VisitsPerWeek, 6, MidpointRounding.AwayFromZero),
                WeeklyValue = Cents(c.WeeklyValue),
                Ltv = Cents(c.Ltv),
            })
            .ToList();

        var weekly = visits.Select(v => (v.CustomerId, Week: WeekOf(v.Ticks), Visits: 1L, Orders: 0L, Amount: 0m))
            .Concat(orders.Select(o => (o.Winner.CustomerId, Week: WeekOf(o.Placed), Visits: 0L, Orders: 1L, o.Winner.Amount)))
            .GroupBy(r => (r.CustomerId, r.Week))
            .Select(g =>
            {
                // A week is labelled by the ISO year and number of its Monday.
                var monday = g.Key.Week.AddDays(weekStart == DayOfWeek.Sunday ? 1 : 0);
                var visitCount = g.Sum(r => r.Visits);
                var amount = g.Sum(r => r.Amount);
                return new WeekRow(
                    g.Key.CustomerId, ISOWeek.GetYear(monday), ISOWeek.GetWeekOfYear(monday), g.Key.Week,
                    visitCount, g.Sum(r => r.Orders), Cents(amount), visitCount == 0 ? null : Cents(amount / visitCount));
            })
            .OrderBy(r => r.CustomerId, StringComparer.Ordinal).ThenBy(r => r.WeekStart)
            .ToList();

        return new Results(
            ranked, weekly, events.Count, events.Count - distinct, customerIds.Count,
            new DateTime(earliest, DateTimeKind.Utc), new DateTime(latest, DateTimeKind.Utc));
    }

    /// <summary>Money as the output objects show it: rounded to cents, half away from zero.</summary>
    public static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Sum of the latest amounts of the distinct orders.</summary>
    public static decimal DistinctOrderSpend(IReadOnlyList<GeneratedEvent> input) =>
        Orders(input).Sum(o => o.Winner.Amount);

    /// <summary>Each distinct order: its winning (customer, amount) and the time of its earliest event.</summary>
    private static List<((string CustomerId, decimal Amount) Winner, long Placed)> Orders(IEnumerable<GeneratedEvent> events) =>
        events.Where(x => x.Kind == GeneratedKind.Order).GroupBy(x => x.Key)
            .Select(g => (Winner: Winner(g, e => (e.CustomerId, e.AmountUsd), OrderOrder), Placed: g.Min(x => x.Ticks)))
            .ToList();

    /// <summary>A version (order or profile) is its time plus payload. The winner is the latest time; a tie
    /// goes to the payload that sorts last.</summary>
    private static T Winner<T>(IEnumerable<GeneratedEvent> versions, Func<GeneratedEvent, T> payload, IComparer<T> tieOrder)
        where T : notnull =>
        versions
            .Select(v => (v.Ticks, Payload: payload(v)))
            .OrderBy(v => v.Ticks).ThenBy(v => v.Payload, tieOrder)
            .Last().Payload;

    /// <summary>Orders of one time: the larger amount, then the customer id later in ordinal order.</summary>
    private static readonly IComparer<(string CustomerId, decimal Amount)> OrderOrder = Comparer<(string CustomerId, decimal Amount)>.Create((x, y) =>
    {
        var byAmount = x.Amount.CompareTo(y.Amount);
        return byAmount != 0 ? byAmount : string.CompareOrdinal(x.CustomerId, y.CustomerId);
    });

    /// <summary>Profiles of one time: last name, then city, then state, in ordinal order.</summary>
    private static readonly IComparer<(string LastName, string City, string State)> ProfileOrder = Comparer<(string LastName, string City, string State)>.Create((x, y) =>
    {
        var byName = string.CompareOrdinal(x.LastName, y.LastName);
        if (byName != 0)
        {
            return byName;
        }

        var byCity = string.CompareOrdinal(x.City, y.City);
        return byCity != 0 ? byCity : string.CompareOrdinal(x.State, y.State);
    });
}
