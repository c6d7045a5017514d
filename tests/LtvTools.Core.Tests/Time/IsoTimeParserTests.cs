using System.Globalization;
using System.Text;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>Event times read to the tick .NET itself would read, whatever the fraction's length and the offset.</summary>
public class IsoTimeParserTests
{
    [Theory]
    [InlineData("2017-01-06T12:46:46Z", 0)]
    [InlineData("2017-01-06T12:46:46.3Z", 3_000_000)]
    [InlineData("2017-01-06T12:46:46.38Z", 3_800_000)]
    [InlineData("2017-01-06T12:46:46.384Z", 3_840_000)]
    [InlineData("2017-01-06T12:46:46.3841234Z", 3_841_234)]
    [InlineData("2017-01-06T12:46:46.38412349999Z", 3_841_234)]
    public void Fractions_are_read_to_the_tick_and_digits_past_it_are_dropped(string text, long fractionTicks)
    {
        Assert.True(IsoTimeParser.TryParseUtcTicks(Encoding.ASCII.GetBytes(text), out var ticks, out var problem), problem);
        Assert.Equal(new DateTime(2017, 1, 6, 12, 46, 46, DateTimeKind.Utc).Ticks + fractionTicks, ticks);
    }

    [Fact]
    public void Random_times_in_any_offset_read_as_DateTimeOffset_reads_them()
    {
        var random = new Random(20261202);
        for (var n = 0; n < 20000; n++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var local = new DateTime(2 + random.Next(9996), 1, 1).AddDays(random.Next(365)).AddTicks(random.NextInt64(TimeSpan.TicksPerDay));
            var time = new DateTimeOffset(local, offset);
            var fraction = new string('f', random.Next(8));
            var format = "yyyy-MM-dd'T'HH:mm:ss" + (fraction.Length > 0 ? "." + fraction : string.Empty) + (offset == TimeSpan.Zero && random.Next(2) == 0 ? "'Z'" : "zzz");
            var text = time.ToString(format, CultureInfo.InvariantCulture);
            var expected = DateTimeOffset.ParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks;
            Assert.True(IsoTimeParser.TryParseUtcTicks(Encoding.ASCII.GetBytes(text), out var ticks, out var problem), $"{text}: {problem}");
            Assert.True(expected == ticks, $"{text}: {ticks} instead of {expected}");
        }
    }
}
