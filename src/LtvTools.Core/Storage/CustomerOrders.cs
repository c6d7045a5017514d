namespace LtvTools.Core;

/// <summary>A customer as the order side knows it: profile versions and order totals, kept current as events arrive.</summary>
internal struct CustomerOrders
{
    /// <summary>
    /// The first profile version, its payload a number in the ledger's <see cref="ProfileTable"/>; payload 0
    /// until a CUSTOMER event arrives (a customer seen only through other events has no profile).
    /// </summary>
    public EventVersion<int> Profile;

    /// <summary>
    /// 0 while the customer has at most one distinct profile version (held in <see cref="Profile"/>); then
    /// the number of its version list, which holds every version, in the ledger's <see cref="VersionLists{TPayload}"/>.
    /// </summary>
    public int ProfileListId;

    public long Orders;

    public decimal TotalSpend;
}
