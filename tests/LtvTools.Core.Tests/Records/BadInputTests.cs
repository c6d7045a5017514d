using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Each bad record is rejected with file, line, an actionable reason and its raw text; the rest still counts.</summary>
public class BadInputTests
{
    private const string Good1 = "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2020-01-01T10:00:00Z\", \"customer_id\": \"c1\"}";
    private const string Good3 = "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2020-01-01T11:00:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"10.00 USD\"}";

    public static TheoryData<string, string, string> BadRecords => new()
    {
        { "UnknownTypeRefund", "{\"type\": \"REFUND\", \"verb\": \"NEW\", \"key\": \"r1\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"5 USD\"}", "unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)" },
        { "WrongVerbForVisit", "{\"type\": \"SITE_VISIT\", \"verb\": \"UPDATE\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "verb 'UPDATE' is not valid for SITE_VISIT (expected NEW)" },
        { "WrongVerbForImage", "{\"type\": \"IMAGE\", \"verb\": \"NEW\", \"key\": \"i9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "verb 'NEW' is not valid for IMAGE (expected UPLOAD)" },
        { "WrongVerbForOrder", "{\"type\": \"ORDER\", \"verb\": \"DELETE\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"5 USD\"}", "verb 'DELETE' is not valid for ORDER (expected NEW or UPDATE)" },
        { "MissingType", "{\"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "missing required property 'type'" },
        { "MissingVerb", "{\"type\": \"SITE_VISIT\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "missing required property 'verb'" },
        { "MissingKey", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "missing required property 'key'" },
        { "NullKey", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": null, \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "missing required property 'key'" },
        { "EmptyKey", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "key must not be empty" },
        { "MissingEventTime", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"customer_id\": \"c1\"}", "missing required property 'event_time'" },
        { "EventTimeYesterday", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"yesterday\", \"customer_id\": \"c1\"}", "event_time 'yesterday' is not ISO 8601 (expected e.g. 2017-01-06T12:46:46.384Z)" },
        { "EventTimeWithoutOffset", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00\", \"customer_id\": \"c1\"}", "event_time '2020-01-01T10:30:00' has no UTC offset (end it with Z or an offset such as +02:00)" },
        { "EventTimeDateOnly", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01\", \"customer_id\": \"c1\"}", "event_time '2020-01-01' is not ISO 8601 (expected e.g. 2017-01-06T12:46:46.384Z)" },
        { "EventTimeFebruary30", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-02-30T10:30:00Z\", \"customer_id\": \"c1\"}", "event_time '2020-02-30T10:30:00Z' is not ISO 8601 (expected e.g. 2017-01-06T12:46:46.384Z)" },
        { "EventTimeBeforeYearOneInUtc", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"0001-01-01T00:30:00+01:00\", \"customer_id\": \"c1\"}", "event_time '0001-01-01T00:30:00+01:00' is outside the range of years 0001 to 9999 in UTC" },
        { "EventTimeAfterYear9999InUtc", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"9999-12-31T23:30:00-01:00\", \"customer_id\": \"c1\"}", "event_time '9999-12-31T23:30:00-01:00' is outside the range of years 0001 to 9999 in UTC" },
        { "FieldNamesAreCaseSensitive", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"Customer_Id\": \"c1\"}", "missing required property 'customer_id' for SITE_VISIT" },
        { "TypeIsCaseSensitive", "{\"type\": \"order\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"5 USD\"}", "unknown type 'order' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)" },
        { "EventTimeAsNumber", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": 1577874600, \"customer_id\": \"c1\"}", "event_time must be a string, not a JSON number" },
        { "MissingCustomerIdForVisit", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\"}", "missing required property 'customer_id' for SITE_VISIT" },
        { "MissingCustomerIdForImage", "{\"type\": \"IMAGE\", \"verb\": \"UPLOAD\", \"key\": \"i9\", \"event_time\": \"2020-01-01T10:30:00Z\"}", "missing required property 'customer_id' for IMAGE" },
        { "MissingCustomerIdForOrder", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"total_amount\": \"5 USD\"}", "missing required property 'customer_id' for ORDER" },
        { "EmptyCustomerId", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"\", \"total_amount\": \"5 USD\"}", "customer_id must not be empty" },
        { "CustomerIdAsNumber", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": 42}", "customer_id must be a string, not a JSON number" },
        { "MissingTotalAmount", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "missing required property 'total_amount' for ORDER" },
        { "CurrencyEurWithoutRate", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"12.34 EUR\"}", "currency 'EUR' has no rate (supply one with -ExchangeRate @{ EUR = <USD per EUR> })" },
        { "LowerCaseCurrency", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"12.34 usd\"}", "total_amount '12.34 usd' currency must be a three-letter upper-case ISO 4217 code such as USD" },
        { "NegativeAmountIsARefund", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"-5.00 USD\"}", "total_amount '-5.00 USD' is negative; refunds are not orders and are not accepted" },
        { "AmountWithExponent", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"1e3 USD\"}", "total_amount '1e3 USD' is not a decimal amount such as \"12.34 USD\"" },
        { "AmountWithCommaDecimal", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"12,34 USD\"}", "total_amount '12,34 USD' is not a decimal amount such as \"12.34 USD\"" },
        { "AmountWith16IntegerDigits", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"1234567890123456 USD\"}", "total_amount '1234567890123456 USD' has more than 15 integer digits" },
        { "AmountWith13Decimals", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"1.1234567890123 USD\"}", "total_amount '1.1234567890123 USD' has more than 12 decimal places" },
        { "RepeatedKnownProperty", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"key\": \"v10\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\"}", "property 'key' appears more than once" },
        { "TagsNotAnArray", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"tags\": \"sale\"}", "tags must be an array of objects" },
        { "RecordIsNotAnObject", "[1, 2, 3]", "the record is a JSON array, not an event object" },
        { "TrailingCommaInRecord", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\",}", "invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. (at byte 110 of the record)" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public void BadRecordIsRejectedWithFileLineReasonAndRawTextWhileGoodRecordsCount(string name, string bad, string reason)
    {
        Assert.NotEmpty(name);
        var (path, run) = IngestText(name + ".jsonl", Json.Lines(Good1, bad, Good3));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Equal(2, rejection.Line);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(bad, rejection.RawText);
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void InvalidJsonLineIsRejectedAndTheNextLinesStillCount()
    {
        const string bad = "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\" \"event_time\": \"2020-01-01T10:30:00Z\"}";
        var (path, run) = IngestText("invalid.jsonl", Json.Lines(Good1, bad, Good3));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((path, 2L, bad), (rejection.Source, rejection.Line, rejection.RawText));
        Assert.Equal("invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'. (at byte 51 of the record)", rejection.Reason);
        AssertGoodRecordsCounted(run);
    }

    [Theory]
    [InlineData("InKey", "{\"type\": \"CUSTOMER\", \"verb\": \"NEW\", \"key\": \"c\u00e9\", \"event_time\": \"2020-01-01T10:30:00Z\"}")]
    [InlineData("InLastName", "{\"type\": \"CUSTOMER\", \"verb\": \"NEW\", \"key\": \"c2\", \"last_name\": \"\u00e9\", \"event_time\": \"2020-01-01T10:30:00Z\"}")]
    [InlineData("InTags", "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"tags\": [{\"k\": \"\u00e9\"}]}")]
    public void InvalidUtf8RecordIsRejectedAndTheNextLinesStillCount(string name, string record)
    {
        Assert.NotEmpty(name);
        using var files = new TestFiles();
        // é is C3 A9 in UTF-8; C3 followed by FF is not UTF-8.
        var bad = Encoding.UTF8.GetBytes(record);
        bad[Array.IndexOf(bad, (byte)0xA9)] = 0xFF;
        var bytes = Encoding.UTF8.GetBytes(Good1 + "\n").Concat(bad).Concat(Encoding.UTF8.GetBytes("\n" + Good3 + "\n")).ToArray();
        var path = files.WriteBytes("utf8.jsonl", bytes);

        foreach (var parallelism in new[] { 1, 2 })
        {
            var run = IngestRun.Of(parallelism: parallelism, paths: path);

            var rejection = Assert.Single(run.Rejections);
            Assert.Equal((2L, "invalid JSON: the record is not valid UTF-8"), (rejection.Line, rejection.Reason));
            AssertGoodRecordsCounted(run);
        }

        var (events, rejections, _) = Results.ReadEvents(path);
        Assert.Equal(2, events.Count);
        Assert.Equal(2, Assert.Single(rejections).Line);
    }

    [Fact]
    public void TruncatedLineIsRejectedAsInvalidJson()
    {
        const string bad = "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\"";
        var (path, run) = IngestText("cut.jsonl", Json.Lines(Good1, bad, Good3));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.StartsWith("invalid JSON: ", rejection.Reason);
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void LineNumbersCountBlankLinesAndCrLf()
    {
        var (path, run) = IngestText("crlf.jsonl", Good1 + "\r\n\r\n   \r\n{\"type\": \"REFUND\"}\r\n" + Good3 + "\r\n");

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(4, rejection.Line);
        Assert.Equal("{\"type\": \"REFUND\"}", rejection.RawText);
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void ArrayElementRejectionNamesTheLineWhereTheElementStarts()
    {
        var text = "[\n" + Good1 + ",\n{\n  \"type\": \"SITE_VISIT\",\n  \"verb\": \"NEW\",\n  \"key\": \"v9\",\n  \"event_time\": \"yesterday\",\n  \"customer_id\": \"c1\"\n},\n" + Good3 + "\n]\n";
        var (path, run) = IngestText("array.json", text);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Equal(3, rejection.Line);
        Assert.Equal("event_time 'yesterday' is not ISO 8601 (expected e.g. 2017-01-06T12:46:46.384Z)", rejection.Reason);
        Assert.Equal("{\n  \"type\": \"SITE_VISIT\",\n  \"verb\": \"NEW\",\n  \"key\": \"v9\",\n  \"event_time\": \"yesterday\",\n  \"customer_id\": \"c1\"\n}", rejection.RawText);
        AssertGoodRecordsCounted(run);
    }

    [Theory]
    [InlineData("Number", "42", "the array element is a JSON number, not an event object")]
    [InlineData("String", "\"event\"", "the array element is a JSON string, not an event object")]
    [InlineData("Null", "null", "the array element is a JSON null, not an event object")]
    [InlineData("Boolean", "true", "the array element is a JSON boolean, not an event object")]
    [InlineData("NestedArray", "[{\"type\": \"ORDER\"}]", "the array element is a JSON array, not an event object")]
    public void ArrayElementThatIsNotAnObjectIsRejectedAndTheArrayGoesOn(string name, string element, string reason)
    {
        Assert.NotEmpty(name);
        var (path, run) = IngestText("array.json", Json.Array(Good1, element, Good3));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((path, 3L, reason, element), (rejection.Source, rejection.Line, rejection.Reason, rejection.RawText));
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void ArraySyntaxErrorEndsTheFileWithOneRejectionNamingThePosition()
    {
        // Line 3 lacks the comma after "key"; everything after it cannot be framed with certainty.
        var text = "[\n" + Good1 + ",\n{\"type\": \"SITE_VISIT\", \"key\": \"v9\" \"verb\": \"NEW\"},\n" + Good3 + "\n]\n";
        var (path, run) = IngestText("broken.json", text);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(path, rejection.Source);
        Assert.Equal(3, rejection.Line);
        Assert.Equal("invalid JSON in the array at line 3, byte 36: '\"' is invalid after a value. Expected either ',', '}', or ']'; the rest of the file is not read (187 bytes, lines 3 to 5)", rejection.Reason);
        Assert.Equal(EventRejectionKind.InvalidFile, rejection.Kind);
        Assert.StartsWith("{\"type\": \"SITE_VISIT\", \"key\": \"v9\" \"verb\"", rejection.RawText);
        var summary = run.Summaries[0];
        Assert.Equal((2L, 1L, 1L), (summary.RecordsRead, summary.Accepted, summary.Rejected));
        Assert.True(summary.ReadInPart);
        Assert.Equal((187L, 3L, 5L, 3L), (summary.Unread!.Bytes, summary.Unread.FirstLine, summary.Unread.LastLine, summary.Unread.Lines));
        Assert.EndsWith("1 rejected, 0 duplicates ignored; read only in part, not read: 187 bytes, lines 3 to 5", summary.ToString());
        Assert.Equal(1, Assert.Single(run.Top()).SiteVisits);
        Assert.Equal(0, run.Top()[0].Orders);
    }

    [Fact]
    public void TrailingCommaInAnArrayIsRejectedInUsersTermsAfterItsEventsCount()
    {
        // A hand-edited file often keeps the comma after its last element; the reader's advice to change
        // its options is meant for programmers and is left out of the reason.
        var (path, run) = IngestText("trailing.json", "[\n" + Good1 + ",\n" + Good3 + ",\n]\n");

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((path, 4L), (rejection.Source, rejection.Line));
        Assert.Equal("invalid JSON in the array at line 4, byte 1: The JSON array contains a trailing comma at the end which is not supported in this mode; the rest of the file is not read (2 bytes, line 4)", rejection.Reason);
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void ArrayThatIsNeverClosedIsRejectedOnce()
    {
        var (path, run) = IngestText("open.json", "[\n" + Good1 + ",\n" + Good3 + "\n");

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal(4, rejection.Line);
        Assert.StartsWith("invalid JSON in the array at line 4, byte 1: ", rejection.Reason);
        Assert.EndsWith("; the file ends before the JSON array is closed (is it truncated?)", rejection.Reason);
        Assert.False(run.Summaries[0].ReadInPart);
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void LineLongerThanOneMebibyteIsRejectedWithoutStoppingTheFile()
    {
        var huge = "{\"type\": \"SITE_VISIT\", \"pad\": \"" + new string('x', RecordLimits.MaxRecordBytes) + "\"}";
        var (path, run) = IngestText("huge.jsonl", Json.Lines(Good1, huge, Good3));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((2L, "the line is longer than 1 MiB, the most a record may be"), (rejection.Line, rejection.Reason));
        Assert.Equal(RecordLimits.MaxRawTextBytes + 1, rejection.RawText.Length);
        Assert.EndsWith("…", rejection.RawText);
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void ArrayElementLongerThanOneMebibyteIsRejectedAndTheArrayGoesOn()
    {
        var huge = "{\"type\": \"SITE_VISIT\", \"pad\": [" + string.Join(", ", Enumerable.Repeat("\"xxxxxxxxxxxxxxxx\"", RecordLimits.MaxRecordBytes / 16)) + "]}";
        var (path, run) = IngestText("huge.json", Json.Array(Good1, huge, Good3));

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((3L, "the array element is longer than 1 MiB, the most a record may be"), (rejection.Line, rejection.Reason));
        AssertGoodRecordsCounted(run);
    }

    [Fact]
    public void Utf16FileIsRefusedWithAReason()
    {
        using var files = new TestFiles();
        var path = files.WriteBytes("utf16.jsonl", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Json.Lines(Good1))).ToArray());

        var run = IngestRun.Of(paths: path);

        var rejection = Assert.Single(run.Rejections);
        Assert.Equal((1L, "the file is UTF-16 (or another two-byte encoding); save it as UTF-8"), (rejection.Line, rejection.Reason));
        Assert.Equal((1L, 0L, 1L), (run.Summaries[0].RecordsRead, run.Summaries[0].Accepted, run.Summaries[0].Rejected));
    }

    [Fact]
    public void EveryRecordReadIsAcceptedOrRejected()
    {
        var visit = Json.Visit("v2", "c1", "2020-01-01T12:00:00Z");
        var (path, run) = IngestText("mixed.jsonl", Json.Lines(
            Good1, "{\"type\": \"REFUND\"}", visit, visit, "not json", Good3, "", "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o2\", \"event_time\": \"2020-01-01T10:30:00Z\", \"customer_id\": \"c1\", \"total_amount\": \"1 EUR\"}"));

        var s = run.Summaries[0];
        Assert.Equal((7L, 4L, 3L, 1L), (s.RecordsRead, s.Accepted, s.Rejected, s.DuplicatesIgnored));
        Assert.Equal(s.Accepted + s.Rejected, s.RecordsRead);
        Assert.Equal(new long[] { 2, 5, 8 }, run.Rejections.Select(r => r.Line));
        Assert.Equal(4, run.Dataset.EventsAccepted);
        Assert.Equal(1, run.Dataset.DuplicatesIgnored);
        Assert.Equal($"{path}: 7 read, 4 accepted, 3 rejected, 1 duplicate ignored", s.ToString());
    }

    [Fact]
    public void RejectionsReachTheCallerAsDataInInputOrder()
    {
        using var files = new TestFiles();
        var path = files.Write("two.jsonl", Json.Lines("{\"type\": \"REFUND\"}", Good1, "{}"));
        var received = new List<EventRejection>();
        var ingestor = new FileIngestor { MaxDegreeOfParallelism = 1, Rejected = received.Add };

        ingestor.IngestFile(path, new LtvDataset());

        Assert.Equal(new[] { (1L, "unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)"), (3L, "missing required property 'type'") }, received.Select(r => (r.Line, r.Reason)));
        Assert.Equal($"{path}:1: unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)", received[0].ToString());
    }

    [Fact]
    public void SingleRecordValidationGivesTheSameReasonAsFiles()
    {
        Assert.False(EventRecord.TryParse("{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v9\", \"event_time\": \"yesterday\", \"customer_id\": \"c1\"}", null, out var e, out var reason));
        Assert.Null(e);
        Assert.Equal("event_time 'yesterday' is not ISO 8601 (expected e.g. 2017-01-06T12:46:46.384Z)", reason);
    }

    [Fact]
    public void SingleRecordFromPropertiesIsValidatedWithTheFileRules()
    {
        var properties = new Dictionary<string, object?>
        {
            ["type"] = "ORDER", ["verb"] = "NEW", ["key"] = "o1", ["event_time"] = new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc),
            ["customer_id"] = "c1", ["total_amount"] = "-1 USD",
        };

        Assert.False(EventRecord.TryFromProperties(properties, null, out _, out var reason, out var json));
        Assert.Equal("total_amount '-1 USD' is negative; refunds are not orders and are not accepted", reason);
        Assert.Contains("\"event_time\":\"2020-01-01T10:00:00Z\"", json);

        properties["total_amount"] = "1.50";
        Assert.True(EventRecord.TryFromProperties(properties, null, out var e, out _, out _));
        Assert.Equal((1.50m, "USD", Results.Utc("2020-01-01T10:00:00Z")), (e!.TotalAmount, e.Currency, e.EventTime));
    }

    /// <summary>Writes one file and ingests it; the path is what rejections must name.</summary>
    private static (string Path, IngestRun Run) IngestText(string name, string text)
    {
        using var files = new TestFiles();
        var path = files.Write(name, text);
        return (path, IngestRun.Of(paths: path));
    }

    private static void AssertGoodRecordsCounted(IngestRun run)
    {
        var summary = run.Summaries[0];
        Assert.Equal((3L, 2L, 1L), (summary.RecordsRead, summary.Accepted, summary.Rejected));
        var c = Assert.Single(run.Top());
        Assert.Equal(("c1", 1L, 1L, 10.00m), (c.CustomerId, c.SiteVisits, c.Orders, c.TotalSpend));
    }
}
