namespace LtvTools.Core
{
    /// <summary>Everything the dataset knows about one customer, kept current as events arrive.</summary>
    internal sealed class CustomerState
    {
        public CustomerState(CompactKey key)
        {
            Key = key;
        }

        public CompactKey Key { get; }

        /// <summary>Null until a CUSTOMER event arrives: a customer seen only through other events has an empty profile.</summary>
        public EventVersions<CustomerProfile>? Profile { get; set; }

        public long SiteVisits { get; set; }

        public long Orders { get; set; }

        public decimal TotalSpend { get; set; }

        private string? _id;

        /// <summary>The id as text, built once and only for customers that are shown.</summary>
        public string Id => _id ??= Key.ToString();
    }
}
