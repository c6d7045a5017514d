using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>The engine's hash table: walking it, and the estimate a merge sizes its customer tables from.</summary>
public class CompactKeyMapTests
{
    [Fact]
    public void Entries_and_values_walk_every_key_once_hex_and_text_keys_alike()
    {
        var map = new CompactKeyMap<int>();
        var expected = new Dictionary<string, int>();
        for (var i = 0; i < 5000; i++)
        {
            var key = i % 10 == 0 ? "cust-" + i : i.ToString("x12");
            map.GetOrAdd(CompactKey.FromString(key), out _) = i;
            expected[key] = i;
        }

        var seen = new Dictionary<string, int>();
        foreach (var pair in map.Entries())
        {
            seen.Add(pair.Key.ToString(), pair.Value);
        }

        var values = new List<int>();
        foreach (var value in map.Values())
        {
            values.Add(value);
        }

        Assert.Equal(expected.OrderBy(p => p.Key), seen.OrderBy(p => p.Key));
        Assert.Equal(seen.Values, values);
        Assert.Contains(seen.Keys, k => k.StartsWith("cust-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_count_of_keys_another_map_lacks_is_exact_for_small_maps()
    {
        var a = MapOf(Enumerable.Range(0, 100));
        var b = MapOf(Enumerable.Range(50, 100));
        b.GetOrAdd(CompactKey.FromString("text-a"), out _);
        b.GetOrAdd(CompactKey.FromString("text-b"), out _);
        a.GetOrAdd(CompactKey.FromString("text-a"), out _);

        Assert.Equal(50 + 1, b.EstimatedCountNotIn(a));
        Assert.Equal(50, a.EstimatedCountNotIn(b));
        Assert.Equal(0, a.EstimatedCountNotIn(a));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30_000)]
    [InlineData(200_000)]
    public void The_estimate_for_large_maps_is_never_below_the_true_count_and_close_above_it(int shared)
    {
        // b holds 200,000 keys, `shared` of them also in a: a merge of b into a adds the rest.
        var a = MapOf(Enumerable.Range(0, 200_000));
        var b = MapOf(Enumerable.Range(200_000 - shared, 200_000));
        var missing = 200_000 - shared;

        var estimate = b.EstimatedCountNotIn(a);

        Assert.InRange(estimate, missing, missing + 200_000 * 0.03);
    }

    [Fact]
    public void A_presize_smaller_than_the_table_leaves_its_growth_to_the_keys_that_really_come()
    {
        // A file added to a big loaded dataset: its estimate must not double tables its events mostly revisit.
        var held = MapOf(Enumerable.Range(0, 10_000));
        var before = held.Capacity;

        held.Presize(9_999);
        Assert.Equal(before, held.Capacity);

        held.Presize(10_000);
        Assert.True(held.Capacity * 0.7 >= 20_000, $"capacity {held.Capacity} cannot hold 20,000 keys without growing");

        var empty = new CompactKeyMap<int>();
        empty.Presize(100_000);
        Assert.True(empty.Capacity * 0.7 >= 100_000);
    }

    [Fact]
    public void Table_slots_take_no_padding_beyond_four_byte_alignment()
    {
        // The tables are most of a dataset's memory, and every byte of them is touched.
        Assert.Equal(20, CompactKeyMap<VisitRecord>.EntryBytes);
        Assert.Equal(12, CompactKeyMap<int>.EntryBytes);
        Assert.Equal(12, CompactKeyMap<bool>.EntryBytes);
        Assert.Equal(44, CompactKeyMap<OrderRecord>.EntryBytes);
        Assert.Equal(56, CompactKeyMap<CustomerOrders>.EntryBytes);
    }

    private static CompactKeyMap<int> MapOf(IEnumerable<int> numbers)
    {
        var map = new CompactKeyMap<int>();
        foreach (var n in numbers)
        {
            // Keys spread like real ones: consecutive numbers would fill neighbouring slots.
            map.GetOrAdd(CompactKey.FromString(((ulong)n * 0x9E3779B97F4A7C15UL % 0xFFFFFFFFFFFFUL).ToString("x12")), out _) = n;
        }

        return map;
    }
}
