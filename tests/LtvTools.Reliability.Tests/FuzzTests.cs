using System.IO.Compression;
using System.Text;
using CsCheck;
using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// Issue 5's cut-and-mutate fuzz test: valid files with random byte flips, cuts and splices. Every run ends
/// without an exception, the accounting holds, serial and parallel reading agree, and for NDJSON exactly
/// the lines that are valid records on their own are accepted, once each.
/// </summary>
public class FuzzTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Gen<(byte[] Bytes, Mutation[] Mutations)> Damaged(bool array) =>
        from stream in EventStreams.Stream(distinctTimes: false, maxEvents: 40)
        from mutations in Mutation.Any.Array[1, 30]
        select (Encoding.UTF8.GetBytes(array ? EventStreams.JsonArray(stream) : EventStreams.Ndjson(stream)), mutations);

    [Fact]
    public void DamagedNdjsonAcceptsExactlyTheValidLinesOnce() => Damaged(array: false).Sample(CheckNdjson, iter: 200);

    [Fact]
    public void DamagedJsonArrayNeverThrowsAndKeepsTheAccounting() => Damaged(array: true).Sample(CheckArray, iter: 300);

    /// <summary>
    /// Seeds that found "invalid UTF-8 threw DecoderFallbackException" (fixed in the core). A seed replays
    /// only while the generators above stay as they are.
    /// </summary>
    [Theory]
    [InlineData("c_5DCeEaT7F1", false)]
    [InlineData("8Nzc70m244M4", true)]
    public void RegressionSeedInvalidUtf8InAString(string seed, bool array) =>
        Damaged(array).Sample(array ? CheckArray : CheckNdjson, seed: seed, iter: 1);

    private static void CheckNdjson(byte[] original, Mutation[] mutations)
    {
        var bytes = mutations.Aggregate((byte[])original.Clone(), (b, m) => m.Apply(b));
        using var files = new TestFiles();
        var path = files.WriteBytes("damaged.jsonl", bytes);

        var serial = Hostile.Read(path);
        var parallel = Hostile.Read(path, parallelism: 2);
        AssertSameRun(serial, parallel);

        var summary = serial.Summaries[0];
        if (summary.Format != FileFormat.Ndjson || serial.Rejections.Any(r => r.Reason.Contains("UTF-16")))
        {
            return; // The damage made it look like an array or UTF-16: covered by the accounting above.
        }

        // The oracle: each non-blank line on its own, through the single-record API, in order.
        var expected = new LtvDataset();
        long records = 0;
        foreach (var line in Lines(bytes))
        {
            records++;
            if (TryDecode(line, out var text) && EventRecord.TryParse(text, null, out var e, out _))
            {
                SimpleLtv.Ingest(e!, expected);
            }
        }

        Assert.Equal(records, summary.RecordsRead);
        Assert.Equal(expected.EventsAccepted, summary.Accepted);
        Results.AssertEqual(Results.Of(expected), Results.Of(serial.Dataset));
    }

    private static void CheckArray(byte[] original, Mutation[] mutations)
    {
        var bytes = mutations.Aggregate((byte[])original.Clone(), (b, m) => m.Apply(b));
        using var files = new TestFiles();
        var run = Hostile.Read(files.WriteBytes("damaged.json", bytes));

        // Never more records accepted than there are event objects in the damaged text.
        Assert.True(run.Summaries[0].Accepted <= Count(bytes, (byte)'{'));
        Results.Of(run.Dataset);
    }

    [Fact]
    public void DamagedGzipNeverThrowsAndKeepsTheAccounting()
    {
        var gen = from stream in EventStreams.Stream(distinctTimes: false, maxEvents: 40)
                  from mutations in Mutation.Any.Array[1, 5]
                  select (Gzip(EventStreams.Ndjson(stream)), mutations);
        gen.Sample((original, mutations) =>
        {
            var bytes = mutations.Aggregate((byte[])original.Clone(), (b, m) => m.Apply(b));
            using var files = new TestFiles();
            var run = Hostile.Read(files.WriteBytes("damaged.jsonl.gz", bytes));
            Results.Of(run.Dataset);
        }, iter: 300);
    }

    private static void AssertSameRun(IngestRun expected, IngestRun actual)
    {
        Assert.Equal(expected.Summaries[0].Accepted, actual.Summaries[0].Accepted);
        Assert.Equal(expected.Summaries[0].Rejected, actual.Summaries[0].Rejected);
        Assert.Equal(expected.Rejections.Select(r => (r.Line, r.Reason)), actual.Rejections.Select(r => (r.Line, r.Reason)));
        Results.AssertEqual(Results.Of(expected.Dataset), Results.Of(actual.Dataset));
    }

    /// <summary>Non-blank lines as the reader frames them: split at '\n', trimmed of JSON whitespace, BOM skipped.</summary>
    private static IEnumerable<byte[]> Lines(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (start <= bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var lineEnd = end < 0 ? bytes.Length : end;
            var first = start;
            var last = lineEnd;
            while (first < last && IsWhitespace(bytes[first]))
            {
                first++;
            }

            while (last > first && IsWhitespace(bytes[last - 1]))
            {
                last--;
            }

            if (first < last)
            {
                yield return bytes[first..last];
            }

            if (end < 0)
            {
                yield break;
            }

            start = end + 1;
        }
    }

    private static bool IsWhitespace(byte b) => b == ' ' || b == '\t' || b == '\r' || b == '\n';

    private static bool TryDecode(byte[] line, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(line);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static long Count(byte[] bytes, byte value) => bytes.LongCount(b => b == value);

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
