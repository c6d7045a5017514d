using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using LtvTools.Core;
using LtvTools.Core.Tests;
using Xunit.Abstractions;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// Opt-in (LTV_LARGE_TESTS=1): a file just over 2 GiB with more than 2^31 lines, made on the fly from a few
/// records around a long run of blank lines. Proves that byte offsets, line numbers, input positions and
/// counters are 64-bit in every reading path.
/// </summary>
public class LargeFileTests
{
    private const int RecordsBefore = 1000;
    private const long BlankLines = (1L << 31) + 12_345;
    private const int RecordsAfter = 1000;
    private const int BadRecordIndex = 990;

    private readonly ITestOutputHelper _output;

    public LargeFileTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [LargeFact]
    public void FileOver2GiBReportsLinesAndPositionsPast32Bits()
    {
        using var files = new TestFiles();
        var path = Create(files, "large.jsonl", gzip: false);
        var length = new FileInfo(path).Length;
        Assert.True(length > (2L << 30), $"{length} bytes");

        var clock = Stopwatch.StartNew();
        AssertLargeRun(IngestRun.Of(paths: path), length, compressed: false);
        _output.WriteLine($"parallel read in {clock.Elapsed}");

        clock.Restart();
        AssertLargeRun(IngestRun.Of(parallelism: 1, paths: path), length, compressed: false);
        _output.WriteLine($"serial read in {clock.Elapsed}");
    }

    [LargeFact]
    public void GzipOver2GiBDecompressedReportsLinesPast32Bits()
    {
        using var files = new TestFiles();
        var path = Create(files, "large.jsonl.gz", gzip: true);

        var clock = Stopwatch.StartNew();
        AssertLargeRun(IngestRun.Of(paths: path), new FileInfo(path).Length, compressed: true);
        _output.WriteLine($"read in {clock.Elapsed}");
    }

    private string Create(TestFiles files, string name, bool gzip)
    {
        var path = Path.Combine(files.Directory, name);
        var clock = Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        using (var output = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file)
        {
            Write(output);
        }

        _output.WriteLine($"wrote {new FileInfo(path).Length:N0} bytes{(gzip ? " of gzip" : string.Empty)} in {clock.Elapsed}");
        return path;
    }

    /// <summary>
    /// Records, then more than 2^31 blank lines, then records again with one bad record. Order "tie" has a
    /// version in each block at the same time: the later one (past 2^31 bytes) must win the tie.
    /// </summary>
    private static void Write(Stream output)
    {
        void Line(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text + "\n");
            output.Write(bytes);
        }

        Line(Json.Order("tie", "c1", "2020-01-01T00:00:00Z", "1.00", verb: "NEW"));
        for (var i = 1; i < RecordsBefore; i++)
        {
            Line(Json.Visit("a" + i, "c" + (i % 10), "2020-01-02T00:00:00Z"));
        }

        var blanks = new byte[1 << 20];
        Array.Fill(blanks, (byte)'\n');
        for (var left = BlankLines; left > 0; left -= blanks.Length)
        {
            output.Write(blanks, 0, (int)Math.Min(blanks.Length, left));
        }

        Line(Json.Order("tie", "c1", "2020-01-01T00:00:00Z", "2.00", verb: "UPDATE"));
        for (var i = 1; i < RecordsAfter; i++)
        {
            Line(i == BadRecordIndex ? "{\"type\": \"ORDER\", \"broken\"" : Json.Visit("b" + i, "c" + (i % 10), "2020-01-03T00:00:00Z"));
        }
    }

    private static void AssertLargeRun(IngestRun run, long fileLength, bool compressed)
    {
        var summary = Assert.Single(run.Summaries);
        Assert.Equal(compressed, summary.Compressed);
        Assert.Equal(fileLength, summary.Bytes);
        Assert.Equal(RecordsBefore + RecordsAfter - 1, summary.Accepted);
        Assert.Equal(1, summary.Rejected);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(RecordsBefore + BlankLines + BadRecordIndex + 1, rejection.Line);
        Assert.True(rejection.Line > int.MaxValue);

        // The version past 2^31 bytes came later in the input, so it wins the tie of equal times.
        var c1 = run.Top(20).Single(c => c.CustomerId == "c1");
        Assert.Equal(2.00m, c1.TotalSpend);
        Assert.Equal(1, c1.Orders);
        Assert.Equal(RecordsBefore - 1 + RecordsAfter - 2, run.Dataset.DistinctVisits);
    }
}
