using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Piped events are aggregated on a thread of their own (BackgroundDatasetWriter): the dataset must end up
/// exactly as if each event had been added in order on the caller's thread, ties and duplicates included.
/// </summary>
public class BackgroundWriterTests
{
    /// <summary>Events with ties, updates and duplicates, repeated past several batches.</summary>
    private static List<LtvEvent> ManyEvents()
    {
        using var files = new TestFiles();
        var lines = Enumerable.Range(0, 3000).SelectMany(_ => SampleEvents.WithTies()).ToArray();
        return Results.ReadEvents(files.Write("many.jsonl", Json.Lines(lines))).Events;
    }

    private static LtvDataset AddedInOrder(IEnumerable<LtvEvent> events)
    {
        var dataset = new LtvDataset();
        foreach (var e in events)
        {
            dataset.Add(e);
        }

        return dataset;
    }

    [Fact]
    public void WriterGivesTheResultOfAddingEachEventInOrder()
    {
        var events = ManyEvents();
        Assert.True(events.Count > 3 * EventBatch.Capacity, "the test must cross several batches");
        var expected = AddedInOrder(events);

        var dataset = new LtvDataset();
        using (var writer = new BackgroundDatasetWriter(dataset))
        {
            foreach (var e in events)
            {
                writer.Add(e);
            }

            writer.Flush();
            Assert.Equal(expected.DuplicatesIgnored, writer.DuplicatesIgnored);
        }

        Assert.Equal(Results.Describe(expected), Results.Describe(dataset));
    }

    [Fact]
    public void FlushMakesEverythingAddedSoFarVisibleAndWritingCanGoOn()
    {
        var events = ManyEvents();
        var half = events.Count / 2;
        var dataset = new LtvDataset();
        using var writer = new BackgroundDatasetWriter(dataset);

        foreach (var e in events.Take(half))
        {
            writer.Add(e);
        }

        writer.Flush();
        Assert.Equal(Results.Describe(AddedInOrder(events.Take(half))), Results.Describe(dataset));

        foreach (var e in events.Skip(half))
        {
            writer.Add(e);
        }

        writer.Flush();
        Assert.Equal(Results.Describe(AddedInOrder(events)), Results.Describe(dataset));
    }

    [Fact]
    public void AFewEventsAreAppliedOnFlushWithoutABackgroundThread()
    {
        var events = ManyEvents().Take(10).ToList();
        var dataset = new LtvDataset();
        using var writer = new BackgroundDatasetWriter(dataset);
        foreach (var e in events)
        {
            writer.Add(e);
        }

        Assert.Equal(0, dataset.EventsAccepted);
        writer.Flush();

        Assert.Equal(Results.Describe(AddedInOrder(events)), Results.Describe(dataset));
    }

    [Fact]
    public void AnEventTheDatasetCannotCountIsRefusedAtOnce()
    {
        var order = new LtvEvent(EventType.Order, "NEW", "o1", Results.Utc("2020-01-01T10:00:00Z")) { CustomerId = "c1", TotalAmount = 10m, Currency = "EUR" };
        var visit = new LtvEvent(EventType.SiteVisit, "NEW", "v1", Results.Utc("2020-01-01T10:00:00Z"));
        var dataset = new LtvDataset();
        using var writer = new BackgroundDatasetWriter(dataset);

        Assert.StartsWith("ORDER o1 has no USD amount", Assert.Throws<ArgumentException>(() => writer.Add(order)).Message);
        Assert.Equal("SITE_VISIT v1 has no CustomerId.", LtvDataset.Check(visit));
        Assert.Throws<ArgumentException>(() => writer.Add(visit));
        writer.Flush();
        Assert.Equal(0, dataset.EventsAccepted);
    }

    [Fact]
    public void ChangingCustomerIdOnAnEventMovesItToThatCustomer()
    {
        using var files = new TestFiles();
        var path = files.Write("one.jsonl", Json.Lines(Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD")));
        var e = Results.ReadEvents(path).Events.Single();

        e.CustomerId = "c2";
        var dataset = AddedInOrder(new[] { e });

        Assert.Equal("c2", SimpleLtv.TopSimpleLtvCustomers(5, dataset).Single().CustomerId);
        Assert.Equal("o1", e.Key);
    }
}
