namespace LtvTools.Core;

/// <summary>Everything the dataset knows about one customer, joined from its visit side and its order side.</summary>
internal readonly struct CustomerState
{
    public CustomerState(CompactKey key, long siteVisits, CustomerOrders orders, CustomerProfile? profile)
    {
        Key = key;
        SiteVisits = siteVisits;
        Orders = orders.Orders;
        TotalSpend = orders.TotalSpend;
        Profile = profile;
    }

    public CompactKey Key { get; }

    /// <summary>The latest profile; null when no CUSTOMER event arrived (a customer seen only through other events).</summary>
    public CustomerProfile? Profile { get; }

    public long SiteVisits { get; }

    public long Orders { get; }

    public decimal TotalSpend { get; }

    /// <summary>The id as text.</summary>
    public string Id => Key.ToString();
}
