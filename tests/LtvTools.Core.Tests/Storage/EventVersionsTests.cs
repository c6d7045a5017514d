using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// One key's versions: a repeat of any held version, whichever way it is spelled, changes nothing but the
/// spelling kept, however many versions the key has (inline, in the overflow array, or found by index).
/// </summary>
public class EventVersionsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(25)]
    public void A_repeat_of_any_version_keeps_the_spelling_the_tie_order_prefers_in_its_own_place(int count)
    {
        for (var repeated = 0; repeated < count; repeated++)
        {
            var versions = new EventVersions<OrderPayload>(Version(0, "0.1"), TieOrder);
            for (var i = 1; i < count; i++)
            {
                Assert.True(versions.Add(Version(i, i + ".1")));
            }

            Assert.False(versions.Add(Version(repeated, repeated + ".10")), "a repeat is not a new version");
            Assert.False(versions.Add(Version(repeated, repeated + ".1")), "nor is the less preferred spelling");

            var all = versions.All().ToList();
            Assert.Equal(count, versions.Count);
            Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), all.Select(v => v.Ticks));
            for (var i = 0; i < count; i++)
            {
                var expected = i == repeated ? i + ".10" : i + ".1";
                Assert.Equal(expected, all[i].Payload.AmountUsd.ToString(CultureInfo.InvariantCulture));
            }

            Assert.Equal(count - 1, versions.Winner.Ticks);
            Assert.Equal(all[count - 1].Payload.AmountUsd.ToString(CultureInfo.InvariantCulture), versions.Winner.Payload.AmountUsd.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(0, versions.EarliestTicks);

            var copy = versions.Copy(TieOrder);
            Assert.True(versions.Add(Version(1000, "5")));
            Assert.Equal(count, copy.Count);
            Assert.Equal(all, copy.All());
        }
    }

    // The order side's own tie order: amount, then the spelling with more decimals, then the customer.
    private static readonly OrderTieOrder TieOrder = new OrderTieOrder(new CustomerNames());

    private static readonly ulong Customer = CompactKey.FromString("c1").Packed;

    private static EventVersion<OrderPayload> Version(long ticks, string amount) =>
        new EventVersion<OrderPayload>(ticks, new OrderPayload(decimal.Parse(amount, CultureInfo.InvariantCulture), Customer));
}
