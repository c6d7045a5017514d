using CsCheck;
using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// Issue 15: datasets that are saved and loaded, added to later, or built in parts and merged give exactly
/// the one-pass result, ties included (the tie rule looks only at the events' content).
/// </summary>
public class DatasetPropertyTests
{
    private const int Iterations = 150;

    private static LtvDataset Ingest(TestFiles files, string name, IEnumerable<GeneratedEvent> events, LtvDataset? into = null)
    {
        var dataset = into ?? new LtvDataset();
        new FileIngestor(EventStreams.Options()).IngestFile(files.Write(name, EventStreams.Ndjson(events)), dataset);
        return dataset;
    }

    private static LtvDataset SaveAndLoad(TestFiles files, LtvDataset dataset, string name)
    {
        var path = Path.Combine(files.Directory, name);
        LtvDatasetFile.Save(dataset, path);
        return LtvDatasetFile.Load(path);
    }

    [Fact]
    public void SaveAndLoadGivesTheOriginalRankingWeeklyRowsCountersAndProfiles()
    {
        EventStreams.Stream(distinctTimes: false, maxEvents: 120, currencies: true).Sample(stream =>
        {
            using var files = new TestFiles();
            var original = Ingest(files, "all.jsonl", stream);
            var loaded = SaveAndLoad(files, original, "all.ltvd");

            Results.AssertEqual(Results.Of(original), Results.Of(loaded));
            Results.AssertEqual(ReferenceModel.Run(stream), Results.Of(loaded));
            Assert.Equal(original.ExchangeRates.OrderBy(r => r.Key), loaded.ExchangeRates.OrderBy(r => r.Key));
            Assert.Equal(
                (original.DistinctVisits, original.DistinctImages, original.DistinctOrders),
                (loaded.DistinctVisits, loaded.DistinctImages, loaded.DistinctOrders));

            // The bytes travel the same way (as in remoting), and a loaded dataset saves to the same content.
            Results.AssertEqual(Results.Of(original), Results.Of(LtvDatasetFile.FromBytes(LtvDatasetFile.ToBytes(loaded), "bytes")));
            Assert.Equal(LtvDatasetFile.ToBytes(loaded).Length, LtvDatasetFile.ToBytes(original).Length);
        }, iter: Iterations);
    }

    /// <summary>
    /// Day 1 read and saved, then loaded and given day 2, equals one pass over both: day-2 duplicates of day-1
    /// events are ignored and counted, a day-2 ORDER UPDATE replaces a day-1 amount, the window grows.
    /// </summary>
    [Fact]
    public void SplitAtAnyPointSavedLoadedAndContinuedEqualsOnePass()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, maxEvents: 120, currencies: true)
                  from cut in Gen.Int[0, stream.Length]
                  from saves in Gen.Int[1, 2]
                  select (stream, cut, saves);
        gen.Sample((stream, cut, saves) =>
        {
            using var files = new TestFiles();
            var onePass = Ingest(files, "all.jsonl", stream);

            var dataset = Ingest(files, "day1.jsonl", stream[..cut]);
            dataset = SaveAndLoad(files, dataset, "history.ltvd");
            Ingest(files, "day2.jsonl", stream[cut..], dataset);
            for (var i = 1; i < saves; i++)
            {
                dataset = SaveAndLoad(files, dataset, "history.ltvd");
            }

            Results.AssertEqual(Results.Of(onePass), Results.Of(dataset));
            Results.AssertEqual(ReferenceModel.Run(stream), Results.Of(dataset));
        }, iter: Iterations);
    }

    /// <summary>
    /// Events dealt at random to parts (not consecutive chunks: any event to any part, as on several machines),
    /// some parts saved and loaded, the parts merged in a random tree and a random order: the one-pass result.
    /// </summary>
    [Fact]
    public void RandomPartitionMergedInRandomGroupingEqualsOnePass()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, maxEvents: 120, currencies: true)
                  from parts in Gen.Int[1, 5]
                  from owners in Gen.Int[0, 4].Array[stream.Length]
                  from roundTrips in Gen.Bool.Array[5]
                  from picks in Gen.Int[0, int.MaxValue].Array[8]
                  select (stream, parts, owners, roundTrips, picks);
        gen.Sample((stream, parts, owners, roundTrips, picks) =>
        {
            using var files = new TestFiles();
            var pending = new List<LtvDataset>();
            for (var p = 0; p < parts; p++)
            {
                var mine = stream.Where((_, i) => owners[i] % parts == p);
                var part = Ingest(files, $"part{p}.jsonl", mine);
                pending.Add(roundTrips[p] ? SaveAndLoad(files, part, $"part{p}.ltvd") : part);
            }

            // Merge two datasets picked at random until one is left: every grouping and order can happen.
            var step = 0;
            while (pending.Count > 1)
            {
                var a = pending[picks[step % picks.Length] % pending.Count];
                pending.Remove(a);
                var b = pending[picks[(step + 3) % picks.Length] % pending.Count];
                pending.Remove(b);
                // Into b, into a copy of b made with room for a (as the result cmdlets do), or as a new dataset
                // neither changes (as Merge-LtvDataset does).
                switch (picks[(step + 5) % picks.Length] % 3)
                {
                    case 0:
                        b.Merge(a);
                        pending.Add(b);
                        break;
                    case 1:
                        var copy = b.Copy(a);
                        copy.Merge(a);
                        pending.Add(copy);
                        break;
                    default:
                        pending.Add(b.MergedWith(a));
                        break;
                }

                step++;
            }

            Results.AssertEqual(ReferenceModel.Run(stream), Results.Of(pending[0]));
        }, iter: Iterations);
    }

    /// <summary>A copy (what Merge-LtvDataset starts from) equals the original, and adding to it leaves the original as it was.</summary>
    [Fact]
    public void ACopyEqualsTheOriginalAndAddingToItLeavesTheOriginal()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, maxEvents: 120, currencies: true)
                  from cut in Gen.Int[0, stream.Length]
                  select (stream, cut);
        gen.Sample((stream, cut) =>
        {
            using var files = new TestFiles();
            var original = Ingest(files, "head.jsonl", stream[..cut]);
            var copy = original.Copy();
            Results.AssertEqual(Results.Of(original), Results.Of(copy));

            Ingest(files, "tail.jsonl", stream[cut..], copy);
            copy.Merge(Ingest(files, "again.jsonl", stream[..cut]));
            Results.AssertEqual(ReferenceModel.Run(stream[..cut]), Results.Of(original));
            var all = ReferenceModel.Run(stream);
            Results.AssertSameFigures(all, Results.Of(copy));
        }, iter: Iterations);
    }

    [Fact]
    public void MergingDatasetsConvertedAtDifferentRatesForOneCurrencyIsRefused()
    {
        using var files = new TestFiles();
        var order = "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2020-01-01T00:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"10.00 EUR\"}";
        var path = files.Write("eu.jsonl", order + "\n");
        LtvDataset Read(decimal rate)
        {
            var dataset = new LtvDataset();
            new FileIngestor(new LtvOptions { ExchangeRates = new ExchangeRateTable(new Dictionary<string, decimal> { ["EUR"] = rate }) }).IngestFile(path, dataset);
            return dataset;
        }

        var east = Read(1.08m);
        var before = Results.Of(east);
        var error = Assert.Throws<InvalidOperationException>(() => east.Merge(Read(1.10m)));
        Assert.Contains("EUR", error.Message);
        Assert.Contains("1.08", error.Message);
        Assert.Contains("1.10", error.Message);
        Results.AssertEqual(before, Results.Of(east));

        // The same rate (written differently) merges, and so does a dataset with no EUR amounts.
        east.Merge(Read(1.080m));
        east.Merge(new LtvDataset());
        Assert.Equal(1.08m, east.ExchangeRates["EUR"]);

        // Adding a file with another rate is refused the same way, before anything is read.
        var more = new FileIngestor(new LtvOptions { ExchangeRates = new ExchangeRateTable(new Dictionary<string, decimal> { ["eur"] = 1.2m }) });
        Assert.Throws<InvalidOperationException>(() => more.IngestFile(path, east));
        Assert.Equal(1, Results.Of(east).EventsAccepted - before.EventsAccepted);
    }
}
