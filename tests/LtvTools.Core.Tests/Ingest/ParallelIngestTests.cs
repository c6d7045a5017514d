using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Big NDJSON files are read in parallel chunks; every event carries its byte offset as input position, so
/// the merged result must be bit-identical to one serial pass, rejections and their line numbers included.
/// </summary>
public class ParallelIngestTests
{
    private const string Bad = "{\"type\": \"REFUND\", \"verb\": \"NEW\", \"key\": \"r1\", \"event_time\": \"2017-01-10T00:00:00Z\"}";

    private static void AssertParallelEqualsSerial(params string[] paths)
    {
        var serial = IngestRun.Of(parallelism: 1, paths: paths);

        // Two and three readers, taking chunks in turn, their batches applied as they come.
        foreach (var threads in new[] { 2, 3 })
        {
            var parallel = IngestRun.Of(parallelism: threads, paths: paths);

            Assert.Equal(Results.Describe(serial), Results.Describe(parallel));
            Assert.Equal(serial.Rejections.Select(r => (r.Source, r.Line, r.Kind, r.Reason, r.RawText)), parallel.Rejections.Select(r => (r.Source, r.Line, r.Kind, r.Reason, r.RawText)));
            Assert.Equal(serial.Summaries.Select(s => (s.RecordsRead, s.Accepted, s.Rejected, s.DuplicatesIgnored, s.Format, s.Compressed, s.ReadInPart, s.Unread?.ToString())), parallel.Summaries.Select(s => (s.RecordsRead, s.Accepted, s.Rejected, s.DuplicatesIgnored, s.Format, s.Compressed, s.ReadInPart, s.Unread?.ToString())));
        }
    }

    [Fact]
    public void ParallelChunksGiveTheSerialResultWithTiesUpdatesDuplicatesAndRejections()
    {
        using var files = new TestFiles();
        var lines = SampleEvents.WithTies().ToList();
        lines.Insert(3, Bad);
        lines.Insert(10, "not json at all");
        lines.Insert(15, string.Empty);
        lines.Add("{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2017-01-10T00:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"1 EUR\"}");
        var path = files.Write("messy.jsonl", Json.Lines(lines.ToArray()));

        var parallel = IngestRun.Of(parallelism: 2, paths: path);
        Assert.Equal(new long[] { 4, 11, 30 }, parallel.Rejections.Select(r => r.Line));
        Assert.Equal((26L, 3L, 3L), (parallel.Summaries[0].Accepted, parallel.Summaries[0].Rejected, parallel.Summaries[0].DuplicatesIgnored));
        Assert.Equal("Park", parallel.Top(100).Single(c => c.CustomerId == "c2b4d6e8f0a1").LastName);
        Assert.Equal(102.00m, parallel.Top(100).Single(c => c.CustomerId == "TieA").TotalSpend);
        AssertParallelEqualsSerial(path);
    }

    [Fact]
    public void ParallelTieOnEventTimeGoesToTheLargestAmountHoweverTheChunksAreScheduled()
    {
        using var files = new TestFiles();
        // Each line is its own 64-byte chunk.
        var lines = Enumerable.Range(0, 40).Select(i => Json.Order("o1", "c1", "2020-01-01T10:00:00Z", $"{i}.00 USD", verb: i == 0 ? "NEW" : "UPDATE")).ToArray();
        var path = files.Write("ties.jsonl", Json.Lines(lines));

        var run = IngestRun.Of(parallelism: 2, paths: path);

        Assert.Equal(39.00m, Assert.Single(run.Top()).TotalSpend);
        AssertParallelEqualsSerial(path);
    }

    [Fact]
    public void ParallelDuplicateOfAnEarlierLineNeverWinsATie()
    {
        using var files = new TestFiles();
        var first = Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "10.00 USD");
        var lines = new[] { first, Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "20.00 USD", verb: "UPDATE") }
            .Concat(Enumerable.Repeat(first, 20)).ToArray();
        var path = files.Write("dupes.jsonl", Json.Lines(lines));

        var run = IngestRun.Of(parallelism: 2, paths: path);

        Assert.Equal(20.00m, Assert.Single(run.Top()).TotalSpend);
        Assert.Equal(20, run.Summaries[0].DuplicatesIgnored);
        AssertParallelEqualsSerial(path);
    }

    [Fact]
    public void ParallelSecondFileSortsAfterTheFirst()
    {
        using var files = new TestFiles();
        var a = files.Write("a.jsonl", Json.Lines(Json.Customer("c1", "2020-01-01T10:00:00Z", "FromA"), Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "1 USD"), Bad));
        var b = files.Write("b.jsonl", Json.Lines(Bad, Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "2 USD"), Json.Customer("c1", "2020-01-01T10:00:00Z", "FromB")));

        var run = IngestRun.Of(parallelism: 2, paths: new[] { a, b });

        var c = Assert.Single(run.Top());
        Assert.Equal(("FromB", 2m), (c.LastName, c.TotalSpend));
        Assert.Equal(new[] { (a, 3L), (b, 1L) }, run.Rejections.Select(r => (r.Source, r.Line)));
        AssertParallelEqualsSerial(a, b);
        AssertParallelEqualsSerial(b, a);
    }

    [Fact]
    public void ParallelLargeRandomFileMatchesSerial()
    {
        using var files = new TestFiles();
        var random = new Random(11);
        var types = new Func<int, string>[]
        {
            i => Json.Customer("c" + random.Next(20), Time(random), "N" + random.Next(3), verb: random.Next(2) == 0 ? "NEW" : "UPDATE"),
            i => Json.Visit("v" + random.Next(300), "c" + random.Next(20), Time(random)),
            i => Json.Image("i" + random.Next(50), "c" + random.Next(20), Time(random)),
            i => Json.Order("o" + random.Next(200), "c" + random.Next(20), Time(random), random.Next(1, 5) + ".50 USD", verb: random.Next(2) == 0 ? "NEW" : "UPDATE"),
            i => i % 7 == 0 ? "{\"broken\": " : Json.Visit("v" + random.Next(300), "c" + random.Next(20), Time(random)),
        };
        var lines = Enumerable.Range(0, 2000).Select(i => types[random.Next(types.Length)](i)).ToArray();
        var path = files.Write("random.jsonl", string.Join("\r\n", lines) + "\r\n");

        var serial = IngestRun.Of(paths: path);
        Assert.True(serial.Dataset.DuplicatesIgnored > 100);
        Assert.NotEmpty(serial.Rejections);
        AssertParallelEqualsSerial(path);
    }

    [Fact]
    public void ParallelHandlesBomCrLfOverlongLineAndMissingFinalNewline()
    {
        using var files = new TestFiles();
        var huge = "{\"pad\": \"" + new string('x', RecordLimits.MaxRecordBytes + 10) + "\"}";
        var lines = SampleEvents.WithTies().ToList();
        lines.Insert(5, huge);
        var path = files.Write("bom.jsonl", string.Join("\r\n", lines), bom: true);

        var run = IngestRun.Of(parallelism: 2, paths: path);

        Assert.Equal((6L, "the line is longer than 1 MiB, the most a record may be"), (Assert.Single(run.Rejections).Line, run.Rejections[0].Reason));
        Assert.Equal(SampleEvents.WithTies().Length, run.Summaries[0].Accepted);
        AssertParallelEqualsSerial(path);
    }

    [Fact]
    public void AFileOfMostlyBadRecordsIsReportedCompletelyInOrderInBoundedBatches()
    {
        // More rejections than one batch holds, all in one big chunk: each must arrive once, in order.
        using var files = new TestFiles();
        var lines = Enumerable.Range(0, 1000).Select(i => i % 100 == 0 ? Json.Visit("v" + i, "c1", "2020-01-01T10:00:00Z") : Bad).ToArray();
        var path = files.Write("mostly-bad.jsonl", Json.Lines(lines));
        var rejections = new List<long>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = 2, ParallelThresholdBytes = 0, ChunkBytes = 1 << 20, Rejected = r => rejections.Add(r.Line) };

        var summary = ingestor.IngestFile(path, new LtvDataset());

        Assert.Equal(Enumerable.Range(1, 1000).Where(line => (line - 1) % 100 != 0).Select(line => (long)line), rejections);
        Assert.Equal((1000L, 10L, 990L), (summary.RecordsRead, summary.Accepted, summary.Rejected));
        AssertParallelEqualsSerial(path);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RejectionsOfChunksReadAheadAreHeldBackAndReportedInFileOrder(int readers)
    {
        // Several chunks, each with more bad records than a reader may send ahead of its chunk's turn: the
        // readers of later chunks wait, and every rejection still arrives once, in order, with file line numbers.
        using var files = new TestFiles();
        var perChunk = ChunkTurn.RejectionsAhead + 500;
        var lines = Enumerable.Range(0, 5 * perChunk).Select(i => i % 1000 == 0 ? Json.Visit("v" + i, "c" + (i % 7), "2020-01-01T10:00:00Z") : Bad).ToArray();
        var path = files.Write("bad-chunks.jsonl", Json.Lines(lines));
        var rejections = new List<long>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = readers, ParallelThresholdBytes = 0, ChunkBytes = new FileInfo(path).Length / 5, Rejected = r => rejections.Add(r.Line) };

        var summary = ingestor.IngestFile(path, new LtvDataset());

        Assert.True(ingestor.LastFileReadInParallel);
        Assert.Equal(Enumerable.Range(1, lines.Length).Where(line => (line - 1) % 1000 != 0).Select(line => (long)line), rejections);
        Assert.Equal(((long)lines.Length, (long)lines.Length - rejections.Count), (summary.RecordsRead, summary.Accepted));
        AssertParallelEqualsSerial(path);
    }

    [Fact]
    public void ParallelRejectionsAreReportedOnTheCallingThreadInFileOrder()
    {
        using var files = new TestFiles();
        var lines = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? Bad : Json.Visit("v" + i, "c1", "2020-01-01T10:00:00Z")).ToArray();
        var path = files.Write("bad.jsonl", Json.Lines(lines));
        var threads = new HashSet<int>();
        var seen = new List<long>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = 2, ParallelThresholdBytes = 0, ChunkBytes = 64 };
        ingestor.Rejected = r =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            seen.Add(r.Line);
        };

        ingestor.IngestFile(path, new LtvDataset());

        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, threads);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)(i * 3) + 1), seen);
    }

    [Fact]
    public void ParallelGzipAndArrayFilesMatchSerial()
    {
        using var files = new TestFiles();
        var lines = SampleEvents.WithTies().ToList();
        lines.Insert(4, Bad);
        var gzip = files.WriteGzip("e.jsonl.gz", Json.Lines(lines.ToArray()));
        var array = files.Write("e.json", Json.Array(lines.ToArray()));
        var broken = files.Write("broken.json", Json.Array(lines.ToArray()).Replace("\"Nguyen\",", "\"Nguyen\""));

        AssertParallelEqualsSerial(gzip, array, broken);
        var run = IngestRun.Of(parallelism: 3, paths: new[] { gzip, array, broken });
        Assert.Equal(new[] { 5L, 6L, 6L, 13L }, run.Rejections.Select(r => r.Line));
        Assert.StartsWith("invalid JSON in the array at line 13", run.Rejections[3].Reason);
    }

    [Fact]
    public void ParallelOddFilesMatchSerial()
    {
        using var files = new TestFiles();
        var events = Json.Lines(SampleEvents.Messy());
        var gzip = File.ReadAllBytes(files.WriteGzip("whole.gz", events));
        var paths = new[]
        {
            files.Write("empty.jsonl", string.Empty),
            files.Write("blank.jsonl", "\n \r\n\t\n"),
            files.Write("bom-only.jsonl", string.Empty, bom: true),
            files.WriteBytes("utf16.jsonl", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(events)).ToArray()),
            files.WriteBytes("cut.gz", gzip.Take(gzip.Length - 12).ToArray()),
            files.Write("two-arrays.json", Json.Array(SampleEvents.Messy()) + Json.Array(Bad)),
            files.Write("trailing-comma.json", "[\n" + string.Join(",\n", SampleEvents.Messy()) + ",\n]\n"),
        };

        AssertParallelEqualsSerial(paths);
        var run = IngestRun.Of(parallelism: 3, paths: paths);
        Assert.Equal(new[] { 0L, 0L, 0L, 1L }, run.Summaries.Take(4).Select(s => s.RecordsRead));
        Assert.Equal(new[] { "utf16.jsonl", "cut.gz", "two-arrays.json", "trailing-comma.json" }, run.Rejections.Select(r => Path.GetFileName(r.Source)));
        Assert.Equal(SampleEvents.Messy().Length, run.Summaries[5].Accepted);
        Assert.Equal(SampleEvents.Messy().Length, run.Summaries[6].Accepted);
    }

    [Theory]
    [InlineData("Serial", 1)]
    [InlineData("TwoThreads", 2)]
    [InlineData("ThreeThreads", 3)]
    public void ProgressIsReportedOnTheCallingThreadUpToTheWholeFile(string name, int threads)
    {
        Assert.NotEmpty(name);
        using var files = new TestFiles();
        var path = files.Write("progress.jsonl", Json.Lines(Enumerable.Range(0, 3000).Select(i => Json.Visit("v" + i, "c1", "2020-01-01T10:00:00Z")).ToArray()));
        var reports = new List<(int Thread, long Done, long Total)>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = threads, ParallelThresholdBytes = 0, ChunkBytes = 4096 };
        ingestor.Progress = (done, total) => reports.Add((Environment.CurrentManagedThreadId, done, total));

        var summary = ingestor.IngestFile(path, new LtvDataset());

        var length = new FileInfo(path).Length;
        Assert.Equal(3000, summary.Accepted);
        Assert.All(reports, r => Assert.Equal((Environment.CurrentManagedThreadId, length), (r.Thread, r.Total)));
        Assert.Equal(length, reports[^1].Done);
        Assert.All(reports, r => Assert.InRange(r.Done, 0, length));
        Assert.Equal(reports.Select(r => r.Done).OrderBy(d => d), reports.Select(r => r.Done));
    }

    [Fact]
    public void MergingPartsInEitherOrderGivesTheOnePassDataset()
    {
        var events = SampleEvents.WithTies();
        var onePass = Ingest(events);

        var first = Ingest(events.Take(11));
        var second = Ingest(events.Skip(11));
        var forward = Ingest(Array.Empty<string>());
        forward.Merge(first);
        forward.Merge(second);
        var backward = Ingest(Array.Empty<string>());
        backward.Merge(second);
        backward.Merge(first);

        Assert.Equal(Results.Describe(onePass), Results.Describe(forward));
        Assert.Equal(Results.Describe(onePass), Results.Describe(backward));
        Assert.Throws<ArgumentException>(() => first.Merge(first));
    }

    private static LtvDataset Ingest(IEnumerable<string> lines)
    {
        var dataset = new LtvDataset();
        foreach (var line in lines)
        {
            Assert.True(EventRecord.TryParse(line, null, out var e, out var reason), reason);
            SimpleLtv.Ingest(e!, dataset);
        }

        return dataset;
    }

    private static string Time(Random random) =>
        new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(random.Next(0, 24 * 60)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
