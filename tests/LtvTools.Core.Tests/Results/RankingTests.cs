using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>TopSimpleLtvCustomers: Ltv descending, then CustomerId ordinal, numbered 1..x, from a bounded heap.</summary>
public class RankingTests
{
    [Fact]
    public void TopXLargerThanTheNumberOfCustomersReturnsEveryCustomer()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "aaa", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o2", "bbb", "2020-01-01T10:00:00Z", "30 USD"),
            Json.Order("o3", "ccc", "2020-01-01T10:00:00Z", "20 USD"));

        var top = run.Top(1000);

        Assert.Equal(new[] { "bbb", "ccc", "aaa" }, top.Select(c => c.CustomerId));
        Assert.Equal(new[] { 1, 2, 3 }, top.Select(c => c.Rank));
        Assert.Equal(new[] { 15600m, 10400m, 5200m }, top.Select(c => c.Ltv));
    }

    [Fact]
    public void TopXReturnsOnlyTheBestX()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "aaa", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o2", "bbb", "2020-01-01T10:00:00Z", "30 USD"),
            Json.Order("o3", "ccc", "2020-01-01T10:00:00Z", "20 USD"));

        Assert.Equal(new[] { ("bbb", 1), ("ccc", 2) }, run.Top(2).Select(c => (c.CustomerId, c.Rank)));
        Assert.Equal(("bbb", 1), (Assert.Single(run.Top(1)).CustomerId, run.Top(1)[0].Rank));
    }

    [Fact]
    public void TiesAreOrderedByCustomerIdOrdinal()
    {
        // Ordinal: upper case before lower case, and a prefix before its extensions, whatever the input order.
        var run = IngestRun.OfLines(
            Json.Order("o1", "b", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o2", "abc", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o3", "ab", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o4", "Zed", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o5", "0f", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o6", "top", "2020-01-01T10:00:00Z", "99 USD"));

        var top = run.Top(10);

        Assert.Equal(new[] { "top", "0f", "Zed", "ab", "abc", "b" }, top.Select(c => c.CustomerId));
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, top.Select(c => c.Rank));
    }

    [Fact]
    public void TiesCutAtXKeepTheLowestIds()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "ccc", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o2", "aaa", "2020-01-01T10:00:00Z", "10 USD"),
            Json.Order("o3", "bbb", "2020-01-01T10:00:00Z", "10 USD"));

        Assert.Equal(new[] { "aaa", "bbb" }, run.Top(2).Select(c => c.CustomerId));
    }

    [Fact]
    public void CustomersWithLtvZeroTakePart()
    {
        var run = IngestRun.OfLines(
            Json.Customer("c0", "2020-01-01T09:00:00Z", "Nobody"),
            Json.Visit("v1", "c1", "2020-01-01T10:00:00Z"),
            Json.Image("i1", "c2", "2020-01-01T10:00:00Z"),
            Json.Order("o1", "c3", "2020-01-01T10:00:00Z", "1 USD"));

        var top = run.Top(10);

        Assert.Equal(new[] { "c3", "c0", "c1", "c2" }, top.Select(c => c.CustomerId));
        Assert.Equal(new[] { 520m, 0m, 0m, 0m }, top.Select(c => c.Ltv));
        Assert.Equal("Nobody", top[1].LastName);
    }

    [Fact]
    public void VisitorsWhoNeverOrderedWinZeroTiesByIdWhenTheListIsCut()
    {
        // The ranker skips visit-only customers once the list is full of better LTVs; here it must not.
        var run = IngestRun.OfLines(
            Json.Customer("c9", "2020-01-01T09:00:00Z", "Profile-Only"),
            Json.Order("o1", "c5", "2020-01-01T10:00:00Z", "1 USD"),
            Json.Visit("v1", "a1", "2020-01-01T10:00:00Z"),
            Json.Image("i1", "b2", "2020-01-01T10:00:00Z"));

        Assert.Equal(new[] { "c5", "a1" }, run.Top(2).Select(c => c.CustomerId));
        Assert.Equal(new[] { "c5", "a1", "b2" }, run.Top(3).Select(c => c.CustomerId));
        Assert.Equal(new[] { "c5" }, run.Top(1).Select(c => c.CustomerId));
    }

    [Fact]
    public void EmptyInputGivesNoRowsAndNoException()
    {
        var empty = new LtvDataset();

        Assert.Empty(SimpleLtv.TopSimpleLtvCustomers(10, empty));
        Assert.Empty(SimpleLtv.WeeklyMetrics(empty));
        Assert.Empty(SimpleLtv.WeeklyMetrics(empty, includeEmptyWeeks: true));
        Assert.Equal(0, WeekWindow.Of(empty, WeekStart.Monday).TotalWeeks);
    }

    [Fact]
    public void AskingForFewerThanOneCustomerIsAnError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimpleLtv.TopSimpleLtvCustomers(0, new LtvDataset()));
    }

    [Theory]
    [InlineData("Seed1", 1)]
    [InlineData("Seed2", 2)]
    [InlineData("Seed3", 3)]
    [InlineData("Seed42", 42)]
    public void ShuffledInputGivesTheSameTopList(string name, int seed)
    {
        Assert.NotEmpty(name);
        var events = SampleEvents.Messy();
        var shuffled = events.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(shuffled);
        Assert.NotEqual(events, shuffled);

        var original = IngestRun.OfLines(events);
        var permuted = IngestRun.OfLines(shuffled);

        Assert.Equal(Results.Describe(original.Dataset), Results.Describe(permuted.Dataset));
        Assert.Equal(
            original.Top(3).Select(c => (c.Rank, c.CustomerId, c.Ltv)),
            permuted.Top(3).Select(c => (c.Rank, c.CustomerId, c.Ltv)));
    }

    [Theory]
    [InlineData("TopOne", 1)]
    [InlineData("TopTen", 10)]
    [InlineData("TopHundred", 100)]
    [InlineData("TopAllButOne", 4999)]
    [InlineData("TopMoreThanAll", 6000)]
    public void BoundedHeapRankerAgreesWithAFullSort(string name, int x)
    {
        Assert.NotEmpty(name);
        var random = new Random(7);
        var candidates = Enumerable.Range(0, 5000)
            .Select(i => (Ltv: (decimal)random.Next(0, 50), Customer: CompactKey.FromString(i % 3 == 0 ? "C" + i : i.ToString("x"))))
            .ToList();
        var ranker = new TopCustomerRanker(x, candidates.Count);
        foreach (var (ltv, customer) in candidates)
        {
            ranker.Offer(ltv, customer);
        }

        var expected = candidates
            .OrderByDescending(c => c.Ltv)
            .ThenBy(c => c.Customer.ToString(), StringComparer.Ordinal)
            .Take(x)
            .Select(c => (c.Ltv, c.Customer.ToString()));

        Assert.Equal(expected, ranker.Ranked().Select(r => (r.Ltv, r.Customer.ToString())));
    }

    [Fact]
    public void RankerKeepsOnlyXCandidates()
    {
        var ranker = new TopCustomerRanker(3, 1_000_000);
        for (var i = 0; i < 1000; i++)
        {
            ranker.Offer(i, CompactKey.FromString(i.ToString("x")));
        }

        Assert.Equal(new decimal[] { 999, 998, 997 }, ranker.Ranked().Select(r => r.Ltv));
    }

    [Fact]
    public void CompactKeysCompareLikeTheirText()
    {
        var ids = new[] { "ab", "abc", "b", "0f", "f0", "Zed", "96f55c7d8f42", "96f55c7d8f4", "0000000000000000", "ffffffffffffff", "é" };
        foreach (var a in ids)
        {
            foreach (var b in ids)
            {
                Assert.Equal(Math.Sign(string.CompareOrdinal(a, b)), Math.Sign(CompactKey.CompareOrdinal(CompactKey.FromString(a), CompactKey.FromString(b))));
                Assert.Equal(a == b, CompactKey.FromString(a).Equals(CompactKey.FromString(b)));
            }

            Assert.Equal(a, CompactKey.FromString(a).ToString());
        }

        Assert.True(CompactKey.FromString("96f55c7d8f42").IsPacked);
        Assert.False(CompactKey.FromString("96F55C7D8F42").IsPacked);
        Assert.False(CompactKey.FromString("96f55c7d8f42").Equals(CompactKey.FromString("96F55C7D8F42")));
    }
}
