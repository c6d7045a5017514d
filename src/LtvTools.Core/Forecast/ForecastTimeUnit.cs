namespace LtvTools.Core;

/// <summary>The unit in which a customer summary measures Recency and T, and a forecast its horizon.</summary>
public enum ForecastTimeUnit
{
    /// <summary>Weeks of 7 days (fractional: days / 7), as in the BG/NBD paper's CDNOW analysis.</summary>
    Week = 0,

    /// <summary>Whole days.</summary>
    Day = 1,
}
