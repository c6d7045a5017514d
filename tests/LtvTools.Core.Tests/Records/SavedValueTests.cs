using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// Values as saved events and scripts give them back: the culture-free Amount, DateTimes of each kind, tags
/// as a name-to-value object, and rates written as text.
/// </summary>
public class SavedValueTests
{
    private static Dictionary<string, object?> Order(params (string Name, object? Value)[] extra)
    {
        var row = new Dictionary<string, object?>
        {
            ["Type"] = "ORDER", ["Verb"] = "NEW", ["Key"] = "o1", ["EventTime"] = "2017-01-06T12:00:00Z", ["CustomerId"] = "c1",
        };
        foreach (var (name, value) in extra)
        {
            row[name] = value;
        }

        return row;
    }

    [Fact]
    public void An_event_carries_its_amount_as_culture_free_text_with_at_least_two_decimals()
    {
        Assert.True(EventRecord.TryParse("""{"type": "ORDER", "verb": "NEW", "key": "o1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "c1", "total_amount": "12.3 EUR"}""", new ExchangeRateTable(new Dictionary<string, decimal> { ["EUR"] = 2m }), out var order, out var reason), reason);
        Assert.True(EventRecord.TryParse("""{"type": "ORDER", "verb": "NEW", "key": "o2", "event_time": "2017-01-06T12:00:00Z", "customer_id": "c1", "total_amount": "0.123456789012"}""", null, out var precise, out reason), reason);

        Assert.Equal("12.30 EUR", order!.Amount);
        Assert.Equal("0.123456789012 USD", precise!.Amount);
        Assert.True(EventRecord.TryParse("""{"type": "SITE_VISIT", "verb": "NEW", "key": "v1", "event_time": "2017-01-06T12:00:00Z", "customer_id": "c1"}""", null, out var visit, out _));
        Assert.Null(visit!.Amount);
    }

    [Fact]
    public void Amount_is_read_in_preference_to_a_culture_written_TotalAmount()
    {
        // What Export-Csv wrote in de-DE: TotalAmount "12,34", Amount "12.34 USD".
        Assert.True(EventRecord.TryFromProperties(Order(("TotalAmount", "12,34"), ("Currency", "USD"), ("Amount", "12.34 USD")), null, out var e, out var reason, out _), reason);
        Assert.Equal(12.34m, e!.AmountUsd);

        // Without Amount, "12,34" is not guessed at.
        Assert.False(EventRecord.TryFromProperties(Order(("TotalAmount", "12,34"), ("Currency", "USD")), null, out _, out reason, out _));
        Assert.Equal("total_amount '12,34 USD' is not a decimal amount such as \"12.34 USD\"", reason);
    }

    [Fact]
    public void A_DateTime_of_unspecified_kind_is_rejected_as_a_time_without_an_offset_is()
    {
        var unspecified = new DateTime(2017, 1, 10, 10, 30, 0, DateTimeKind.Unspecified);

        Assert.False(EventRecord.TryFromProperties(Order(("EventTime", unspecified), ("Amount", "1.00 USD")), null, out _, out var reason, out var json));
        Assert.Equal("event_time '2017-01-10T10:30:00' has no UTC offset (end it with Z or an offset such as +02:00)", reason);
        Assert.Contains("\"event_time\":\"2017-01-10T10:30:00\"", json);
    }

    [Fact]
    public void A_UTC_DateTime_is_taken_as_it_is_and_a_local_one_and_a_DateTimeOffset_are_converted()
    {
        var utc = new DateTime(2017, 1, 10, 10, 30, 0, 250, DateTimeKind.Utc);
        foreach (var time in new object[] { utc, utc.ToLocalTime(), new DateTimeOffset(2017, 1, 10, 12, 30, 0, 250, TimeSpan.FromHours(2)) })
        {
            Assert.True(EventRecord.TryFromProperties(Order(("EventTime", time), ("Amount", "1.00 USD")), null, out var e, out var reason, out _), reason);
            Assert.Equal(utc, e!.EventTime);
            Assert.Equal(DateTimeKind.Utc, e.EventTime.Kind);
        }
    }

    [Fact]
    public void Tags_come_back_from_a_name_to_value_object()
    {
        var visit = new Dictionary<string, object?>
        {
            ["Type"] = "SITE_VISIT", ["Verb"] = "NEW", ["Key"] = "v1", ["EventTime"] = "2017-01-06T12:00:00Z", ["CustomerId"] = "c1",
            ["Tags"] = new List<KeyValuePair<string, object?>> { new("campaign", "winter-sale"), new("size", 42L) },
        };

        Assert.True(EventRecord.TryFromProperties(visit, null, out var e, out var reason, out _), reason);
        Assert.Equal("campaign=winter-sale; size=42", e!.Tags!.ToString());
    }

    [Fact]
    public void Tags_enumerate_as_a_read_only_dictionary_in_file_order()
    {
        var tags = new EventTags();
        tags.Set("b", "2");
        tags.Set("a", "1");
        var dictionary = (System.Collections.IDictionary)tags;

        Assert.Equal(new[] { "b", "a" }, dictionary.Keys.Cast<string>());
        Assert.Equal("1", dictionary["a"]);
        Assert.True(dictionary.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => dictionary.Add("c", "3"));
    }

    [Theory]
    [InlineData("1.08", true)]
    [InlineData("2", true)]
    [InlineData("0.0067", true)]
    [InlineData("1,08", false)]
    [InlineData("1,000.5", false)]
    [InlineData("1.0.8", false)]
    [InlineData(" 1.08", false)]
    [InlineData("1e3", false)]
    [InlineData("-1", false)]
    [InlineData(".", false)]
    [InlineData("", false)]
    public void Rates_written_as_text_take_invariant_digits_and_one_point_only(string text, bool valid)
    {
        Assert.Equal(valid, ExchangeRateTable.TryParseRate(text, out var rate));
        if (valid)
        {
            Assert.Equal(decimal.Parse(text, CultureInfo.InvariantCulture), rate);
        }
    }
}
