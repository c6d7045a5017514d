using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace LtvTools.Core;

/// <summary>
/// One order in the order map. Most orders have a single version, kept inline; a version list is made
/// only when a second, different version arrives, and kept in the ledger's <see cref="VersionLists{TPayload}"/>.
/// Millions of orders then cost no heap objects, and the map holds no references to young ones, which
/// keeps garbage collections short on big inputs.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct OrderRecord
{
    public EventVersion<OrderPayload> Single;

    /// <summary>0 while the order has one version; otherwise the number of its version list.</summary>
    public int ManyId;

    public OrderRecord(EventVersion<OrderPayload> first)
    {
        Single = first;
        ManyId = 0;
    }

    public readonly EventVersion<OrderPayload> Winner(VersionLists<OrderPayload> lists) => ManyId == 0 ? Single : lists[ManyId].Winner;

    /// <summary>Time of the earliest version: the order is placed in this week.</summary>
    public readonly long EarliestTicks(VersionLists<OrderPayload> lists) => ManyId == 0 ? Single.Ticks : lists[ManyId].EarliestTicks;

    public readonly IEnumerable<EventVersion<OrderPayload>> All(VersionLists<OrderPayload> lists) => ManyId == 0 ? new[] { Single } : lists[ManyId].All();

    /// <summary>Adds a version; returns false when it is an exact duplicate of one already held.</summary>
    public bool Add(EventVersion<OrderPayload> version, VersionLists<OrderPayload> lists, IComparer<OrderPayload> tieOrder)
    {
        if (ManyId != 0)
        {
            return lists[ManyId].Add(version);
        }

        if (version.IsSameEvent(Single))
        {
            // The same event again: keep the copy the tie order prefers (it cannot change the totals).
            if (tieOrder.Compare(version.Payload, Single.Payload) > 0)
            {
                Single = version;
            }

            return false;
        }

        var many = new EventVersions<OrderPayload>(Single, tieOrder);
        many.Add(version);
        ManyId = lists.Add(many);
        return true;
    }
}
