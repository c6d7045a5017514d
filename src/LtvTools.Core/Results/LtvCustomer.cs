namespace LtvTools.Core;

/// <summary>One ranked customer and the figures behind their Simple LTV.</summary>
public sealed class LtvCustomer
{
    /// <summary>Position in the ranking, from 1: by Ltv descending, then CustomerId in ordinal order.</summary>
    public int Rank { get; set; }

    /// <summary>The customer's id.</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>Last name from the customer's latest CUSTOMER event; null when there was none.</summary>
    public string? LastName { get; set; }

    /// <summary>City from the customer's latest CUSTOMER event; null when there was none.</summary>
    public string? City { get; set; }

    /// <summary>State from the customer's latest CUSTOMER event; null when there was none.</summary>
    public string? State { get; set; }

    /// <summary>Distinct site visits.</summary>
    public long SiteVisits { get; set; }

    /// <summary>Distinct orders (an order counts once, whatever its number of updates).</summary>
    public long Orders { get; set; }

    /// <summary>Sum of the (latest) USD amounts of the customer's orders.</summary>
    public decimal TotalSpend { get; set; }

    /// <summary>Weeks in the analysis window, shared by every customer.</summary>
    public long TotalWeeks { get; set; }

    /// <summary>TotalSpend / SiteVisits, or null when the customer has no visits.</summary>
    public decimal? SpendPerVisit { get; set; }

    /// <summary>SiteVisits / TotalWeeks.</summary>
    public decimal VisitsPerWeek { get; set; }

    /// <summary>a: TotalSpend / TotalWeeks, which equals SpendPerVisit × VisitsPerWeek.</summary>
    public decimal WeeklyValue { get; set; }

    /// <summary>52 × a × LifespanYears.</summary>
    public decimal Ltv { get; set; }

    /// <summary>Rank, id and LTV, such as <c>1. 5e1a7c0b3d21 21515.00</c>.</summary>
    public override string ToString() => $"{Rank}. {CustomerId} {Ltv}";
}
