namespace LtvTools.Core;

/// <summary>One customer's activity in one week.</summary>
public sealed class LtvWeeklyMetric
{
    /// <summary>The customer the row is about.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>ISO 8601 year of the week's Monday.</summary>
    public int Year { get; set; }

    /// <summary>ISO 8601 week number of the week's Monday.</summary>
    public int Week { get; set; }

    /// <summary>
    /// The first day of the week (a Sunday or a Monday), midnight UTC, as a UTC DateTime; the module's type
    /// data makes it print as ISO 8601 in UTC.
    /// </summary>
    public System.DateTime WeekStart { get; set; }

    /// <summary>Distinct site visits in this week (a visit counts in the week of its earliest event).</summary>
    public long SiteVisits { get; set; }

    /// <summary>Orders placed in this week (the week of each order's earliest event).</summary>
    public long Orders { get; set; }

    /// <summary>The USD amounts (each order's latest) of the orders placed in this week.</summary>
    public decimal OrderAmount { get; set; }

    /// <summary>OrderAmount / SiteVisits, or null when the week has no visits.</summary>
    public decimal? SpendPerVisit { get; set; }

    /// <summary>Customer id and ISO week label, such as <c>96f55c7d8f42 2017-W01</c>.</summary>
    public override string ToString() => $"{CustomerId} {Year}-W{Week:00}";
}
