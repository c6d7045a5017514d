using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Every accepted event becomes one LtvEvent with all fields, in the contract's order, nulls where absent.</summary>
public class FlatteningTests
{
    private static LtvEvent Flatten(string json, ExchangeRateTable? rates = null)
    {
        Assert.True(EventRecord.TryParse(json, rates, out var e, out var reason), reason);
        return e!;
    }

    [Fact]
    public void FieldNamesAreInContractOrder()
    {
        Assert.Equal(
            new[] { "Type", "Verb", "Key", "EventTime", "LastName", "AdrCity", "AdrState", "CustomerId", "Tags", "CameraMake", "CameraModel", "TotalAmount", "Currency" },
            LtvEvent.FieldNames);
    }

    [Fact]
    public void OrderFlattensToTheContractExampleRow()
    {
        var e = Flatten("{\"type\": \"ORDER\", \"verb\": \"NEW\", \"key\": \"68d84e5d1a43\", \"event_time\": \"2017-01-06T12:55:55.555Z\", \"customer_id\": \"96f55c7d8f42\", \"total_amount\": \"12.34 USD\"}");

        var row = e.ToRow();

        Assert.Equal(LtvEvent.FieldNames.Count, row.Length);
        Assert.Equal(
            new object?[] { "ORDER", "NEW", "68d84e5d1a43", Results.Utc("2017-01-06T12:55:55.555Z"), null, null, null, "96f55c7d8f42", null, null, null, 12.34m, "USD" },
            row);
        Assert.Equal("2017-01-06T12:55:55.555Z", row[3]!.ToString());
        Assert.IsType<decimal>(row[11]);
        Assert.Equal(12.34m, e.AmountUsd);
    }

    [Fact]
    public void CustomerFlattensWithProfileAndItsKeyAsCustomerId()
    {
        var e = Flatten(Json.Customer("96f55c7d8f42", "2017-01-06T12:46:46.384Z", verb: "UPDATE"));

        Assert.Equal(
            new object?[] { "CUSTOMER", "UPDATE", "96f55c7d8f42", Results.Utc("2017-01-06T12:46:46.384Z"), "Smith", "Middletown", "AK", "96f55c7d8f42", null, null, null, null, null },
            e.ToRow());
    }

    [Fact]
    public void SiteVisitFlattensWithTagsAndNulls()
    {
        var e = Flatten(Json.Visit("ac05e815502f", "96f55c7d8f42", "2017-01-06T12:45:52.041Z"));

        var row = e.ToRow();

        Assert.Equal(
            new object?[] { "SITE_VISIT", "NEW", "ac05e815502f", Results.Utc("2017-01-06T12:45:52.041Z"), null, null, null, "96f55c7d8f42" },
            row.Take(8));
        Assert.Equal("some key=some value", row[8]!.ToString());
        Assert.Equal(new object?[] { null, null, null, null }, row.Skip(9));
    }

    [Fact]
    public void ImageFlattensWithCameraFields()
    {
        var e = Flatten(Json.Image("d8ede43b1d9f", "96f55c7d8f42", "2017-01-06T12:47:12.344Z"));

        Assert.Equal(
            new object?[] { "IMAGE", "UPLOAD", "d8ede43b1d9f", Results.Utc("2017-01-06T12:47:12.344Z"), null, null, null, "96f55c7d8f42", null, "Canon", "EOS 80D", null, null },
            e.ToRow());
    }

    [Fact]
    public void ChallengeSampleFileFlattensEveryEventInInputOrder()
    {
        var (events, rejections, summary) = Results.ReadEvents(TestFiles.ChallengeSample);

        Assert.Empty(rejections);
        Assert.Equal(new[] { "CUSTOMER", "SITE_VISIT", "IMAGE", "ORDER" }, events.Select(e => e.Type));
        Assert.Equal(new[] { "96f55c7d8f42", "ac05e815502f", "d8ede43b1d9f", "68d84e5d1a43" }, events.Select(e => e.Key));
        Assert.All(events, e => Assert.Equal("96f55c7d8f42", e.CustomerId));
        Assert.Equal(FileFormat.JsonArray, summary.Format);
    }

    [Fact]
    public void TagsKeepTheirOrderAndReadAsNameEqualsValue()
    {
        var e = Flatten("{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\", " +
                        "\"tags\": [{\"some key\": \"some value\"}, {\"color\": \"red\", \"size\": 42}, {\"a\": \"b\"}]}");

        Assert.Equal(new[] { "some key", "color", "size", "a" }, e.Tags!.Keys);
        Assert.Equal(new[] { "some value", "red", "42", "b" }, e.Tags.Values);
        Assert.Equal("red", e.Tags["color"]);
        Assert.Null(e.Tags["missing"]);
        Assert.Equal("some key=some value; color=red; size=42; a=b", e.Tags.ToString());
    }

    [Fact]
    public void RepeatedTagNameKeepsItsFirstPositionAndLastValue()
    {
        var e = Flatten("{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\", " +
                        "\"tags\": [{\"a\": \"1\"}, {\"b\": \"2\"}, {\"a\": \"3\"}]}");

        Assert.Equal("a=3; b=2", e.Tags!.ToString());
    }

    [Theory]
    [InlineData("OffsetWithColon", "2017-01-06T14:00:00+02:00")]
    [InlineData("OffsetWithoutColon", "2017-01-06T14:00:00+0200")]
    [InlineData("LongFractionDroppedBeyondTicks", "2017-01-06T12:00:00.00000001Z")]
    [InlineData("NegativeOffset", "2017-01-06T10:30:00-01:30")]
    public void EventTimeFormsAllMeanTheSameInstant(string name, string time)
    {
        Assert.NotEmpty(name);

        Assert.Equal("2017-01-06T12:00:00Z", ((UtcTimestamp)Flatten(Json.Visit("v1", "c1", time)).EventTime).ToString());
    }

    [Fact]
    public void VisitWithoutTagsHasNullTags()
    {
        var e = Flatten("{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"v1\", \"event_time\": \"2017-01-06T12:45:52Z\", \"customer_id\": \"c1\"}");

        Assert.Null(e.Tags);
    }

    [Fact]
    public void UnknownFieldsAreIgnored()
    {
        var e = Flatten("{\"type\": \"ORDER\", \"note\": {\"nested\": [1, 2, {\"x\": null}]}, \"verb\": \"NEW\", \"key\": \"o1\", \"Key\": 5, " +
                        "\"event_time\": \"2017-01-06T12:55:55Z\", \"customer_id\": \"c1\", \"total_amount\": \"1.50 USD\", \"extra\": true}");

        Assert.Equal(new object?[] { "ORDER", "NEW", "o1", Results.Utc("2017-01-06T12:55:55Z"), null, null, null, "c1", null, null, null, 1.50m, "USD" }, e.ToRow());
    }

    [Fact]
    public void EventTimeWithOffsetIsConvertedToUtc()
    {
        var e = Flatten(Json.Visit("v1", "c1", "2017-01-06T23:30:00.5-02:30"));

        Assert.Equal(new DateTime(2017, 1, 7, 2, 0, 0, 500, DateTimeKind.Utc), (DateTime)e.EventTime);
        Assert.Equal(DateTimeKind.Utc, e.EventTime.Kind);
        Assert.Equal("2017-01-07T02:00:00.500Z", ((UtcTimestamp)e.EventTime).ToString());
    }

    [Fact]
    public void BareDecimalAmountIsUsd()
    {
        var e = Flatten(Json.Order("o1", "c1", "2017-01-06T12:55:55Z", "7.25"));

        Assert.Equal(7.25m, e.TotalAmount);
        Assert.Equal("USD", e.Currency);
        Assert.Equal(7.25m, e.AmountUsd);
    }

    [Fact]
    public void EscapedStringsAreDecoded()
    {
        var e = Flatten("{\"type\": \"CUSTOMER\", \"verb\": \"NEW\", \"key\": \"c\\u00e9\", \"event_time\": \"2017-01-06T12:46:46Z\", \"last_name\": \"O\\\"Brien\", \"adr_city\": null}");

        Assert.Equal("cé", e.Key);
        Assert.Equal("cé", e.CustomerId);
        Assert.Equal("O\"Brien", e.LastName);
        Assert.Null(e.AdrCity);
    }
}
