using System.IO.Compression;
using System.Text;
using CsCheck;
using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>Issue 5 §1–§6: invariants of the engine over generated event streams, read from real files.</summary>
public class PropertyTests
{
    private const int Iterations = 150;

    private static Results ReadFiles(params string[] paths) => Results.Of(Read(paths: paths).Dataset);

    /// <summary>Reads files with the generated currencies' rates.</summary>
    private static IngestRun Read(int parallelism = 1, params string[] paths) => IngestRun.Of(EventStreams.Options(), parallelism, paths);

    [Fact]
    public void AnyPermutationOfDistinctTimesGivesTheSameResults()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: true, currencies: true)
                  from shuffled in Gen.Shuffle((GeneratedEvent[])stream.Clone())
                  select (stream, shuffled);
        gen.Sample((stream, shuffled) =>
        {
            using var files = new TestFiles();
            var original = ReadFiles(files.Write("original.jsonl", EventStreams.Ndjson(stream)));
            var permuted = ReadFiles(files.Write("permuted.jsonl", EventStreams.Ndjson(shuffled)));
            Results.AssertEqual(original, permuted);
        }, iter: Iterations);
    }

    [Fact]
    public void AppendingAnySubsetAgainChangesNoFigure()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, currencies: true)
                  from again in Gen.Bool.Array[stream.Length]
                  from order in Gen.Shuffle(Enumerable.Range(0, stream.Length).ToArray())
                  select (stream, repeats: order.Where(i => again[i]).Select(i => stream[i]).ToArray());
        gen.Sample((stream, repeats) =>
        {
            using var files = new TestFiles();
            var once = ReadFiles(files.Write("once.jsonl", EventStreams.Ndjson(stream)));
            var twice = ReadFiles(files.Write("twice.jsonl", EventStreams.Ndjson(stream.Concat(repeats))));

            // Nothing a user sees changes; the counters say exactly how many repeats came and were ignored.
            Results.AssertSameFigures(once, twice);
            Assert.Equal(once.EventsAccepted + repeats.Length, twice.EventsAccepted);
            Assert.Equal(once.DuplicatesIgnored + repeats.Length, twice.DuplicatesIgnored);
        }, iter: Iterations);
    }

    [Fact]
    public void MergingConsecutiveChunksInAnyOrderEqualsOnePassIncludingTies()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, currencies: true)
                  from cuts in Gen.Int[0, stream.Length].Array[0, 6]
                  from mergeOrder in Gen.Shuffle(Enumerable.Range(0, cuts.Length + 1).ToArray())
                  select (stream, cuts, mergeOrder);
        gen.Sample((stream, cuts, mergeOrder) =>
        {
            using var files = new TestFiles();
            var onePass = ReadFiles(files.Write("all.jsonl", EventStreams.Ndjson(stream)));

            var bounds = cuts.Append(0).Append(stream.Length).Distinct().Order().ToArray();
            var chunks = new List<LtvDataset>();
            for (var i = 0; i + 1 < bounds.Length; i++)
            {
                // Each chunk's positions start past every earlier chunk's, as one pass would number them.
                var chunk = new LtvDataset();
                new FileIngestor(EventStreams.Options()).IngestFile(files.Write($"chunk{i}.jsonl", EventStreams.Ndjson(stream[bounds[i]..bounds[i + 1]])), chunk);
                chunks.Add(chunk);
            }

            var merged = new LtvDataset();
            foreach (var index in mergeOrder.Where(i => i < chunks.Count))
            {
                merged.Merge(chunks[index]);
            }

            Results.AssertEqual(onePass, Results.Of(merged));
        }, iter: Iterations);
    }

    [Fact]
    public void PipelineChunksMergedEqualOnePassIncludingTies()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, currencies: true)
                  from cut in Gen.Int[0, stream.Length]
                  select (stream, cut);
        gen.Sample((stream, cut) =>
        {
            var events = stream.Select(Parse).ToList();
            var onePass = new LtvDataset();
            events.ForEach(e => SimpleLtv.Ingest(e, onePass));

            var head = new LtvDataset();
            var tail = new LtvDataset();
            events.Take(cut).ToList().ForEach(e => SimpleLtv.Ingest(e, head));
            events.Skip(cut).ToList().ForEach(e => SimpleLtv.Ingest(e, tail));
            tail.Merge(head);

            Results.AssertEqual(Results.Of(onePass), Results.Of(tail));
            Results.AssertEqual(ReferenceModel.Run(stream), Results.Of(onePass));
        }, iter: Iterations);
    }

    [Fact]
    public void ParallelChunkedReadingEqualsOnePass()
    {
        EventStreams.Stream(distinctTimes: false, currencies: true).Sample(stream =>
        {
            using var files = new TestFiles();
            var path = files.Write("all.jsonl", EventStreams.Ndjson(stream));
            Results.AssertEqual(ReadFiles(path), Results.Of(Read(parallelism: 3, paths: path).Dataset));
        }, iter: 60);
    }

    [Fact]
    public void NdjsonArrayBomCrlfAndGzipGiveTheSameResults()
    {
        EventStreams.Stream(distinctTimes: false, currencies: true).Sample(stream =>
        {
            using var files = new TestFiles();
            var lines = EventStreams.Ndjson(stream);
            var array = EventStreams.JsonArray(stream);
            var expected = ReadFiles(files.Write("plain.jsonl", lines));
            var variants = new[]
            {
                files.Write("array.json", array),
                files.Write("bom.jsonl", lines, bom: true),
                files.Write("bom-array.json", array, bom: true),
                files.Write("crlf.jsonl", lines.Replace("\n", "\r\n")),
                files.WriteGzip("plain.jsonl.gz", lines),
                files.WriteGzip("array.json.gz", array),
                WriteGzipWithBom(files, "bom.jsonl.gz", lines),
            };
            foreach (var variant in variants)
            {
                Results.AssertEqual(expected, ReadFiles(variant));
            }
        }, iter: 60);
    }

    /// <summary>Import-LtvEvents reads objects one by one; the -Path form reads straight into the dataset. Same answer.</summary>
    [Fact]
    public void ReadingEventObjectsEqualsReadingIntoTheDataset()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, currencies: true)
                  from array in Gen.Bool
                  from bad in Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, BadLines.Length - 1]).Array[0, 4]
                  select (stream, array, bad);
        gen.Sample((stream, array, bad) =>
        {
            var lines = stream.Select(e => e.Json).ToList();
            foreach (var (where, which) in bad)
            {
                lines.Insert(where % (lines.Count + 1), BadLines[which]);
            }

            using var files = new TestFiles();
            var path = files.Write("events.json", array ? "[\n" + string.Join(",\n", lines) + "\n]\n" : string.Join("\n", lines));
            var direct = Read(paths: path);

            var objects = new LtvDataset();
            var rejections = new List<EventRejection>();
            using (var reader = new EventFileReader(path, EventStreams.Rates))
            {
                while (reader.Read(out var e, out var rejection))
                {
                    if (e != null)
                    {
                        SimpleLtv.Ingest(e, objects);
                    }
                    else
                    {
                        rejections.Add(rejection!);
                    }
                }
            }

            Results.AssertEqual(Results.Of(direct.Dataset), Results.Of(objects));
            Assert.Equal(direct.Rejections.Select(r => (r.Line, r.Reason)), rejections.Select(r => (r.Line, r.Reason)));
        }, iter: Iterations);
    }

    [Fact]
    public void RecordsReadEqualAcceptedPlusRejectedAndSpendEqualsDistinctOrders()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, currencies: true)
                  from bad in Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, BadLines.Length - 1]).Array[0, 8]
                  select (stream, bad);
        gen.Sample((stream, bad) =>
        {
            var lines = stream.Select(e => e.Json).ToList();
            foreach (var (where, which) in bad)
            {
                lines.Insert(where % (lines.Count + 1), BadLines[which]);
            }

            using var files = new TestFiles();
            var run = Read(paths: files.Write("mixed.jsonl", string.Join("\n", lines)));
            var summary = Assert.Single(run.Summaries);

            Assert.Equal(lines.Count, summary.RecordsRead);
            Assert.Equal(summary.Accepted + summary.Rejected, summary.RecordsRead);
            Assert.Equal(stream.Length, summary.Accepted);
            Assert.Equal(bad.Length, summary.Rejected);
            Assert.Equal(bad.Length, run.Rejections.Count);
            Assert.Equal(stream.Length, run.Dataset.EventsAccepted);
            var top = SimpleLtv.TopSimpleLtvCustomers(run.Dataset.CustomerCount, run.Dataset);
            // Each TotalSpend is its customer's exact spend rounded to cents, so the sum is off by at most half a
            // cent per customer.
            Assert.InRange(Math.Abs(ReferenceModel.DistinctOrderSpend(stream) - top.Sum(c => c.TotalSpend)), 0m, 0.005m * top.Count);
        }, iter: Iterations);
    }

    [Theory]
    [InlineData(WeekStart.Sunday, DayOfWeek.Sunday)]
    [InlineData(WeekStart.Monday, DayOfWeek.Monday)]
    public void TopListEqualsTheSortEverythingModel(WeekStart weekStart, DayOfWeek firstDay)
    {
        var gen = from distinct in Gen.Bool
                  from stream in EventStreams.Stream(distinct, maxEvents: 120, currencies: true)
                  from top in Gen.Int[1, 8]
                  select (stream, top);
        var options = EventStreams.Options(weekStart);
        gen.Sample((stream, top) =>
        {
            using var files = new TestFiles();
            var run = IngestRun.Of(options, paths: files.Write("events.jsonl", EventStreams.Ndjson(stream)));
            var model = ReferenceModel.Run(stream, firstDay);
            Results.AssertEqual(model, Results.Of(run.Dataset, options));

            // A short list (the bounded heap evicting) is the head of the full sorted ranking.
            Assert.Equal(model.Top.Take(top), run.Top(top, options).Select(CustomerRow.Of));

            // With empty weeks: every customer has a row for every week of the window, zero where idle.
            var weeks = model.Top[0].TotalWeeks;
            var dense = SimpleLtv.WeeklyMetrics(run.Dataset, options, includeEmptyWeeks: true).Select(WeekRow.Of).ToList();
            Assert.Equal(model.CustomerCount * weeks, dense.Count);
            Assert.Equal(model.Weekly, dense.Where(w => w.SiteVisits > 0 || w.Orders > 0));
            Assert.All(dense.Where(w => w.SiteVisits == 0 && w.Orders == 0), w => Assert.Equal(0m, w.OrderAmount));

            // A customer filter keeps exactly that customer's rows.
            var one = model.Top[^1].CustomerId;
            Assert.Equal(model.Weekly.Where(w => w.CustomerId == one), SimpleLtv.WeeklyMetrics(run.Dataset, options, id => id == one).Select(WeekRow.Of));
        }, iter: 200);
    }

    [Fact]
    public void ConsecutiveFilesInOneRunEqualOneFileIncludingTies()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, currencies: true)
                  from cuts in Gen.Int[0, stream.Length].Array[0, 4]
                  from parallelism in Gen.Int[1, 3]
                  select (stream, cuts, parallelism);
        gen.Sample((stream, cuts, parallelism) =>
        {
            using var files = new TestFiles();
            var bounds = cuts.Append(0).Append(stream.Length).Distinct().Order().ToArray();
            var paths = Enumerable.Range(0, bounds.Length - 1)
                .Select(i => files.Write($"part{i}.jsonl", EventStreams.Ndjson(stream[bounds[i]..bounds[i + 1]])))
                .ToArray();

            var parts = Read(parallelism, paths);

            Results.AssertEqual(ReferenceModel.Run(stream), Results.Of(parts.Dataset));
        }, iter: 60);
    }

    /// <summary>Lines the engine must reject, one rejection each.</summary>
    private static readonly string[] BadLines =
    {
        "not json",
        "{\"type\": \"ORDER\"}",
        "42",
        "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"x\", \"event_time\": \"2020-01-01T00:00:00Z\", \"customer_id\": \"c0\", \"total_amount\": \"-5 USD\"}",
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": 7, \"event_time\": \"2020-01-01T00:00:00Z\", \"customer_id\": \"c0\"}",
        "{\"type\": \"IMAGE\", \"verb\": \"UPLOAD\", \"key\": \"i\", \"event_time\": \"2020-01-01T00:00:00\", \"customer_id\": \"c0\"}",
        "{\"truncated\": ",
    };

    private static LtvEvent Parse(GeneratedEvent e)
    {
        Assert.True(EventRecord.TryParse(e.Json, EventStreams.Rates, out var parsed, out var reason), reason);
        return parsed!;
    }

    private static string WriteGzipWithBom(TestFiles files, string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(new byte[] { 0xEF, 0xBB, 0xBF });
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return files.WriteBytes(name, buffer.ToArray());
    }
}
