namespace LtvTools.Core;

/// <summary>The analysis window: every week from the earliest accepted event's to the latest's, inclusive.</summary>
internal readonly struct WeekWindow
{
    public WeekWindow(long firstWeek, long lastWeek, WeekStart weekStart)
    {
        FirstWeek = firstWeek;
        LastWeek = lastWeek;
        WeekStart = weekStart;
    }

    public long FirstWeek { get; }

    public long LastWeek { get; }

    public WeekStart WeekStart { get; }

    /// <summary>Weeks in the window; at least 1 whenever there is an event, 0 for an empty dataset.</summary>
    public long TotalWeeks => LastWeek - FirstWeek + 1;

    public static WeekWindow Empty(WeekStart weekStart) => new WeekWindow(0, -1, weekStart);

    public static WeekWindow Of(LtvDataset dataset, WeekStart weekStart)
    {
        if (dataset.EarliestEvent is null || dataset.LatestEvent is null)
        {
            return Empty(weekStart);
        }

        return new WeekWindow(
            WeekCalendar.WeekIndex(dataset.EarliestEvent.Value.Ticks, weekStart),
            WeekCalendar.WeekIndex(dataset.LatestEvent.Value.Ticks, weekStart),
            weekStart);
    }
}
