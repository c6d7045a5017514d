using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>NDJSON, a JSON array, a BOM and gzip are only ways of writing the same events.</summary>
public class FileFormatTests
{
    private static string DescribeFile(Func<TestFiles, string> write)
    {
        using var files = new TestFiles();
        var run = IngestRun.Of(paths: write(files));
        Assert.Empty(run.Rejections);
        return Results.Describe(run.Dataset);
    }

    [Fact]
    public void JsonArrayAndNdjsonGiveIdenticalResults()
    {
        var ndjson = DescribeFile(f => f.Write("e.jsonl", Json.Lines(SampleEvents.Messy())));
        var array = DescribeFile(f => f.Write("e.json", Json.Array(SampleEvents.Messy())));

        Assert.Equal(ndjson, array);
        Assert.Contains("2 TieA ", ndjson);
        Assert.Contains("3 TieB ", ndjson);
    }

    [Fact]
    public void BomFileAndGzipFileGiveIdenticalResults()
    {
        var plain = DescribeFile(f => f.Write("e.jsonl", Json.Lines(SampleEvents.Messy())));
        var bom = DescribeFile(f => f.Write("bom.jsonl", Json.Lines(SampleEvents.Messy()), bom: true));
        var bomArray = DescribeFile(f => f.Write("bom.json", Json.Array(SampleEvents.Messy()), bom: true));
        var gzip = DescribeFile(f => f.WriteGzip("e.jsonl.gz", Json.Lines(SampleEvents.Messy())));
        var gzipArray = DescribeFile(f => f.WriteGzip("e.json.gz", Json.Array(SampleEvents.Messy())));
        var gzipBom = DescribeFile(f => f.WriteGzip("bom.jsonl.gz", "\uFEFF" + Json.Lines(SampleEvents.Messy())));

        Assert.Equal(plain, bom);
        Assert.Equal(plain, bomArray);
        Assert.Equal(plain, gzip);
        Assert.Equal(plain, gzipArray);
        Assert.Equal(plain, gzipBom);
    }

    [Fact]
    public void GzipIsDetectedByMagicBytesNotByName()
    {
        using var files = new TestFiles();
        var path = files.WriteGzip("events.json", Json.Lines(SampleEvents.Messy()));

        var run = IngestRun.Of(paths: path);

        Assert.Empty(run.Rejections);
        Assert.True(run.Summaries[0].Compressed);
        Assert.Equal(FileFormat.Ndjson, run.Summaries[0].Format);
        Assert.Equal(SampleEvents.Messy().Length, run.Summaries[0].Accepted);
    }

    [Fact]
    public void FormatIsTakenFromTheFirstNonWhitespaceByte()
    {
        using var files = new TestFiles();
        var array = IngestRun.Of(paths: files.Write("a.txt", "\r\n  \t\n" + Json.Array(SampleEvents.Messy())));
        var ndjson = IngestRun.Of(paths: files.Write("b.json", "\n\n" + Json.Lines(SampleEvents.Messy())));

        Assert.Equal(FileFormat.JsonArray, array.Summaries[0].Format);
        Assert.Equal(FileFormat.Ndjson, ndjson.Summaries[0].Format);
        Assert.Equal(Results.Describe(array.Dataset), Results.Describe(ndjson.Dataset));
    }

    [Fact]
    public void BlankLinesAreIgnoredAndNotCounted()
    {
        using var files = new TestFiles();
        var text = "\n" + string.Join("\n\n   \n\t\r\n", SampleEvents.Messy()) + "\n\n";

        var run = IngestRun.Of(paths: files.Write("blank.jsonl", text));

        Assert.Empty(run.Rejections);
        Assert.Equal(SampleEvents.Messy().Length, run.Summaries[0].RecordsRead);
        Assert.Equal(DescribeFile(f => f.Write("e.jsonl", Json.Lines(SampleEvents.Messy()))), Results.Describe(run.Dataset));
    }

    [Fact]
    public void LastLineWithoutNewlineIsRead()
    {
        using var files = new TestFiles();
        var run = IngestRun.Of(paths: files.Write("nonl.jsonl", string.Join("\n", SampleEvents.Messy())));

        Assert.Equal(SampleEvents.Messy().Length, run.Summaries[0].Accepted);
    }

    [Theory]
    [InlineData("EmptyFile", "")]
    [InlineData("OnlyWhitespace", "\n\n  \r\n")]
    [InlineData("OnlyBom", "\uFEFF")]
    [InlineData("EmptyArray", "[ ]\n")]
    public void EmptyInputGivesNoRowsAndNoException(string name, string text)
    {
        Assert.NotEmpty(name);
        using var files = new TestFiles();
        var run = IngestRun.Of(paths: files.WriteBytes(name, Encoding.UTF8.GetBytes(text)));

        Assert.Empty(run.Rejections);
        Assert.Equal(0, run.Summaries[0].RecordsRead);
        Assert.Empty(run.Top());
        Assert.Empty(SimpleLtv.WeeklyMetrics(run.Dataset, includeEmptyWeeks: true));
        Assert.Equal(0, WeekWindow.Of(run.Dataset, WeekStart.Sunday).TotalWeeks);
        Assert.Null(run.Dataset.EarliestEvent);
    }

    [Fact]
    public void TruncatedGzipIsRejectedAfterWhatWasRead()
    {
        using var files = new TestFiles();
        var whole = files.WriteGzip("whole.gz", Json.Lines(SampleEvents.Messy()));
        var bytes = File.ReadAllBytes(whole);
        var cut = files.WriteBytes("cut.gz", bytes.Take(bytes.Length - 12).ToArray());

        var run = IngestRun.Of(paths: cut);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(cut, rejection.Source);
        Assert.Equal(run.Summaries[0].Accepted + 1, run.Summaries[0].RecordsRead);
        Assert.True(run.Summaries[0].Accepted < SampleEvents.Messy().Length);
    }

    [Fact]
    public void RepositorySampleHasItsUpdateAndItsBadRecord()
    {
        var run = IngestRun.Of(paths: TestFiles.RepoSample);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(20, rejection.Line);
        Assert.Equal("unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)", rejection.Reason);
        Assert.Equal((19L, 18L, 1L, 1L), (run.Summaries[0].RecordsRead, run.Summaries[0].Accepted, run.Summaries[0].Rejected, run.Summaries[0].DuplicatesIgnored));
        var garcia = run.Top().Single(c => c.CustomerId == "5e1a7c0b3d21");
        Assert.Equal((2L, 2L, 165.50m), (garcia.SiteVisits, garcia.Orders, garcia.TotalSpend));
        Assert.Equal("Nguyen-Park", run.Top().Single(c => c.CustomerId == "c2b4d6e8f0a1").LastName);
    }
}
