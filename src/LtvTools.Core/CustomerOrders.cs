namespace LtvTools.Core
{
    /// <summary>A customer as the order side knows it: profile versions and order totals, kept current as events arrive.</summary>
    internal struct CustomerOrders
    {
        /// <summary>
        /// 0 until a CUSTOMER event arrives (a customer seen only through other events has an empty profile);
        /// then the number of its profile versions in the ledger's <see cref="VersionLists{TPayload}"/>.
        /// </summary>
        public int ProfileId;

        public long Orders;

        public decimal TotalSpend;
    }
}
