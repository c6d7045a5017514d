using System.IO.Compression;
using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Issue 18 (partial reads, pipes, multi-member gzip, zip, unfinished last lines), issue 17 (rejection kinds) and
/// issue 13 (symbolic links): how files are framed and what a rejection says about them.
/// </summary>
public class ReadingTests
{
    private static readonly string V1 = Json.Visit("v1", "c1", "2020-01-01T10:00:00Z");
    private static readonly string V2 = Json.Visit("v2", "c2", "2020-01-02T10:00:00Z");
    private static readonly string O1 = Json.Order("o1", "c1", "2020-01-01T11:00:00Z", "10.00 USD");
    private static readonly string O2 = Json.Order("o2", "c2", "2020-01-03T11:00:00Z", "5.00 USD");

    private static (string Path, IngestRun Run) Ingest(TestFiles files, string name, string text, int parallelism = 1)
    {
        var path = files.Write(name, text);
        return (path, IngestRun.Of(parallelism: parallelism, paths: path));
    }

    private static string Describe(IngestRun run) =>
        string.Join("\n", run.Rejections.Select(r => $"{r.Line} {r.Kind} {r.Reason}")) + "\n" +
        string.Join("\n", run.Top(100).Select(c => $"{c.CustomerId} {c.SiteVisits} {c.Orders} {c.TotalSpend}"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EachRejectionHasTheKindOfItsProblem(int parallelism)
    {
        using var files = new TestFiles();
        var tooLong = "{\"type\": \"SITE_VISIT\", \"pad\": \"" + new string('x', RecordLimits.MaxRecordBytes) + "\"}";
        var (_, run) = Ingest(files, "kinds.jsonl", Json.Lines(V1, "{\"type\": \"REFUND\"}", "not json", "[1, 2]", tooLong, O1) + "{\"type\": \"ORDER\", \"ve", parallelism);

        Assert.Equal(
            new[] { (2L, EventRejectionKind.InvalidEvent), (3L, EventRejectionKind.InvalidJson), (4L, EventRejectionKind.InvalidEvent), (5L, EventRejectionKind.RecordTooLong), (7L, EventRejectionKind.IncompleteRecord) },
            run.Rejections.Select(r => (r.Line, r.Kind)));
    }

    [Fact]
    public void FileLevelProblemsAreInvalidFileRejections()
    {
        using var files = new TestFiles();
        var utf16 = files.WriteBytes("utf16.json", Encoding.Unicode.GetBytes("[" + V1 + "]"));
        var syntax = files.Write("syntax.json", Json.Array(V1, "{\"type\": x}", O1));
        var gzip = files.WriteGzip("cut.jsonl.gz", Json.Lines(V1, O1, V2, O2));
        var bytes = File.ReadAllBytes(gzip);
        File.WriteAllBytes(gzip, bytes[..(bytes.Length - 10)]);

        foreach (var path in new[] { utf16, syntax, gzip })
        {
            var run = IngestRun.Of(paths: path);
            Assert.Equal(EventRejectionKind.InvalidFile, run.Rejections.Last().Kind);
            Assert.True(run.Summaries[0].ReadInPart, path);
        }
    }

    [Fact]
    public void AnUnfinishedLastLineIsAnIncompleteRecordButABrokenFinishedOneIsInvalidJson()
    {
        using var files = new TestFiles();
        var (_, cut) = Ingest(files, "growing.jsonl", Json.Lines(V1) + O1[..40]);
        var (_, broken) = Ingest(files, "broken-last.jsonl", Json.Lines(V1) + "{\"type\": \"ORDER\"} trailing");
        var (_, cutInTheMiddle) = Ingest(files, "cut-middle.jsonl", Json.Lines(V1, O1[..40], O2));

        var incomplete = Assert.Single(cut.Rejections);
        Assert.Equal((2L, EventRejectionKind.IncompleteRecord), (incomplete.Line, incomplete.Kind));
        Assert.Equal("incomplete last record: the file ends in the middle of it, with no newline after it (is the file still being written?)", incomplete.Reason);
        Assert.Equal(O1[..40].TrimEnd(), incomplete.RawText);
        Assert.Equal(EventRejectionKind.InvalidJson, Assert.Single(broken.Rejections).Kind);
        Assert.Equal(EventRejectionKind.InvalidJson, Assert.Single(cutInTheMiddle.Rejections).Kind);
        Assert.False(cut.Summaries[0].ReadInPart);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ConcatenatedTopLevelValuesAreReadInFull(int parallelism)
    {
        using var files = new TestFiles();

        // Two arrays, as `cat a.json b.json` gives; then arrays and bare objects mixed, as jq reads them.
        var (_, arrays) = Ingest(files, "two.json", Json.Array(V1, O1) + Json.Array(V2, O2), parallelism);
        var (_, mixed) = Ingest(files, "mixed.json", "[" + V1 + "]" + O1 + "\n  " + V2 + "[" + O2 + "]", parallelism);
        var (_, single) = Ingest(files, "one.json", Json.Array(V1, O1, V2, O2), parallelism);

        Assert.Empty(arrays.Rejections);
        Assert.Equal((4L, 0L), (arrays.Summaries[0].Accepted, arrays.Summaries[0].Rejected));
        Assert.Equal(Describe(single), Describe(arrays));
        Assert.Equal(Describe(single), Describe(mixed));
        Assert.Equal(FileFormat.JsonArray, arrays.Summaries[0].Format);
    }

    [Fact]
    public void ABareTopLevelValueIsRejectedAndTheNextValueIsRead()
    {
        using var files = new TestFiles();
        var (_, run) = Ingest(files, "bare.json", Json.Array(V1) + "42\n" + Json.Array(O1));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((4L, EventRejectionKind.InvalidEvent, "the top-level value is a JSON number, not an event object or an array of them", "42"), (rejection.Line, rejection.Kind, rejection.Reason, rejection.RawText));
        Assert.Equal(2, run.Summaries[0].Accepted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ASyntaxErrorSaysExactlyHowMuchOfTheFileWasNotRead(int parallelism)
    {
        using var files = new TestFiles();

        // The broken element is on line 4 of 9; lines 4 to 9 are what is not read.
        var before = "[\n" + V1 + ",\n" + O1 + ",\n";
        var broken = "{\"type\": \"SITE_VISIT\" \"verb\": \"NEW\"},\n";
        var after = V2 + ",\n" + O2 + ",\n" + V1 + ",\n" + O1 + "\n]\n";
        var text = before.Replace("[\n", "[\n" + V2 + ",\n") + broken + after;
        var (_, run) = Ingest(files, "messy.json", text, parallelism);

        var rejection = Assert.Single(run.Rejections);
        var unreadBytes = Encoding.UTF8.GetByteCount(broken + after);
        Assert.Equal((5L, EventRejectionKind.InvalidFile), (rejection.Line, rejection.Kind));
        Assert.EndsWith($"; the rest of the file is not read ({unreadBytes} bytes, lines 5 to 10)", rejection.Reason);
        var summary = run.Summaries[0];
        Assert.True(summary.ReadInPart);
        Assert.Equal((unreadBytes, 5L, 10L, 6L, true), (summary.Unread!.Bytes, summary.Unread.FirstLine, summary.Unread.LastLine, summary.Unread.Lines, summary.Unread.IsExact));
        Assert.Equal((3L, 1L), (summary.Accepted, summary.Rejected));
    }

    [Fact]
    public void ASyntaxErrorInAGzipArrayCountsTheDecodedRest()
    {
        using var files = new TestFiles();
        var tail = "{\"type\": x},\n" + V2 + "\n]\n";
        var path = files.WriteGzip("messy.json.gz", "[\n" + V1 + ",\n" + tail);

        var summary = IngestRun.Of(paths: path).Summaries[0];

        Assert.True(summary.ReadInPart);
        Assert.Equal((Encoding.UTF8.GetByteCount(tail), 3L, 5L), (summary.Unread!.Bytes, summary.Unread.FirstLine, summary.Unread.LastLine));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AZipArchiveIsOneClearRejection(int parallelism)
    {
        using var files = new TestFiles();
        var path = Path.Combine(files.Directory, "events.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("events.jsonl").Open());
            entry.Write(string.Concat(Enumerable.Repeat(Json.Lines(V1, O1, V2, O2), 200)));
        }

        var run = IngestRun.Of(parallelism: parallelism, paths: path);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((1L, EventRejectionKind.InvalidFile, "the file is a zip archive; extract it first (gzip files are read as they are)"), (rejection.Line, rejection.Kind, rejection.Reason));
        Assert.Equal(0, run.Summaries[0].Accepted);
        Assert.True(run.Summaries[0].ReadInPart);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AMultiMemberGzipFileIsReadInFull(int parallelism)
    {
        using var files = new TestFiles();

        // cat a.jsonl.gz b.jsonl.gz > m.gz; the first member large enough to span many reads.
        var first = string.Concat(Enumerable.Range(0, 3000).Select(i => Json.Visit($"v{i}", "c1", "2020-01-01T10:00:00Z") + "\n"));
        var path = files.WriteBytes("m.jsonl.gz", PipeFiles.Gzip(first).Concat(PipeFiles.Gzip(Json.Lines(O1, V2))).Concat(PipeFiles.Gzip(string.Empty)).Concat(PipeFiles.Gzip(Json.Lines(O2))).ToArray());

        var run = IngestRun.Of(parallelism: parallelism, paths: path);

        Assert.Empty(run.Rejections);
        Assert.Equal(3003, run.Summaries[0].Accepted);
        Assert.True(run.Summaries[0].Compressed);
        Assert.Equal(15.00m, run.Top().Sum(c => c.TotalSpend));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(40)]
    public void AMultiMemberGzipFileCutShortIsStillCalledTruncated(int cut)
    {
        using var files = new TestFiles();
        var whole = PipeFiles.Gzip(Json.Lines(V1, O1)).Concat(PipeFiles.Gzip(Json.Lines(V2, O2))).ToArray();
        var path = files.WriteBytes("cut.jsonl.gz", whole[..(whole.Length - cut)]);

        var run = IngestRun.Of(paths: path);

        var last = run.Rejections.Last();
        Assert.Equal(EventRejectionKind.InvalidFile, last.Kind);
        Assert.Contains("gzip", last.Reason);
        Assert.True(run.Summaries[0].ReadInPart);
        Assert.True(run.Summaries[0].Accepted >= 2);
    }

    [Fact]
    public void ASymbolicLinkIsSizedAndReadLikeItsTarget()
    {
        using var files = new TestFiles();
        var lines = Enumerable.Range(0, 20000).Select(i => Json.Order($"o{i}", $"c{i % 300}", "2020-01-01T10:00:00Z", "1.50 USD")).ToList();
        lines.Insert(777, "not json");
        var target = files.Write("day.jsonl", Json.Lines(lines.ToArray()));
        var link = Path.Combine(files.Directory, "current.jsonl");
        File.CreateSymbolicLink(link, target);
        var targetLength = new FileInfo(target).Length;
        Assert.True(new FileInfo(link).Length < 1000, "the link's own length is that of its target's name");

        var progressTotals = new List<long>();
        var rejections = new List<EventRejection>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = 3, ParallelThresholdBytes = targetLength, ChunkBytes = 256 << 10, Rejected = rejections.Add, Progress = (_, total) => progressTotals.Add(total) };
        var viaLink = new LtvDataset();
        var summary = ingestor.IngestFile(link, viaLink);

        Assert.True(ingestor.LastFileReadInParallel);
        Assert.Equal(targetLength, summary.Bytes);
        Assert.NotEmpty(progressTotals);
        Assert.All(progressTotals, total => Assert.Equal(targetLength, total));
        var serial = IngestRun.Of(parallelism: 1, paths: target);
        Assert.Equal(Results.Describe(serial, withRejections: false), Results.Describe(new IngestRun(viaLink), withRejections: false));
        Assert.Equal(serial.Rejections.Select(r => (r.Line, r.Kind, r.Reason)), rejections.Select(r => (r.Line, r.Kind, r.Reason)));
    }

    [Fact]
    public void ADanglingSymbolicLinkIsFileNotFound()
    {
        using var files = new TestFiles();
        var link = Path.Combine(files.Directory, "current.jsonl");
        File.CreateSymbolicLink(link, Path.Combine(files.Directory, "gone.jsonl"));

        Assert.Throws<FileNotFoundException>(() => new FileIngestor().IngestFile(link, new LtvDataset()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFifoIsReadForwardsLikeTheSameFile(bool gzip)
    {
        if (!PipeFiles.Supported)
        {
            return;
        }

        using var files = new TestFiles();
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => Json.Order($"o{i}", $"c{i % 50}", "2020-01-01T10:00:00Z", "2.00 USD") + "\n")) + "not json\n";
        var bytes = gzip ? PipeFiles.Gzip(text) : Encoding.UTF8.GetBytes(text);
        var file = files.WriteBytes("same.jsonl", bytes);
        var fifo = PipeFiles.MakeFifo(files.Directory, "events.fifo");

        var progress = new List<(long Done, long Total)>();
        var rejections = new List<EventRejection>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = 3, ParallelThresholdBytes = 0, Rejected = rejections.Add, Progress = (done, total) => progress.Add((done, total)) };
        var dataset = new LtvDataset();
        var feeding = PipeFiles.Feed(fifo, bytes);
        var summary = ingestor.IngestFile(fifo, dataset);
        feeding.Join();

        Assert.False(ingestor.LastFileReadInParallel);
        Assert.Equal((5000L, 1L, gzip), (summary.Accepted, summary.Rejected, summary.Compressed));
        Assert.Equal(bytes.Length, summary.Bytes);
        Assert.All(progress, p => Assert.Equal(0, p.Total));
        var fromFile = IngestRun.Of(paths: file);
        Assert.Equal(Results.Describe(fromFile, withRejections: false), Results.Describe(new IngestRun(dataset), withRejections: false));
        Assert.Equal(fromFile.Rejections.Select(r => (r.Line, r.Kind, r.Reason)), rejections.Select(r => (r.Line, r.Kind, r.Reason)));
    }

    [Fact]
    public void AFifoReadsAsObjectsToo()
    {
        if (!PipeFiles.Supported)
        {
            return;
        }

        using var files = new TestFiles();
        var fifo = PipeFiles.MakeFifo(files.Directory, "events.fifo");
        var feeding = PipeFiles.Feed(fifo, PipeFiles.Gzip(Json.Array(V1, O1)));

        using var reader = new ReadAheadEventReader(fifo, readAheadThresholdBytes: 0); // a pipe is still read on this thread
        var events = new List<LtvEvent>();
        while (reader.Read(out var accepted, out var rejection))
        {
            Assert.Null(rejection);
            events.Add(accepted!);
        }

        feeding.Join();
        Assert.False(reader.HasLength);
        Assert.Equal(new[] { "v1", "o1" }, events.Select(e => e.Key));
    }
}
