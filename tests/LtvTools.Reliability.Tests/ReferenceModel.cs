using System.Globalization;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// The contract written as plainly as possible: keep every event with its input position, group, sort
/// everything. No heap, no versions, no parallelism, no incremental totals.
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

        var events = input.Select((e, i) => (Event: e, Seq: i)).ToList();
        if (events.Count == 0)
        {
            return new Results(Array.Empty<CustomerRow>(), Array.Empty<WeekRow>(), 0, 0, 0, null, null);
        }

        var orders = Orders(events);
        var visits = events.Where(x => x.Event.Kind == GeneratedKind.Visit).GroupBy(x => x.Event.Key)
            .Select(g => g.OrderBy(x => x.Event.Ticks).ThenBy(x => x.Seq).First().Event)
            .ToList();
        var profiles = events.Where(x => x.Event.Kind == GeneratedKind.Customer).GroupBy(x => x.Event.Key)
            .ToDictionary(g => g.Key, g => Winner(g, e => (e.LastName, e.City, e.State)), StringComparer.Ordinal);
        var customerIds = events.Select(x => x.Event.CustomerId).Distinct(StringComparer.Ordinal).ToList();

        // Every event is either the first copy of a distinct thing or a duplicate of one.
        var distinct = events.Select(x => x.Event.Kind switch
        {
            GeneratedKind.Visit or GeneratedKind.Image => (x.Event.Kind, x.Event.Key, 0L, "", 0m),
            GeneratedKind.Order => (x.Event.Kind, x.Event.Key, x.Event.Ticks, x.Event.CustomerId, x.Event.AmountUsd),
            _ => (x.Event.Kind, x.Event.Key, x.Event.Ticks, x.Event.LastName + "|" + x.Event.City + "|" + x.Event.State, 0m),
        }).Distinct().Count();

        var earliest = events.Min(x => x.Event.Ticks);
        var latest = events.Max(x => x.Event.Ticks);
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
        Orders(input.Select((e, i) => (e, i))).Sum(o => o.Winner.Amount);

    /// <summary>Each distinct order: its winning (customer, amount) and the time of its earliest event.</summary>
    private static List<((string CustomerId, decimal Amount) Winner, long Placed)> Orders(IEnumerable<(GeneratedEvent Event, int Seq)> events) =>
        events.Where(x => x.Event.Kind == GeneratedKind.Order).GroupBy(x => x.Event.Key)
            .Select(g => (Winner: Winner(g, e => (e.CustomerId, e.AmountUsd)), Placed: g.Min(x => x.Event.Ticks)))
            .ToList();

    /// <summary>A version (order or profile) is its time plus payload; its position is that of its first copy.
    /// The winner is the latest time; a tie goes to the version first seen later in the input.</summary>
    private static T Winner<T>(IEnumerable<(GeneratedEvent Event, int Seq)> versions, Func<GeneratedEvent, T> payload)
        where T : notnull =>
        versions
            .GroupBy(v => (v.Event.Ticks, payload(v.Event)))
            .Select(g => (g.Key.Ticks, Seq: g.Min(v => v.Seq), Payload: g.Key.Item2))
            .OrderBy(v => v.Ticks).ThenBy(v => v.Seq)
            .Last().Payload;
}
