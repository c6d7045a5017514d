namespace LtvTools.Core
{
    /// <summary>A customer as the order side knows it: profile versions and order totals, kept current as events arrive.</summary>
    internal struct CustomerOrders
    {
        /// <summary>Null until a CUSTOMER event arrives: a customer seen only through other events has an empty profile.</summary>
        public EventVersions<CustomerProfile>? Profile;

        public long Orders;

        public decimal TotalSpend;
    }
}
