using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Merges of datasets large enough that their customer tables are sized from a sample of the customers they
/// share, and whose orders have versions on both sides: the merge still equals one pass over all events.
/// </summary>
public class LargeMergeTests
{
    [Fact]
    public void Partial_datasets_sharing_half_their_customers_merge_to_the_one_pass_dataset()
    {
        var random = new Random(20261202);
        var all = new List<string>();
        var a = new LtvDataset();
        var b = new LtvDataset();
        for (var i = 0; i < 20_000; i++)
        {
            // Customers below 5,000 only in a, from 15,000 only in b, the others on both sides at random;
            // one in twenty has a key that is not hex.
            var id = i % 20 == 7 ? "cust-" + i : Hex(i, 1);
            var events = new List<string>
            {
                Json.Customer(id, Time(random), "Name" + (i % 97)),
                Json.Visit(Hex(i, 2), id, Time(random)),
                Json.Order(Hex(i, 3), id, Time(random), Amount(random)),
            };

            if (i % 3 == 0)
            {
                // An update of the order (sometimes to another customer) and a profile change.
                var to = i % 9 == 0 ? Hex((i + 1) % 20_000, 1) : id;
                events.Add(Json.Order(Hex(i, 3), to, Time(random), Amount(random), verb: "UPDATE"));
                events.Add(Json.Customer(id, Time(random), "Renamed" + (i % 89), verb: "UPDATE"));
            }

            if (i % 5 == 0)
            {
                // A repeat that lands on either side.
                events.Add(events[1]);
            }

            foreach (var line in events)
            {
                all.Add(line);
                var target = i < 5_000 ? a : i >= 15_000 ? b : random.Next(2) == 0 ? a : b;
                Ingest(line, target);
            }
        }

        var onePass = new LtvDataset();
        foreach (var line in all)
        {
            Ingest(line, onePass);
        }

        var expected = Results.Describe(onePass);
        var into = a.Copy();
        into.Merge(b);
        Assert.Equal(expected, Results.Describe(a.MergedWith(b)));
        Assert.Equal(expected, Results.Describe(b.MergedWith(a)));
        Assert.Equal(expected, Results.Describe(into));
    }

    [Fact]
    public void Partial_datasets_with_no_customer_in_common_merge_to_the_one_pass_dataset()
    {
        // Datasets kept by region: the estimate sees that b's customers are all new, and the table has room.
        var random = new Random(7);
        var a = new LtvDataset();
        var b = new LtvDataset();
        var onePass = new LtvDataset();
        for (var i = 0; i < 30_000; i++)
        {
            foreach (var line in new[] { Json.Visit(Hex(i, 2), Hex(i, 1), Time(random)), Json.Order(Hex(i, 3), Hex(i, 1), Time(random), Amount(random)) })
            {
                Ingest(line, i % 2 == 0 ? a : b);
                Ingest(line, onePass);
            }
        }

        Assert.Equal(Results.Describe(onePass), Results.Describe(a.MergedWith(b)));
    }

    private static void Ingest(string line, LtvDataset dataset)
    {
        Assert.True(EventRecord.TryParse(line, null, out var e, out var reason), reason);
        SimpleLtv.Ingest(e!, dataset);
    }

    private static string Hex(int number, int kind) => (((ulong)number * 0x9E3779B97F4A7C15UL + (ulong)kind * 0x1000000000UL) % 0xFFFFFFFFFFFFUL).ToString("x12");

    private static string Time(Random random) => new DateTime(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(365 * 86400)).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private static string Amount(Random random) => (random.Next(1, 100_000) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " USD";
}
