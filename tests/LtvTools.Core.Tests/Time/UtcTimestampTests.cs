using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>EventTime prints as ISO 8601 UTC in every culture, so CSV and table output is unambiguous.</summary>
public class UtcTimestampTests
{
    [Theory]
    [InlineData("WholeSeconds", 0L, "2017-01-06T12:55:55Z")]
    [InlineData("Milliseconds", 5_550_000L, "2017-01-06T12:55:55.555Z")]
    [InlineData("HalfSecondHasThreeDigits", 5_000_000L, "2017-01-06T12:55:55.500Z")]
    [InlineData("Ticks", 1L, "2017-01-06T12:55:55.0000001Z")]
    public void PrintsIso8601Utc(string name, long extraTicks, string expected)
    {
        Assert.NotEmpty(name);
        var t = new UtcTimestamp(new DateTime(2017, 1, 6, 12, 55, 55, DateTimeKind.Utc).Ticks + extraTicks);

        Assert.Equal(expected, t.ToString());
    }

    [Fact]
    public void PrintsTheSameInAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal("2017-01-06T12:55:55.555Z", Results.Utc("2017-01-06T12:55:55.555Z").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ConvertsToAndFromDateTimeAsUtc()
    {
        UtcTimestamp t = new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc);
        DateTime back = t;

        Assert.Equal(DateTimeKind.Utc, back.Kind);
        Assert.Equal(new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc), back);
        Assert.Equal(0, t.CompareTo((object)new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc)));
        Assert.True(t > Results.Utc("2020-01-01T09:59:59Z"));
    }

    [Fact]
    public void LenientParseTakesADateAloneAsUtcMidnight()
    {
        Assert.Equal("2017-01-01T00:00:00Z", UtcTimestamp.Parse("2017-01-01").ToString());
        Assert.Equal("2017-01-01T10:00:00Z", UtcTimestamp.Parse("2017-01-01T12:00:00+02:00").ToString());
    }
}
