using CsCheck;
using LtvTools.Core;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// CsCheck generators of event streams: a few customers (ids chosen so ordinal tie-breaks matter), visits,
/// images, orders with NEW and UPDATE versions that may move to another customer, profile updates, times
/// across two year boundaries in random offsets, exact duplicate deliveries, and amounts with up to 2 decimals.
/// </summary>
public static class EventStreams
{
    private static readonly string[] CustomerIds = { "c0", "c1", "C1", "c10", "b", "cafe" };
    private static readonly string[] LastNames = { "Smith", "Jones", "Ng" };
    private static readonly int[] Offsets = { 0, 0, 0, 60, -300, 840, -720, 330 };
    private static readonly string[] Currencies = { "USD", "EUR", "JPY" };

    /// <summary>USD per unit of each generated currency.</summary>
    public static ExchangeRateTable Rates { get; } = new(new Dictionary<string, decimal> { ["EUR"] = 1.0825m, ["JPY"] = 0.0067m });

    public static decimal RateOf(string currency) => Rates.TryGetRate(currency, out var rate) ? rate : 1m;

    /// <summary>Options that can read every generated stream: the generated currencies' rates, and the given week start.</summary>
    public static LtvOptions Options(WeekStart weekStart = WeekStart.Sunday) => new() { ExchangeRates = Rates, WeekStart = weekStart };

    /// <summary>2019-12-20: streams span this and the next ~405 days, so 2020-01-01 and 2021-01-01 fall inside.</summary>
    private static readonly long BaseTicks = new DateTime(2019, 12, 20, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>
    /// A stream in input order. With <paramref name="distinctTimes"/> no two different events share an
    /// event time (only exact duplicates do); otherwise times come from 46 instants, so ties are common.
    /// </summary>
    /// <remarks>
    /// With <paramref name="currencies"/> false no random draw is made for the currency, so seeds found
    /// without currencies (the fuzz regressions) still replay.
    /// </remarks>
    public static Gen<GeneratedEvent[]> Stream(bool distinctTimes, int maxEvents = 60, bool currencies = false) =>
        from customerCount in Gen.Int[1, CustomerIds.Length]
        from blueprints in Blueprint(customerCount, distinctTimes, currencies).Array[1, maxEvents]
        from duplicates in Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Array[0, 12]
        select Build(blueprints, duplicates, distinctTimes);

    private static Gen<GeneratedEvent> Blueprint(int customerCount, bool distinctTimes, bool currencies) =>
        from kind in Gen.Frequency((3, Gen.Const(GeneratedKind.Order)), (3, Gen.Const(GeneratedKind.Visit)), (1, Gen.Const(GeneratedKind.Image)), (2, Gen.Const(GeneratedKind.Customer)))
        from keyIndex in Gen.Int[0, 7]
        from customer in Gen.Int[0, customerCount - 1]
        from time in distinctTimes ? Gen.Long[0, 405L * TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond] : Gen.Long[0, 45].Select(u => u * 9 * TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond)
        from offset in Gen.Int[0, Offsets.Length - 1]
        from cents in Gen.Frequency((4, Gen.Long[0, 100_000]), (1, Gen.Long[0, 99_999_999_999]))
        from style in Gen.Int[0, 3]
        from update in Gen.Bool
        from name in Gen.Int[0, LastNames.Length - 1]
        from currency in currencies ? Gen.Int[0, Currencies.Length - 1] : Gen.Const(0)
        select new GeneratedEvent(
            kind,
            kind switch
            {
                GeneratedKind.Customer => CustomerIds[customer],
                GeneratedKind.Visit => "v" + keyIndex,
                GeneratedKind.Image => "i" + keyIndex,
                _ => "o" + keyIndex,
            },
            CustomerIds[customer],
            BaseTicks + (time * TimeSpan.TicksPerMillisecond),
            Offsets[offset],
            cents,
            style,
            kind == GeneratedKind.Visit ? "NEW" : kind == GeneratedKind.Image ? "UPLOAD" : update ? "UPDATE" : "NEW",
            LastNames[name],
            name == 0 ? "Middletown" : "Springfield",
            name == 2 ? "NY" : "AK",
            Currencies[currency]);

    private static GeneratedEvent[] Build(GeneratedEvent[] blueprints, (int Which, int Where)[] duplicates, bool distinctTimes)
    {
        var events = new List<GeneratedEvent>(blueprints.Length + duplicates.Length);
        var used = new HashSet<long>();
        foreach (var blueprint in blueprints)
        {
            var e = blueprint;
            if (distinctTimes)
            {
                while (!used.Add(e.Ticks))
                {
                    e = e with { Ticks = e.Ticks + TimeSpan.TicksPerMillisecond };
                }
            }

            events.Add(e);
        }

        // Exact duplicate deliveries, anywhere in the stream (a copy may even come before the original).
        foreach (var (which, where) in duplicates)
        {
            events.Insert(where % (events.Count + 1), events[which % events.Count]);
        }

        return events.ToArray();
    }

    public static string Ndjson(IEnumerable<GeneratedEvent> events) => string.Concat(events.Select(e => e.Json + "\n"));

    public static string JsonArray(IEnumerable<GeneratedEvent> events) => "[\n" + string.Join(",\n", events.Select(e => e.Json)) + "\n]\n";
}
