namespace LtvTools.Core
{
    /// <summary>Everything the dataset knows about one customer, joined from its visit side and its order side.</summary>
    internal readonly struct CustomerState
    {
        public CustomerState(CompactKey key, long siteVisits, CustomerOrders orders)
        {
            Key = key;
            SiteVisits = siteVisits;
            Orders = orders.Orders;
            TotalSpend = orders.TotalSpend;
            Profile = orders.Profile;
        }

        public CompactKey Key { get; }

        /// <summary>Null when no CUSTOMER event arrived: a customer seen only through other events has an empty profile.</summary>
        public EventVersions<CustomerProfile>? Profile { get; }

        public long SiteVisits { get; }

        public long Orders { get; }

        public decimal TotalSpend { get; }

        /// <summary>The id as text.</summary>
        public string Id => Key.ToString();
    }
}
