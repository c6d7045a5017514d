using System.IO.Compression;
using System.Text;
using LtvTools.Core;
using LtvTools.Core.Tests;

namespace LtvTools.Reliability.Tests;

/// <summary>Issue 5, "Hostile and broken input": each case gets a clear rejection or error, never a crash.</summary>
public class HostileInputTests
{
    [Fact]
    public void TruncatedLastLineIsOneRejectionAndEverythingBeforeCounts()
    {
        using var files = new TestFiles();
        var last = Hostile.GoodOrder("o3");
        var path = files.Write("cut.jsonl", Json.Lines(Hostile.GoodOrder("o1"), Hostile.GoodOrder("o2")) + last[..(last.Length / 2)]);

        var run = Hostile.Read(path);

        Assert.Equal(2, run.Summaries[0].Accepted);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal(EventRejectionKind.IncompleteRecord, rejection.Kind);
        Assert.StartsWith("incomplete last record: the file ends in the middle of it", rejection.Reason);
        Assert.Equal(20.00m, run.Top().Single().TotalSpend);
    }

    [Fact]
    public void TruncatedArrayIsOneRejectionAndEverythingBeforeCounts()
    {
        using var files = new TestFiles();
        var text = Json.Array(Hostile.GoodOrder("o1"), Hostile.GoodOrder("o2"), Hostile.GoodOrder("o3"));
        var path = files.Write("cut.json", text[..(text.LastIndexOf("o3", StringComparison.Ordinal) + 10)]);

        var run = Hostile.Read(path);

        Assert.Equal(2, run.Summaries[0].Accepted);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(4, rejection.Line);
        Assert.StartsWith("invalid JSON in the array", rejection.Reason);
    }

    [Fact]
    public void TruncatedGzipNamesTheFileAndKeepsTheRecordsBeforeTheCut()
    {
        using var files = new TestFiles();
        var records = Enumerable.Range(0, 20_000).Select(i => Hostile.GoodOrder("o" + i, "c" + (i % 50))).ToArray();
        var whole = File.ReadAllBytes(files.WriteGzip("whole.jsonl.gz", Json.Lines(records)));
        var path = files.WriteBytes("cut.jsonl.gz", whole[..(whole.Length / 2)]);

        var run = Hostile.Read(path);

        var summary = run.Summaries[0];
        Assert.True(summary.Compressed);
        Assert.InRange(summary.Accepted, 1000, records.Length - 1000);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Contains("gzip", rejection.Reason);
        Assert.Contains(path, rejection.ToString());

        // Exactly the first Accepted records were taken: the same as reading that prefix uncut.
        var prefix = IngestRun.Of(paths: files.Write("prefix.jsonl", Json.Lines(records[..(int)summary.Accepted])));
        Results.AssertEqual(Results.Of(prefix.Dataset), Results.Of(run.Dataset));
    }

    [Fact]
    public void DirectoryIsAClearErrorNamingIt()
    {
        using var files = new TestFiles();
        var dir = Path.Combine(files.Directory, "events.jsonl");
        Directory.CreateDirectory(dir);

        var error = Assert.ThrowsAny<Exception>(() => IngestRun.Of(paths: dir));

        Assert.True(error is IOException || error is UnauthorizedAccessException, error.GetType().Name);
        Assert.Contains(dir, error.Message);
    }

    [Fact]
    public void MissingFileIsAClearErrorNamingIt()
    {
        using var files = new TestFiles();
        var path = Path.Combine(files.Directory, "absent.jsonl");

        var error = Assert.Throws<FileNotFoundException>(() => IngestRun.Of(paths: path));

        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\r\n  \n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF  \r\n")]
    public void EmptyOrWhitespaceFileReadsNothingAndRanksNoOne(string text)
    {
        using var files = new TestFiles();
        var run = Hostile.Read(files.Write("empty.jsonl", text));

        Assert.Equal(0, run.Summaries[0].RecordsRead);
        Assert.Equal(FileFormat.Empty, run.Summaries[0].Format);
        Assert.Empty(run.Top());
        Assert.Empty(SimpleLtv.WeeklyMetrics(run.Dataset, includeEmptyWeeks: true));
        Assert.Null(run.Dataset.EarliestEvent);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BinaryGarbageIsRejectedWithoutACrash(int seed)
    {
        using var files = new TestFiles();
        var bytes = new byte[256 * 1024];
        new Random(seed).NextBytes(bytes);
        var path = files.WriteBytes("garbage.bin", bytes);

        var serial = Hostile.Read(path);
        var parallel = Hostile.Read(path, parallelism: 2);

        Assert.Equal(0, serial.Summaries[0].Accepted);
        Assert.True(serial.Summaries[0].Rejected > 0);
        Assert.Equal(serial.Rejections.Select(r => (r.Line, r.Reason)), parallel.Rejections.Select(r => (r.Line, r.Reason)));
    }

    [NotRootFact]
    public void UnreadableFileIsAClearErrorNamingIt()
    {
        using var files = new TestFiles();
        var path = files.Write("secret.jsonl", Json.Lines(Hostile.GoodOrder()));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var error = Assert.Throws<UnauthorizedAccessException>(() => IngestRun.Of(paths: path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void LineOverOneMebibyteIsRejectedAndTheNextLineRead()
    {
        var rejection = Hostile.AssertRejectedBetweenGoodRecords(HugeRecord(), array: false, "longer than 1 MiB");
        Assert.InRange(rejection.RawText.Length, 1, RecordLimits.MaxRawTextBytes + 1);
    }

    [Fact]
    public void ArrayElementOverOneMebibyteIsRejectedAndTheNextElementRead() =>
        Hostile.AssertRejectedBetweenGoodRecords(HugeRecord(), array: true, "longer than 1 MiB");

    [Fact]
    public void TenThousandLevelsOfNestingInALineAreRejectedWithoutStackOverflow() =>
        Hostile.AssertRejectedBetweenGoodRecords(Hostile.OrderWith("note", new string('[', 10_000) + new string(']', 10_000)), array: false, "depth");

    [Fact]
    public void TenThousandLevelsOfNestingInAnArrayAreRejectedAndTheNextElementRead() =>
        Hostile.AssertRejectedBetweenGoodRecords(Hostile.OrderWith("note", "{" + string.Concat(Enumerable.Repeat("\"a\":{", 9_999)) + new string('}', 10_000)), array: true, "depth");

    /// <summary>Regression: bad UTF-8 in a string threw DecoderFallbackException out of the reader (Core fix).</summary>
    [Theory]
    [InlineData("customer_id", "\"c\u00e9\"")]
    [InlineData("key", "\"o\u00e9\"")]
    [InlineData("last_name", "\"Zo\u00e9\"")]
    [InlineData("tags", "[{\"k\u00e9y\": \"v\"}]")]
    [InlineData("note", "\"unknown property \u00e9\"")]
    public void InvalidUtf8IsRejectedWithAReasonAndTheNextLineRead(string property, string raw)
    {
        using var files = new TestFiles();
        var bad = Encoding.UTF8.GetBytes(Hostile.OrderWith(property, raw));
        var at = Array.IndexOf(bad, (byte)0xC3);
        bad[at + 1] = 0x28; // 0xC3 0x28: a lead byte without its continuation.
        var bytes = Encoding.UTF8.GetBytes(Hostile.GoodOrder("o1") + "\n").Concat(bad).Concat(Encoding.UTF8.GetBytes("\n" + Hostile.GoodOrder("o2") + "\n")).ToArray();
        var path = files.WriteBytes("bad-utf8.jsonl", bytes);

        var run = Hostile.Read(path);
        var parallel = Hostile.Read(path, parallelism: 2);

        Assert.Equal(2, run.Summaries[0].Accepted);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.Equal("invalid JSON: the record is not valid UTF-8", rejection.Reason);
        Assert.Equal(rejection.Reason, Assert.Single(parallel.Rejections).Reason);

        // The pipeline form turns records into objects, decoding every string: same outcome.
        using var reader = new EventFileReader(path);
        var outcomes = new List<string>();
        while (reader.Read(out var accepted, out var rejected))
        {
            outcomes.Add(accepted?.Key ?? "rejected: " + rejected!.Reason);
        }

        Assert.Equal(new[] { "o1", "rejected: invalid JSON: the record is not valid UTF-8", "o2" }, outcomes);
    }

    [Fact]
    public void ValidNonAsciiUtf8IsDecodedCorrectly()
    {
        using var files = new TestFiles();
        var path = files.Write("utf8.jsonl", Json.Lines(Json.Customer("c1", Hostile.Time, lastName: "Zoë Ødegård 山田"), Hostile.GoodOrder(customer: "c1")));

        var run = Hostile.Read(path);

        Assert.Empty(run.Rejections);
        Assert.Equal("Zoë Ødegård 山田", run.Top().Single().LastName);
    }

    [Theory]
    [InlineData("ndjson")]
    [InlineData("array")]
    public void NulBytesAreRejectedWithAReasonAndTheRestRead(string format)
    {
        using var files = new TestFiles();
        var nul = Hostile.OrderWith("customer_id", "\"c\0d\"");
        var rawNul = Hostile.OrderWith("key", "\"o7\"").Replace(", \"verb\"", "\0, \"verb\"");
        var text = format == "array"
            ? Json.Array(Hostile.GoodOrder("o1"), nul, Hostile.GoodOrder("o2"))
            : Json.Lines(Hostile.GoodOrder("o1"), nul, rawNul, Hostile.GoodOrder("o2"));

        var run = Hostile.Read(files.Write("nul." + format, text));

        Assert.Equal(format == "array" ? 3 : 2, run.Rejections[0].Line);
        Assert.StartsWith("invalid JSON", run.Rejections[0].Reason);
        if (format == "array")
        {
            // A raw NUL is a JSON syntax error; an array cannot be framed past one, and the reason says so.
            Assert.Equal(1, run.Summaries[0].Accepted);
            Assert.Contains("; the rest of the file is not read (", Assert.Single(run.Rejections).Reason);
            Assert.True(run.Summaries[0].ReadInPart);
        }
        else
        {
            Assert.Equal(2, run.Summaries[0].Accepted);
            Assert.Equal(new long[] { 2, 3 }, run.Rejections.Select(r => r.Line));
            Assert.Equal(20.00m, run.Top().Single().TotalSpend);
        }
    }

    [Theory]
    [InlineData("utf-16LE", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16LE", false)]
    public void Utf16FileIsRejectedWithAReason(string encoding, bool bom)
    {
        using var files = new TestFiles();
        var text = Json.Lines(Hostile.GoodOrder("o1"), Hostile.GoodOrder("o2"));
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);
        var preamble = bom ? Encoding.GetEncoding(encoding).GetPreamble() : Array.Empty<byte>();

        var run = Hostile.Read(files.WriteBytes("utf16.jsonl", preamble.Concat(bytes).ToArray()));

        Assert.Equal(0, run.Summaries[0].Accepted);
        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(1, rejection.Line);
        Assert.Contains("UTF-16", rejection.Reason);
    }

    [Theory]
    [InlineData("key")]
    [InlineData("customer_id")]
    [InlineData("total_amount")]
    [InlineData("event_time")]
    public void RepeatedKnownPropertyIsRejected(string property)
    {
        using var files = new TestFiles();
        var twice = Hostile.GoodOrder("o5").Replace("}", $", \"{property}\": \"x\"}}");

        var run = Hostile.Read(files.Write("twice.jsonl", Json.Lines(twice, Hostile.GoodOrder("o1"))));

        Assert.Equal(1, run.Summaries[0].Accepted);
        Assert.Equal($"property '{property}' appears more than once", Assert.Single(run.Rejections).Reason);
    }

    [Theory]
    [InlineData("key", "42", "key must be a string, not a JSON number")]
    [InlineData("key", "{\"id\": \"o1\"}", "key must be a string, not a JSON object")]
    [InlineData("customer_id", "42", "customer_id must be a string, not a JSON number")]
    [InlineData("customer_id", "{\"id\": \"c1\"}", "customer_id must be a string, not a JSON object")]
    [InlineData("customer_id", "[\"c1\"]", "customer_id must be a string, not a JSON array")]
    public void KeyOrCustomerIdOfTheWrongJsonTypeIsRejected(string property, string raw, string reason)
    {
        using var files = new TestFiles();
        var run = Hostile.Read(files.Write("types.jsonl", Json.Lines(Hostile.OrderWith(property, raw), Hostile.GoodOrder())));

        Assert.Equal(1, run.Summaries[0].Accepted);
        Assert.Equal(reason, Assert.Single(run.Rejections).Reason);
    }

    [Theory]
    [InlineData("\"1e400 USD\"")]
    [InlineData("\"-5 USD\"")]
    [InlineData("\"-0.01\"")]
    [InlineData("\"NaN USD\"")]
    [InlineData("\"Infinity USD\"")]
    [InlineData("\"123456789012345678901234567890 USD\"")]
    [InlineData("\"1.1234567890123456789012345678 USD\"")]
    [InlineData("\"1000000000000000 USD\"")]
    [InlineData("1e400")]
    [InlineData("-5")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("\"\"")]
    [InlineData("\"12,50 USD\"")]
    [InlineData("\"12.50 usd\"")]
    public void OutOfRangeOrMalformedAmountIsRejected(string raw)
    {
        using var files = new TestFiles();
        var run = Hostile.Read(files.Write("amount.jsonl", Json.Lines(Hostile.OrderWith("total_amount", raw), Hostile.GoodOrder())));

        Assert.Equal(1, run.Summaries[0].Accepted);
        Assert.StartsWith("total_amount", Assert.Single(run.Rejections).Reason);
        Assert.Equal(10.00m, run.Top().Single().TotalSpend);
    }

    [Fact]
    public void LargestAllowedAmountsSumWithoutOverflow()
    {
        using var files = new TestFiles();
        const string max = "999999999999999.99";
        var orders = Enumerable.Range(0, 10_000).Select(i => Json.Order("o" + i, "c1", Hostile.Time, max + " USD")).ToArray();

        var run = Hostile.Read(files.Write("max.jsonl", Json.Lines(orders)));

        var top = run.Top().Single();
        Assert.Equal(decimal.Parse(max) * 10_000, top.TotalSpend);
        Assert.Equal(52m * 10m * decimal.Parse(max) * 10_000, top.Ltv);

        // The longest lifespan allowed keeps the largest spends far inside decimal's range.
        var longest = run.Top(1, new LtvOptions { LifespanYears = LtvOptions.MaxLifespanYears }).Single();
        Assert.Equal(52m * LtvOptions.MaxLifespanYears * decimal.Parse(max) * 10_000, longest.Ltv);
    }

    [Fact]
    public void LargestAmountWithTwelveDecimalsIsKeptExactly()
    {
        using var files = new TestFiles();
        var run = Hostile.Read(files.Write("max.jsonl", Json.Lines(Json.Order("o1", "c1", Hostile.Time, "999999999999999.999999999999 USD"))));

        // Kept exactly in the dataset; the output figure is rounded to cents.
        Assert.True(EventRecord.TryParse(Json.Order("o1", "c1", Hostile.Time, "999999999999999.999999999999 USD"), null, out var order, out var reason), reason);
        Assert.Equal(999999999999999.999999999999m, order!.AmountUsd);
        Assert.Equal("1000000000000000.00", run.Top().Single().TotalSpend.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0000-12-31T23:00:00Z")]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:30:00-01:00")]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("-0001-01-01T00:00:00Z")]
    [InlineData("2020-01-01T10:00:00+24:00")]
    [InlineData("2020-01-01T10:00:00")]
    [InlineData("2020-02-30T10:00:00Z")]
    public void TimeOutsideYears1To9999OrWithoutAValidOffsetIsRejected(string time)
    {
        using var files = new TestFiles();
        var run = Hostile.Read(files.Write("time.jsonl", Json.Lines(Hostile.OrderWith("event_time", $"\"{time}\""), Hostile.GoodOrder())));

        Assert.Equal(1, run.Summaries[0].Accepted);
        Assert.StartsWith($"event_time '{time}'", Assert.Single(run.Rejections).Reason);
    }

    [Theory]
    [InlineData("2020-01-01T05:00:00+14:00", "2019-12-31T15:00:00.0000000Z")]
    [InlineData("2019-12-31T12:00:00-12:00", "2020-01-01T00:00:00.0000000Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z")]
    [InlineData("0001-01-01T13:00:00+13:00", "0001-01-01T00:00:00.0000000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999Z")]
    [InlineData("9999-12-31T10:59:59-13:00", "9999-12-31T23:59:59.0000000Z")]
    public void ExtremeButValidTimesAreConvertedToUtc(string time, string utc)
    {
        Assert.True(EventRecord.TryParse(Hostile.OrderWith("event_time", $"\"{time}\""), null, out var e, out var reason), reason);
        Assert.Equal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.RoundtripKind), e!.EventTime);
    }

    [Fact]
    public void WindowFromYear1ToYear9999DoesNotOverflow()
    {
        using var files = new TestFiles();
        var path = files.Write("span.jsonl", Json.Lines(
            Json.Order("o1", "c1", "0001-01-01T00:00:00Z", "10.00"),
            Json.Visit("v1", "c1", "9999-12-31T23:59:59.9999999Z")));

        var run = Hostile.Read(path);

        var top = run.Top().Single();
        // 0001-01-01 is a Monday, so its Sunday week starts the day before; 9999-12-31's starts on the 26th.
        var weeks = ((new DateTime(9999, 12, 26) - DateTime.MinValue).Days + 1) / 7 + 1;
        Assert.Equal(weeks, top.TotalWeeks);
        Assert.Equal(Math.Round(520m * 10.00m / weeks, 2, MidpointRounding.AwayFromZero), top.Ltv);
        var weekly = SimpleLtv.WeeklyMetrics(run.Dataset);
        Assert.Equal(new[] { (1, 1), (9999, 52) }, weekly.Select(w => (w.Year, w.Week)));
    }

    [Fact]
    public void AMillionDistinctCustomersWithOneEventEach()
    {
        using var files = new TestFiles();
        var path = Path.Combine(files.Directory, "million.jsonl");
        const int customers = 1_000_000;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            for (var i = 0; i < customers; i++)
            {
                writer.Write("{\"type\":\"ORDER\",\"verb\":\"NEW\",\"key\":\"o");
                writer.Write(i);
                writer.Write("\",\"event_time\":\"2020-01-01T00:00:00Z\",\"customer_id\":\"c");
                writer.Write(i);
                writer.Write("\",\"total_amount\":\"");
                writer.Write(i % 1000);
                writer.Write(".");
                writer.Write((i / 1000 % 100).ToString("00"));
                writer.Write("\"}\n");
            }
        }

        var run = new IngestRun();
        var summary = new FileIngestor { Rejected = run.Rejections.Add }.IngestFile(path, run.Dataset);

        Assert.Empty(run.Rejections);
        Assert.Equal(customers, summary.Accepted);
        Assert.Equal(customers, run.Dataset.CustomerCount);
        Assert.Equal(customers, run.Dataset.DistinctOrders);
        var top = run.Top(3);

        // 999.99 is the top amount: i % 1000 == 999 and i / 1000 % 100 == 99, i.e. i = 99999, 199999, ...
        Assert.Equal(new[] { "c199999", "c299999", "c399999" }, top.Select(c => c.CustomerId));
        Assert.All(top, c => Assert.Equal(999.99m, c.TotalSpend));

        // Whole dollars 0..999 a thousand times each, cents 0..99 ten thousand times each: all in one week.
        var week = Assert.Single(SimpleLtv.WeeklyMetrics(run.Dataset, includeCustomer: id => id == "c999999"));
        Assert.Equal(999.99m, week.OrderAmount);
    }

    private static string HugeRecord() => Hostile.OrderWith("note", "\"" + new string('x', 1_500_000) + "\"");
}
