using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// The fast scanner for plain records must never change a result: every record, plain or not, valid or not,
/// gets the same fields or the same rejection reason as through the general JSON reader.
/// </summary>
public class PlainRecordScannerTests
{
    private static readonly ExchangeRateTable Rates = new(new Dictionary<string, decimal> { ["EUR"] = 1.08m });

    public static TheoryData<string> PlainRecords => new()
    {
        Json.Customer("96f55c7d8f42", "2017-01-06T12:46:46.384Z", "Smith", city: "Middletown", state: "AK"),
        Json.Visit("ac05e815502f", "96f55c7d8f42", "2017-01-06T12:45:52.041Z"),
        Json.Image("d8ede43b1d9f", "96f55c7d8f42", "2017-01-06T12:47:12.344Z"),
        Json.Order("68d84e5d1a43", "96f55c7d8f42", "2017-01-06T12:55:55.555Z", "12.34 USD"),
        "{\"type\":\"SITE_VISIT\",\"verb\":\"NEW\",\"key\":\"k\",\"event_time\":\"2017-01-06T12:45:52Z\",\"customer_id\":\"c\",\"tags\":[{\"a\":\"b\"},{}]}",
        "{ \"type\" : \"SITE_VISIT\" ,\n  \"verb\": \"NEW\",\r\n\t\"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\", \"tags\": [ ] }",
        "{\"type\": \"CUSTOMER\", \"verb\": \"UPDATE\", \"key\": \"c1\", \"event_time\": \"2017-01-06T12:45:52+02:00\", \"last_name\": null, \"adr_city\": \"Zürich\", \"extra\": \"ignored\"}",
        "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\", \"total_amount\": \"10.00 EUR\", \"tags\": null}",
        "{\"type\": \"REFUND\", \"verb\": \"NEW\", \"key\": \"r1\", \"event_time\": \"2017-01-06T12:45:52Z\"}",
        "{}",
    };

    public static TheoryData<string> OtherShapes => new()
    {
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\\u0031\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\"}",
        "{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"o1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\", \"total_amount\": 12.5}",
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\", \"tags\": [{\"n\": 1}]}",
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\", \"more\": {\"a\": \"b\"}}",
        "{\"type\": \"SITE_VISIT\", \"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\"}",
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\",}",
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\"} {}",
        "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\u0001\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\"}",
        "{\"type\": null, \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\"}",
        "{\"type\": \"SITE_VISIT\", \"verb\": true, \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\"}",
        "[1, 2]",
        "{\"type\": \"SITE_VISIT\"",
    };

    [Theory]
    [MemberData(nameof(PlainRecords))]
    public void Plain_records_take_the_fast_path(string record)
    {
        var fields = default(EventFields);
        Assert.True(PlainRecordScanner.TryScan(Encoding.UTF8.GetBytes(record), ref fields, out _, out _, out _, out _));
    }

    [Theory]
    [MemberData(nameof(OtherShapes))]
    public void Other_shapes_are_left_to_the_general_reader(string record)
    {
        var fields = default(EventFields);
        Assert.False(PlainRecordScanner.TryScan(Encoding.UTF8.GetBytes(record), ref fields, out _, out _, out _, out _));
    }

    [Theory]
    [MemberData(nameof(PlainRecords))]
    [MemberData(nameof(OtherShapes))]
    public void Every_record_reads_as_through_the_general_reader(string record)
    {
        AssertSameAsGeneralReader(Encoding.UTF8.GetBytes(record));
    }

    /// <summary>
    /// Thousands of damaged variants of real records (bytes dropped, doubled or replaced by JSON's special
    /// characters, invalid UTF-8 and control bytes): whatever the scanner takes must read exactly as the
    /// general reader reads it, and whatever it declines still gets the general reader's reason.
    /// </summary>
    [Fact]
    public void Damaged_records_read_as_through_the_general_reader()
    {
        var bases = SampleEvents.WithTies().Concat(new[]
        {
            "{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"k\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c\", \"tags\": [{\"a\": \"b\", \"c\": \"d\"}, {\"e\": \"f\"}]}",
            "{\"type\": \"ORDER\", \"verb\": \"UPDATE\", \"key\": \"o1\", \"event_time\": \"2017-01-06T12:45:52-05:00\", \"customer_id\": \"c1\", \"total_amount\": \"10.00 EUR\"}",
        }).Select(Encoding.UTF8.GetBytes).ToArray();
        var specials = Encoding.UTF8.GetBytes("\"\\{}[],: \t\nnul0-1xZT.é").Concat(new byte[] { 0x01, 0x1F, 0xC3, 0xFF }).ToArray();
        var random = new Random(20261125);
        var plainTaken = 0;
        for (var n = 0; n < 20000; n++)
        {
            var record = bases[random.Next(bases.Length)].ToList();
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits && record.Count > 0; e++)
            {
                var at = random.Next(record.Count);
                switch (random.Next(4))
                {
                    case 0: record.RemoveAt(at); break;
                    case 1: record.Insert(at, record[at]); break;
                    case 2: record[at] = specials[random.Next(specials.Length)]; break;
                    default: record.Insert(at, specials[random.Next(specials.Length)]); break;
                }
            }

            var bytes = record.ToArray();
            var fields = default(EventFields);
            if (PlainRecordScanner.TryScan(bytes, ref fields, out _, out _, out _, out _))
            {
                plainTaken++;
            }

            AssertSameAsGeneralReader(bytes);
        }

        // The damage must leave many records in the plain shape, or this test would not test the scanner.
        Assert.True(plainTaken > 2000, $"only {plainTaken} damaged records took the fast path");
    }

    private static void AssertSameAsGeneralReader(byte[] record)
    {
        var fast = EventRecordParser.TryParse(record, Rates, out var fastFields, out var fastReason);
        var fastEvent = fast ? Describe(fastFields.ToEvent()) : null;
        var general = EventRecordParser.TryParseWithReader(record, Rates, out var generalFields, out var generalReason);
        var generalEvent = general ? Describe(generalFields.ToEvent()) : null;
        var shown = Encoding.UTF8.GetString(record);
        Assert.True(general == fast, $"accepted {fast} vs {general} for {shown}");
        Assert.True(generalReason == fastReason, $"reason '{fastReason}' vs '{generalReason}' for {shown}");
        Assert.True(generalEvent == fastEvent, $"event {fastEvent} vs {generalEvent} for {shown}");
    }

    private static string Describe(LtvEvent e) => string.Join(
        "|",
        e.Type,
        e.Verb,
        e.Key,
        e.CustomerId,
        e.EventTime.Ticks,
        e.LastName,
        e.AdrCity,
        e.AdrState,
        e.CameraMake,
        e.CameraModel,
        e.TotalAmount,
        e.Currency,
        e.AmountUsd,
        e.Tags?.ToString() ?? "no tags");
}
