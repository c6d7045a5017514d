using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>How orders become per-customer summaries: occasions, the calibration end and order versions.</summary>
public sealed class CustomerSummaryTests
{
    private static LtvCustomerSummary Only(IngestRun run, string customer, DateTime? end = null, ForecastTimeUnit unit = ForecastTimeUnit.Week) =>
        CustomerForecast.Summarize(run.Dataset, end, unit).Single(s => s.CustomerId == customer);

    [Fact]
    public void Orders_on_one_UTC_day_are_one_occasion_and_the_first_occasion_is_left_out_of_the_monetary_value()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c", "2020-01-01T08:00:00Z", "10.00 USD"),
            Json.Order("o2", "c", "2020-01-01T20:00:00Z", "5.00 USD"),
            Json.Order("o3", "c", "2020-01-08T23:30:00Z", "20.00 USD"),
            Json.Order("o4", "c", "2020-01-09T00:30:00+01:00", "1.50 USD"),
            Json.Order("o5", "c", "2020-01-15T12:00:00Z", "30.00 USD"));

        var summary = Only(run, "c", new DateTime(2020, 1, 29, 0, 0, 0, DateTimeKind.Utc));

        // o4 is 2020-01-08T23:30Z in UTC: the same day as o3. Occasions: Jan 1, Jan 8, Jan 15.
        Assert.Equal(2, summary.Frequency);
        Assert.Equal(2.0, summary.Recency);
        Assert.Equal(4.0, summary.T);
        Assert.Equal((21.50m + 30.00m) / 2, summary.MonetaryValue);
        Assert.Equal(new DateTime(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc), summary.FirstPurchase!.Value.DateTime);
        Assert.Equal(new DateTime(2020, 1, 15, 12, 0, 0, DateTimeKind.Utc), summary.LastPurchase!.Value.DateTime);
    }

    [Fact]
    public void A_single_occasion_has_frequency_recency_and_monetary_value_zero()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c", "2020-01-01T08:00:00Z", "10.00 USD"),
            Json.Order("o2", "c", "2020-01-01T09:00:00Z", "10.00 USD"),
            Json.Visit("v1", "c", "2020-01-15T00:00:00Z"));

        var summary = Only(run, "c", unit: ForecastTimeUnit.Day);

        Assert.Equal(0, summary.Frequency);
        Assert.Equal(0.0, summary.Recency);
        Assert.Equal(0m, summary.MonetaryValue);
        Assert.Equal(14.0, summary.T);
        Assert.Equal(ForecastTimeUnit.Day, summary.TimeUnit);
    }

    [Fact]
    public void The_calibration_end_defaults_to_the_latest_event_of_any_type()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c", "2020-01-01T08:00:00Z", "10.00 USD"),
            Json.Image("i1", "someone-else", "2020-01-22T10:00:00Z"));

        var summary = Only(run, "c");

        Assert.Equal(3.0, summary.T);
        Assert.Equal(new DateTime(2020, 1, 22, 10, 0, 0, DateTimeKind.Utc), summary.CalibrationEnd!.Value.DateTime);
        Assert.DoesNotContain(CustomerForecast.Summarize(run.Dataset), s => s.CustomerId == "someone-else");
    }

    [Fact]
    public void Orders_after_the_calibration_end_are_left_out_and_so_is_a_customer_who_had_only_those()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c", "2020-01-01T00:00:00Z", "10.00 USD"),
            Json.Order("o2", "c", "2020-01-08T00:00:00Z", "20.00 USD"),
            Json.Order("o3", "c", "2020-01-08T00:00:01Z", "40.00 USD"),
            Json.Order("o4", "late", "2020-02-01T00:00:00Z", "40.00 USD"));

        var summaries = CustomerForecast.Summarize(run.Dataset, new DateTime(2020, 1, 8, 0, 0, 0, DateTimeKind.Utc));

        var summary = Assert.Single(summaries);
        Assert.Equal("c", summary.CustomerId);
        Assert.Equal(1, summary.Frequency);
        Assert.Equal(20.00m, summary.MonetaryValue);
        Assert.Equal(1.0, summary.T);
    }

    [Fact]
    public void An_order_counts_at_its_placement_time_with_its_latest_version_as_of_the_calibration_end()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "c", "2020-01-01T00:00:00Z", "10.00 USD"),
            Json.Order("o2", "c", "2020-01-15T00:00:00Z", "20.00 USD"),
            Json.Order("o2", "c", "2020-01-16T00:00:00Z", "25.00 USD", verb: "UPDATE"),
            Json.Order("o2", "c", "2020-03-01T00:00:00Z", "99.00 USD", verb: "UPDATE"));

        var asOfFebruary = Only(run, "c", new DateTime(2020, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var latest = Only(run, "c");

        // Placed on Jan 15 (its earliest event), not on the day of an update.
        Assert.Equal(2.0, asOfFebruary.Recency);
        Assert.Equal(25.00m, asOfFebruary.MonetaryValue);
        Assert.Equal(99.00m, latest.MonetaryValue);
        Assert.Equal(2.0, latest.Recency);
    }

    [Fact]
    public void An_order_moved_to_another_customer_by_a_later_version_counts_for_the_new_customer()
    {
        var run = IngestRun.OfLines(
            Json.Order("o1", "a", "2020-01-01T00:00:00Z", "10.00 USD"),
            Json.Order("o1", "b", "2020-01-02T00:00:00Z", "10.00 USD", verb: "UPDATE"));

        var summaries = CustomerForecast.Summarize(run.Dataset);

        Assert.Equal("b", Assert.Single(summaries).CustomerId);
    }

    [Fact]
    public void Summaries_are_sorted_by_customer_id_and_parallel_ingest_gives_the_same_ones()
    {
        using var files = new TestFiles();
        var path = files.Write("events.jsonl", Json.Lines(SampleEvents.WithTies()));
        var end = new DateTime(2017, 1, 20, 0, 0, 0, DateTimeKind.Utc);
        var serial = CustomerForecast.Summarize(IngestRun.Of(null, 1, path).Dataset, end);
        var parallel = CustomerForecast.Summarize(IngestRun.Of(null, 4, path).Dataset, end);

        Assert.Equal(4, serial.Count);

        Assert.Equal(serial.Select(s => s.CustomerId).OrderBy(id => id, StringComparer.Ordinal), serial.Select(s => s.CustomerId));
        Assert.Equal(
            serial.Select(s => (s.CustomerId, s.Frequency, s.Recency, s.T, s.MonetaryValue, s.FirstPurchase, s.LastPurchase)),
            parallel.Select(s => (s.CustomerId, s.Frequency, s.Recency, s.T, s.MonetaryValue, s.FirstPurchase, s.LastPurchase)));
    }
    [Fact]
    public void Summaries_come_in_ordinal_order_of_ids_of_any_length_and_case()
    {
        // Hex ids of several lengths (packed), others that are not (upper case, too long, non-ASCII).
        var ids = new[] { "b", "cafe", "0cafe", "96f55c7d8f42", "fffffffffffffff", "ffffffffffffffff", "c0", "C1", "c10", "Image-Only", "ä", "a" };
        var dataset = new LtvDataset();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(EventRecord.TryParse(Json.Order("o" + i, ids[i], "2020-01-0" + (1 + (i % 5)) + "T00:00:00Z", "10.00 USD"), null, out var e, out var reason), reason);
            SimpleLtv.Ingest(e!, dataset);
        }

        var summaries = CustomerForecast.Summarize(dataset);

        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), summaries.Select(s => s.CustomerId));
    }
}
