namespace LtvTools.Core
{
    /// <summary>One customer's activity in one week.</summary>
    public sealed class LtvWeeklyMetric
    {
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

        public long SiteVisits { get; set; }

        /// <summary>Orders placed in this week (the week of each order's earliest event).</summary>
        public long Orders { get; set; }

        public decimal OrderAmount { get; set; }

        /// <summary>OrderAmount / SiteVisits, or null when the week has no visits.</summary>
        public decimal? SpendPerVisit { get; set; }

        public override string ToString() => $"{CustomerId} {Year}-W{Week:00}";
    }
}
