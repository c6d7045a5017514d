using System;

namespace LtvTools.Core;

/// <summary>
/// Numbers weeks as a continuous count, so a window's length is a subtraction that never depends on
/// year boundaries or on "now". 0001-01-01 is a Monday: Monday weeks are day / 7, and Sunday weeks
/// start one day earlier.
/// </summary>
internal static class WeekCalendar
{
    /// <summary>The continuous index of the week holding <paramref name="utcTicks"/>.</summary>
    public static long WeekIndex(long utcTicks, WeekStart weekStart)
    {
        var day = utcTicks / TimeSpan.TicksPerDay;
        return weekStart == WeekStart.Monday ? day / 7 : (day + 1) / 7;
    }

    /// <summary>The first day of a week. Sunday week 0 would start on 0000-12-31, which is clamped to 0001-01-01.</summary>
    public static UtcTimestamp WeekStartDate(long weekIndex, WeekStart weekStart)
    {
        var day = (weekIndex * 7) - (weekStart == WeekStart.Sunday ? 1 : 0);
        return new UtcTimestamp(Math.Max(0, day) * TimeSpan.TicksPerDay);
    }

    /// <summary>The ISO 8601 year and week number of the week's Monday, which labels the week.</summary>
    public static (int Year, int Week) IsoLabel(long weekIndex)
    {
        // The Monday of week index i is day 7i in both conventions; its Thursday decides the ISO year.
        var thursday = new DateTime(((weekIndex * 7) + 3) * TimeSpan.TicksPerDay, DateTimeKind.Utc);
        return (thursday.Year, ((thursday.DayOfYear - 1) / 7) + 1);
    }
}
