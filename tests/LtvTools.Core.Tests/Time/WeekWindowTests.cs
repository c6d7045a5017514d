using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>The window runs from the earliest event's week to the latest's, counted continuously, never from "now".</summary>
public class WeekWindowTests
{
    private static readonly LtvOptions Monday = new() { WeekStart = WeekStart.Monday };

    private static long Weeks(IngestRun run, WeekStart start) => WeekWindow.Of(run.Dataset, start).TotalWeeks;

    [Fact]
    public void DataFrom2017_01_06To2018_03_28Spans65SundayWeeksNot14()
    {
        var run = IngestRun.OfLines(
            Json.Visit("v1", "c1", "2017-01-06T12:00:00Z"),
            Json.Order("o1", "c1", "2018-03-28T12:00:00Z", "65 USD"));

        var c = Assert.Single(run.Top());
        Assert.Equal(65, c.TotalWeeks);
        Assert.Equal(65, Weeks(run, WeekStart.Sunday));
        Assert.Equal(52m * 10m * 65m / 65m, c.Ltv);
        Assert.Equal(1m, c.WeeklyValue);
    }

    [Fact]
    public void WindowCountsOneWeekForOldDataWhateverTodayIs()
    {
        // Data from 2017 analysed years later: the clock plays no part.
        var run = IngestRun.OfLines(Json.Visit("v1", "c1", "2017-01-06T12:00:00Z"), Json.Order("o1", "c1", "2017-01-07T12:00:00Z", "12.34 USD"));

        Assert.Equal(1, Assert.Single(run.Top()).TotalWeeks);
        Assert.Equal(6416.80m, run.Top()[0].Ltv);
    }

    [Fact]
    public void WindowIsNeverLessThanOneWeekForASingleEvent()
    {
        var run = IngestRun.OfLines(Json.Image("i1", "c1", "2020-01-01T00:00:00Z"));

        Assert.Equal(1, Weeks(run, WeekStart.Sunday));
        Assert.Equal(1, Weeks(run, WeekStart.Monday));
    }

    [Fact]
    public void ImageWidensTheWindowButIsNotAVisit()
    {
        var run = IngestRun.OfLines(
            Json.Visit("v1", "c1", "2020-01-01T10:00:00Z"),
            Json.Order("o1", "c1", "2020-01-01T10:05:00Z", "100 USD"),
            Json.Image("i1", "c2", "2020-01-15T10:00:00Z"));

        var c1 = run.Top().Single(c => c.CustomerId == "c1");
        Assert.Equal(3, c1.TotalWeeks);
        Assert.Equal(1, c1.SiteVisits);
        Assert.Equal(decimal.Round(52m * 10m * 100m / 3m, 2), c1.Ltv);
        Assert.Equal(0, run.Top().Single(c => c.CustomerId == "c2").SiteVisits);
    }

    [Fact]
    public void CustomerEventWidensTheWindow()
    {
        var run = IngestRun.OfLines(
            Json.Customer("c1", "2019-12-25T10:00:00Z"),
            Json.Order("o1", "c1", "2020-01-01T10:05:00Z", "100 USD"));

        Assert.Equal(2, Assert.Single(run.Top()).TotalWeeks);
    }

    [Fact]
    public void SaturdayToSundaySpansTwoSundayWeeksButOneMondayWeek()
    {
        var run = IngestRun.OfLines(Json.Visit("v1", "c1", "2020-01-04T23:59:59Z"), Json.Visit("v2", "c1", "2020-01-05T00:00:00Z"));

        Assert.Equal(2, Weeks(run, WeekStart.Sunday));
        Assert.Equal(1, Weeks(run, WeekStart.Monday));
        Assert.Equal(2, run.Top()[0].TotalWeeks);
        Assert.Equal(1, run.Top(options: Monday)[0].TotalWeeks);
    }

    [Fact]
    public void SundayToMondaySpansOneSundayWeekButTwoMondayWeeks()
    {
        var run = IngestRun.OfLines(Json.Visit("v1", "c1", "2020-01-05T00:00:00Z"), Json.Visit("v2", "c1", "2020-01-06T00:00:00Z"));

        Assert.Equal(1, Weeks(run, WeekStart.Sunday));
        Assert.Equal(2, Weeks(run, WeekStart.Monday));
    }

    [Fact]
    public void WeekBoundaryIsMidnightUtcNotLocalTime()
    {
        // 23:30 on Saturday at -02:00 is 01:30 Sunday UTC: the same Sunday week as the Sunday visit.
        var run = IngestRun.OfLines(Json.Visit("v1", "c1", "2020-01-04T23:30:00-02:00"), Json.Visit("v2", "c1", "2020-01-05T12:00:00Z"));

        Assert.Equal(1, Weeks(run, WeekStart.Sunday));
    }

    [Theory]
    [InlineData("SundayWeekOf2019_12_29IsIso2020W01", "2019-12-29T08:00:00Z", WeekStart.Sunday, 2020, 1, "2019-12-29T00:00:00Z")]
    [InlineData("MondayWeekOf2019_12_29IsIso2019W52", "2019-12-29T08:00:00Z", WeekStart.Monday, 2019, 52, "2019-12-23T00:00:00Z")]
    [InlineData("SundayWeekOf2020_12_27IsIso2020W53", "2020-12-27T08:00:00Z", WeekStart.Sunday, 2020, 53, "2020-12-27T00:00:00Z")]
    [InlineData("MondayWeekOf2020_12_27IsIso2020W52", "2020-12-27T08:00:00Z", WeekStart.Monday, 2020, 52, "2020-12-21T00:00:00Z")]
    [InlineData("SundayWeekOf2021_01_03IsIso2021W01", "2021-01-03T08:00:00Z", WeekStart.Sunday, 2021, 1, "2021-01-03T00:00:00Z")]
    [InlineData("MondayWeekOf2021_01_03IsIso2020W53", "2021-01-03T08:00:00Z", WeekStart.Monday, 2020, 53, "2020-12-28T00:00:00Z")]
    [InlineData("SundayWeekOf2017_01_06IsIso2017W01", "2017-01-06T12:45:52Z", WeekStart.Sunday, 2017, 1, "2017-01-01T00:00:00Z")]
    [InlineData("SaturdayStaysInTheSundayWeekBefore", "2021-01-02T23:59:59Z", WeekStart.Sunday, 2020, 53, "2020-12-27T00:00:00Z")]
    public void WeekIsLabelledWithIsoYearAndWeekOfItsMonday(string name, string time, WeekStart start, int year, int week, string weekStart)
    {
        Assert.NotEmpty(name);
        var run = IngestRun.OfLines(Json.Visit("v1", "c1", time));

        var row = Assert.Single(SimpleLtv.WeeklyMetrics(run.Dataset, new LtvOptions { WeekStart = start }));
        Assert.Equal((year, week), (row.Year, row.Week));
        Assert.Equal(Results.Utc(weekStart), row.WeekStart);
        Assert.Equal(start == WeekStart.Sunday ? DayOfWeek.Sunday : DayOfWeek.Monday, row.WeekStart.DayOfWeek);
    }

    [Fact]
    public void WindowAcrossTheYearBoundaryIsContinuous()
    {
        // Sunday weeks from 2019-12-29 (2020-W01) back to 2019-12-22 and on to 2020-01-05: three weeks.
        var run = IngestRun.OfLines(Json.Visit("v1", "c1", "2019-12-22T10:00:00Z"), Json.Visit("v2", "c1", "2020-01-05T10:00:00Z"));

        Assert.Equal(3, Weeks(run, WeekStart.Sunday));
        var rows = SimpleLtv.WeeklyMetrics(run.Dataset, includeEmptyWeeks: true);
        Assert.Equal(new[] { (2019, 52), (2020, 1), (2020, 2) }, rows.Select(r => (r.Year, r.Week)));
    }

    [Fact]
    public void EmptyDatasetHasZeroWeeks()
    {
        var window = WeekWindow.Of(new LtvDataset(), WeekStart.Sunday);

        Assert.Equal(0, window.TotalWeeks);
    }

    [Fact]
    public void WeekCalendarNumbersWeeksContinuouslyFromYearOne()
    {
        // 0001-01-01 is a Monday: Monday week 0 starts there; Sunday week 0 is clamped to it.
        Assert.Equal(0, WeekCalendar.WeekIndex(0, WeekStart.Monday));
        Assert.Equal(0, WeekCalendar.WeekIndex(0, WeekStart.Sunday));
        Assert.Equal(new UtcTimestamp(0), WeekCalendar.WeekStartDate(0, WeekStart.Sunday));
        var sunday = Results.Utc("2020-01-05T00:00:00Z").Ticks;
        Assert.Equal(WeekCalendar.WeekIndex(sunday, WeekStart.Sunday) - 1, WeekCalendar.WeekIndex(sunday - 1, WeekStart.Sunday));
        Assert.Equal(WeekCalendar.WeekIndex(sunday, WeekStart.Monday), WeekCalendar.WeekIndex(sunday - 1, WeekStart.Monday));
    }
}
