using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>The LTV formula: a = TotalSpend / TotalWeeks; Ltv = 52 × a × LifespanYears; empty weeks count as zero.</summary>
public class LtvFormulaTests
{
    [Fact]
    public void CustomerFiguresFollowTheFormula()
    {
        // 3 visits and 2 orders (60 USD) in a 4-week window.
        var run = IngestRun.OfLines(
            Json.Visit("v1", "c1", "2020-01-01T10:00:00Z"),
            Json.Visit("v2", "c1", "2020-01-02T10:00:00Z"),
            Json.Visit("v3", "c1", "2020-01-20T10:00:00Z"),
            Json.Order("o1", "c1", "2020-01-01T10:05:00Z", "20 USD"),
            Json.Order("o2", "c1", "2020-01-20T10:05:00Z", "40 USD"));

        var c = Assert.Single(run.Top());
        Assert.Equal((3L, 2L, 60m, 4L), (c.SiteVisits, c.Orders, c.TotalSpend, c.TotalWeeks));
        Assert.Equal(20m, c.SpendPerVisit);
        Assert.Equal(0.75m, c.VisitsPerWeek);
        Assert.Equal(15m, c.WeeklyValue);
        Assert.Equal(c.SpendPerVisit * c.VisitsPerWeek, c.WeeklyValue);
        Assert.Equal(7800m, c.Ltv);
    }

    [Fact]
    public void WeeklyValueIsDefinedWithoutVisits()
    {
        var run = IngestRun.OfLines(Json.Order("o1", "c1", "2020-01-01T10:05:00Z", "20 USD"), Json.Image("i1", "c1", "2020-01-08T10:00:00Z"));

        var c = Assert.Single(run.Top());
        Assert.Null(c.SpendPerVisit);
        Assert.Equal(0m, c.VisitsPerWeek);
        Assert.Equal(10m, c.WeeklyValue);
        Assert.Equal(5200m, c.Ltv);
    }

    [Fact]
    public void WeeksWithoutEventsCountAsZero()
    {
        // Same 100 USD per week, but "once" bought only in week 1 of the 2-week window: half the weekly value.
        var run = IngestRun.OfLines(
            Json.Order("o1", "once", "2020-01-01T10:00:00Z", "100 USD"),
            Json.Order("o2", "each", "2020-01-01T10:00:00Z", "100 USD"),
            Json.Order("o3", "each", "2020-01-08T10:00:00Z", "100 USD"));

        var top = run.Top();
        Assert.Equal(new[] { ("each", 100m, 52000m), ("once", 50m, 26000m) }, top.Select(c => (c.CustomerId, c.WeeklyValue, c.Ltv)));
    }

    [Theory]
    [InlineData("FiveYears", "5", "3208.40")]
    [InlineData("TenYearsByDefault", null, "6416.80")]
    [InlineData("HalfAYear", "0.5", "320.84")]
    public void LifespanYearsIsConfigurable(string name, string? years, string expected)
    {
        Assert.NotEmpty(name);
        var options = years is null ? null : new LtvOptions { LifespanYears = decimal.Parse(years, System.Globalization.CultureInfo.InvariantCulture) };

        var top = IngestRun.Of(paths: TestFiles.ChallengeSample).Top(options: options);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(top).Ltv);
    }

    [Fact]
    public void LifespanMustBePositiveAndAtMost1000Years()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LtvOptions { LifespanYears = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LtvOptions { LifespanYears = 1000.01m });
        Assert.Equal(1000m, new LtvOptions { LifespanYears = 1000m }.LifespanYears);
    }

    [Fact]
    public void HugeSpendAtTheLongestLifespanDoesNotOverflow()
    {
        var dataset = new LtvDataset();
        for (var i = 0; i < 1000; i++)
        {
            dataset.Add(new LtvEvent(EventType.Order, "NEW", $"o{i}", new UtcTimestamp(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)))
            {
                CustomerId = "c1",
                TotalAmount = 999_999_999_999_999.999999999999m,
                Currency = "USD",
            });
        }

        var top = Assert.Single(SimpleLtv.TopSimpleLtvCustomers(1, dataset, new LtvOptions { LifespanYears = 1000m }));
        Assert.InRange(top.Ltv, 5.1999e22m, 5.2001e22m);
    }

    [Fact]
    public void LtvDividesLastAndIsShownInCents()
    {
        // 52 × 10 × 1 / 3 = 173.333…, not 52 × 10 × 0.333… (which loses digits), shown as 173.33.
        var run = IngestRun.OfLines(Json.Order("o1", "c1", "2020-01-01T10:00:00Z", "1 USD"), Json.Image("i1", "c1", "2020-01-15T10:00:00Z"));

        var top = Assert.Single(run.Top());
        Assert.Equal("173.33", top.Ltv.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.33", top.WeeklyValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RankingUsesTheExactLtvEvenWhenTheShownCentsAreEqual()
    {
        // Over 100 weeks, 520 × 1.0001 / 100 = 5.200520 and 520 × 1.0002 / 100 = 5.201040 both show 5.20; the
        // larger exact value still ranks first although its id sorts later.
        var run = IngestRun.OfLines(
            Json.Order("o1", "a", "2020-01-01T10:00:00Z", "1.0001 USD"),
            Json.Order("o2", "b", "2020-01-01T10:00:00Z", "1.0002 USD"),
            Json.Image("i1", "a", "2021-11-24T10:00:00Z"));

        var top = run.Top();
        Assert.Equal(100, top[0].TotalWeeks);
        Assert.Equal(new[] { "b", "a" }, top.Select(c => c.CustomerId));
        Assert.Equal(top[0].Ltv, top[1].Ltv);
        Assert.Equal("5.20", top[0].Ltv.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PipelineIngestGivesTheSameResultsAsFileIngest()
    {
        using var files = new TestFiles();
        var path = files.Write("e.jsonl", Json.Lines(SampleEvents.WithTies()));
        var (events, rejections, _) = Results.ReadEvents(path);
        var dataset = new LtvDataset();

        foreach (var e in events)
        {
            SimpleLtv.Ingest(e, dataset);
        }

        Assert.Empty(rejections);
        Assert.Equal(Results.Describe(IngestRun.Of(paths: path).Dataset), Results.Describe(dataset));
    }
}
