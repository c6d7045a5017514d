namespace LtvTools.Core;

/// <summary>One ranked customer and the figures behind their Simple LTV.</summary>
public sealed class LtvCustomer
{
    public int Rank { get; set; }

    public string CustomerId { get; set; } = string.Empty;

    public string? LastName { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public long SiteVisits { get; set; }

    public long Orders { get; set; }

    /// <summary>Sum of the (latest) USD amounts of the customer's orders.</summary>
    public decimal TotalSpend { get; set; }

    /// <summary>Weeks in the analysis window, shared by every customer.</summary>
    public long TotalWeeks { get; set; }

    /// <summary>TotalSpend / SiteVisits, or null when the customer has no visits.</summary>
    public decimal? SpendPerVisit { get; set; }

    public decimal VisitsPerWeek { get; set; }

    /// <summary>a: TotalSpend / TotalWeeks, which equals SpendPerVisit × VisitsPerWeek.</summary>
    public decimal WeeklyValue { get; set; }

    /// <summary>52 × a × LifespanYears.</summary>
    public decimal Ltv { get; set; }

    public override string ToString() => $"{Rank}. {CustomerId} {Ltv}";
}
