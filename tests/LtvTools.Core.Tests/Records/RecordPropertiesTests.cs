using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Objects given as properties (pipeline input) pass the file rules under either the file's names or the
/// LtvEvent names, in any case: what this module's own events look like after Export-Csv / Import-Csv.
/// </summary>
public class RecordPropertiesTests
{
    private static LtvEvent Accept(IEnumerable<KeyValuePair<string, object?>> properties, ExchangeRateTable? rates = null)
    {
        Assert.True(EventRecord.TryFromProperties(properties, rates, out var e, out var reason, out _), reason);
        return e!;
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Name, c => c.Value);

    [Fact]
    public void An_order_exported_as_csv_text_is_the_same_event_as_the_file_record()
    {
        // Every cell of an Import-Csv row is a string; empty cells are empty strings.
        var fromCsv = Accept(Row(
            ("Type", "ORDER"), ("Verb", "UPDATE"), ("Key", "7a9c2e4b6d80"), ("EventTime", "2017-01-09T15:02:17Z"),
            ("LastName", ""), ("AdrCity", ""), ("AdrState", ""), ("CustomerId", "5e1a7c0b3d21"), ("Tags", ""),
            ("CameraMake", ""), ("CameraModel", ""), ("TotalAmount", "45.50"), ("Currency", "USD"), ("AmountUsd", "45.50")));
        Assert.True(EventRecord.TryParse("{\"type\": \"ORDER\", \"verb\": \"UPDATE\", \"key\": \"7a9c2e4b6d80\", \"event_time\": \"2017-01-09T15:02:17Z\", \"customer_id\": \"5e1a7c0b3d21\", \"total_amount\": \"45.50 USD\"}", null, out var fromFile, out _));

        Assert.Equal(fromFile!.ToRow(), fromCsv.ToRow());
        Assert.Null(fromCsv.LastName);
        Assert.Equal(45.50m, fromCsv.AmountUsd);
    }

    [Fact]
    public void Names_match_in_any_case_and_tags_come_back_from_their_text()
    {
        var visit = Accept(Row(
            ("TYPE", "SITE_VISIT"), ("verb", "NEW"), ("KEY", "v1"), ("eventtime", "2017-01-06T12:45:52.041Z"),
            ("customerid", "c1"), ("tags", "campaign=winter-sale; device=mobile; empty=")));

        Assert.Equal(("SITE_VISIT", "c1", Results.Utc("2017-01-06T12:45:52.041Z")), (visit.Type, visit.CustomerId, (UtcTimestamp)visit.EventTime));
        Assert.Equal("campaign=winter-sale; device=mobile; empty=", visit.Tags!.ToString());
        Assert.Equal("mobile", visit.Tags["device"]);
    }

    [Fact]
    public void A_decimal_TotalAmount_takes_its_Currency_and_is_converted_with_the_rates()
    {
        var rates = new ExchangeRateTable(new Dictionary<string, decimal> { ["EUR"] = 1.08m });
        var order = Row(("Type", "ORDER"), ("Verb", "NEW"), ("Key", "o1"), ("EventTime", new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc)), ("CustomerId", "c1"), ("TotalAmount", 10.50m), ("Currency", "EUR"));

        var e = Accept(order, rates);
        Assert.Equal((10.50m, "EUR", 11.3400m), (e.TotalAmount, e.Currency, e.AmountUsd));

        // Without the rate the order is rejected, as the file record "10.50 EUR" would be; AmountUsd is not trusted.
        order["AmountUsd"] = 11.34m;
        Assert.False(EventRecord.TryFromProperties(order, null, out _, out var reason, out var json));
        Assert.Contains("EUR", reason);
        Assert.Contains("\"total_amount\":\"10.50 EUR\"", json);
    }

    [Fact]
    public void An_amount_without_a_currency_is_USD_as_a_bare_file_amount_is()
    {
        var e = Accept(Row(("type", "ORDER"), ("verb", "NEW"), ("key", "o1"), ("event_time", "2020-01-01T10:00:00Z"), ("customer_id", "c1"), ("TotalAmount", "7.25")));

        Assert.Equal((7.25m, "USD"), (e.TotalAmount, e.Currency));
    }

    [Theory]
    [InlineData("CustomerId", "c2", "customer_id")]
    [InlineData("TotalAmount", "1.00", "total_amount")]
    public void A_field_given_under_both_names_is_rejected_not_guessed(string alias, string value, string field)
    {
        var order = Row(("type", "ORDER"), ("verb", "NEW"), ("key", "o1"), ("event_time", "2020-01-01T10:00:00Z"), ("customer_id", "c1"), ("total_amount", "2.00 USD"), (alias, value));

        Assert.False(EventRecord.TryFromProperties(order, null, out _, out var reason, out _));
        Assert.Contains(field, reason);
    }

    [Fact]
    public void EventTime_and_Tags_written_as_their_public_properties_come_back()
    {
        // What ConvertTo-Json writes for an LtvEvent's EventTime and Tags, as ConvertFrom-Json reads it back.
        var time = Results.Utc("2017-01-06T12:45:52.041Z");
        var visit = Accept(Row(
            ("Type", "SITE_VISIT"), ("Verb", "NEW"), ("Key", "v1"), ("CustomerId", "c1"),
            ("EventTime", Row(("DateTime", time.DateTime), ("DateTimeOffset", time.DateTimeOffset), ("Ticks", time.Ticks), ("Year", 2017L), ("Date", time.Date)).ToList()),
            ("Tags", Row(("Count", 2L), ("Keys", new List<object?> { "campaign", "size" }), ("Values", new List<object?> { "winter-sale", 42L })).ToList())));

        Assert.Equal(time, visit.EventTime);
        Assert.Equal("campaign=winter-sale; size=42", visit.Tags!.ToString());
    }

    [Theory]
    [InlineData("Keys", "one key")]
    [InlineData("Ticks", "not a number")]
    public void Other_object_shapes_for_EventTime_and_Tags_are_rejected(string member, string value)
    {
        var shape = Row((member, value), ("Values", new List<object?> { "v" })).ToList();
        var visit = Row(("Type", "SITE_VISIT"), ("Verb", "NEW"), ("Key", "v1"), ("CustomerId", "c1"), ("EventTime", "2017-01-06T12:45:52Z"), ("Tags", null));
        visit[member == "Keys" ? "Tags" : "EventTime"] = shape;

        Assert.False(EventRecord.TryFromProperties(visit, null, out _, out var reason, out _));
        Assert.Contains(member == "Keys" ? "tags" : "event_time", reason);
    }

    [Fact]
    public void Tags_text_that_is_not_name_value_pairs_is_rejected()
    {
        var visit = Row(("Type", "SITE_VISIT"), ("Verb", "NEW"), ("Key", "v1"), ("EventTime", "2017-01-06T12:45:52Z"), ("CustomerId", "c1"), ("Tags", "just words"));

        Assert.False(EventRecord.TryFromProperties(visit, null, out _, out var reason, out _));
        Assert.Contains("tags", reason);
    }
}
