namespace LtvTools.Core
{
    /// <summary>
    /// Everything the dataset knows about one customer, kept current as events arrive. A value stored inline
    /// in the customer map, so updating a customer's totals costs one probe and no pointer chase.
    /// </summary>
    internal struct CustomerState
    {
        public CustomerState(CompactKey key)
        {
            Key = key;
            SiteVisits = 0;
            Orders = 0;
            TotalSpend = 0m;
            Profile = null;
        }

        public CompactKey Key { get; }

        /// <summary>Null until a CUSTOMER event arrives: a customer seen only through other events has an empty profile.</summary>
        public EventVersions<CustomerProfile>? Profile { get; set; }

        public long SiteVisits { get; set; }

        public long Orders { get; set; }

        public decimal TotalSpend { get; set; }

        /// <summary>The id as text.</summary>
        public readonly string Id => Key.ToString();
    }
}
