using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// The order side of a dataset: distinct order versions, customer profiles and each customer's order
/// totals. It shares no state with the <see cref="VisitLedger"/>, so the two sides can be filled at once.
/// </summary>
internal sealed class OrderLedger
{
    private readonly CompactKeyMap<CustomerOrders> _customers = new CompactKeyMap<CustomerOrders>();
    private readonly CompactKeyMap<OrderRecord> _orders = new CompactKeyMap<OrderRecord>();
    private readonly ProfileTable _profileTable = new ProfileTable();
    private readonly VersionLists<OrderPayload> _orderVersions = new VersionLists<OrderPayload>();
    private readonly VersionLists<int> _profiles = new VersionLists<int>();

    // Where Touch puts what it read, so the reads are not optimised away; written only by this side's thread.
    private ulong _touched;

    public EventCounters Counters { get; } = new EventCounters();

    public int DistinctOrders => _orders.Count;

    public IEnumerable<(long EarliestTicks, EventVersion<OrderPayload> Winner)> Orders
    {
        get
        {
            foreach (var order in _orders.Values())
            {
                yield return (order.EarliestTicks(_orderVersions), order.Winner(_orderVersions));
            }
        }
    }

    /// <summary>
    /// Every distinct order placed at or before <paramref name="cutoffTicks"/>: its placement time (earliest
    /// event) and its latest version as of the cutoff, as if later events had not arrived yet.
    /// </summary>
    public IEnumerable<(long EarliestTicks, OrderPayload Current)> OrdersAsOf(long cutoffTicks)
    {
        foreach (var order in _orders.Values())
        {
            if (order.ManyId == 0)
            {
                if (order.Single.Ticks <= cutoffTicks)
                {
                    yield return (order.Single.Ticks, order.Single.Payload);
                }

                continue;
            }

            var versions = _orderVersions[order.ManyId];
            if (versions.EarliestTicks > cutoffTicks)
            {
                continue;
            }

            var current = versions.Winner;
            if (current.Ticks > cutoffTicks)
            {
                var found = false;
                foreach (var version in versions.All())
                {
                    if (version.Ticks <= cutoffTicks && (!found || version.Wins(current)))
                    {
                        current = version;
                        found = true;
                    }
                }
            }

            yield return (versions.EarliestTicks, current.Payload);
        }
    }

    /// <summary>The latest profile of a customer, or null when no CUSTOMER event arrived.</summary>
    public CustomerProfile? ProfileOf(in CustomerOrders customer)
    {
        if (customer.ProfileListId != 0)
        {
            return _profileTable[_profiles[customer.ProfileListId].Winner.Payload];
        }

        return customer.Profile.Payload == 0 ? (CustomerProfile?)null : _profileTable[customer.Profile.Payload];
    }

    public IEnumerable<KeyValuePair<CompactKey, CustomerOrders>> Customers => _customers.Entries();

    public bool TryGetCustomer(CompactKey key, out CustomerOrders customer) => _customers.TryGetValue(key, out customer);

    public void EnsureCapacity(long orders, long customers)
    {
        _orders.EnsureCapacity(_orders.Count + orders);
        _customers.EnsureCapacity(_customers.Count + customers);
    }

    /// <summary>Starts loading the table slots that adding this order or profile will use (see <see cref="CompactKeyMap{TValue}.Touch"/>).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Touch(EventType type, CompactKey key, CompactKey customerKey) =>
        _touched ^= type == EventType.Order ? _customers.Touch(customerKey) ^ _orders.Touch(key) : _customers.Touch(key);

    [MethodImpl(HotPath.Optimized)]
    public void AddProfile(CompactKey key, long ticks, long sequence, CustomerProfile profile)
    {
        Counters.Accept(ticks);
        AddProfileVersion(ref _customers.GetOrAdd(key, out _), new EventVersion<int>(ticks, sequence, _profileTable.IdOf(profile)));
    }

    [MethodImpl(HotPath.Optimized)]
    public void AddOrder(CompactKey key, CompactKey customerKey, long ticks, long sequence, decimal amountUsd)
    {
        Counters.Accept(ticks);
        ref var customer = ref _customers.GetOrAdd(customerKey, out _);
        var version = new EventVersion<OrderPayload>(ticks, sequence, new OrderPayload(amountUsd, customerKey));
        ref var slot = ref _orders.GetOrAdd(key, out var added);
        if (added)
        {
            // A new order: one probe of each table, the customer's slot still valid.
            slot = new OrderRecord(version);
            customer.Orders++;
            customer.TotalSpend += amountUsd;
            return;
        }

        AddRepeatedOrderVersion(ref slot, version);
    }

    public void Merge(OrderLedger other)
    {
        foreach (var pair in other._customers.Entries())
        {
            ref var mine = ref _customers.GetOrAdd(pair.Key, out _);
            foreach (var version in other.ProfileVersions(pair.Value))
            {
                var profile = _profileTable.IdOf(other._profileTable[version.Payload]);
                AddProfileVersion(ref mine, new EventVersion<int>(version.Ticks, version.Sequence, profile));
            }
        }

        foreach (var pair in other._orders.Entries())
        {
            foreach (var version in pair.Value.All(other._orderVersions))
            {
                ref var slot = ref _orders.GetOrAdd(pair.Key, out var added);
                if (added)
                {
                    slot = new OrderRecord(version);
                    Count(version.Payload, +1);
                }
                else
                {
                    AddRepeatedOrderVersion(ref slot, version);
                }
            }
        }

        // Duplicates inside the other ledger were counted there; collisions were counted above.
        Counters.Add(other.Counters);
    }

    [MethodImpl(HotPath.Optimized)]
    private void AddProfileVersion(ref CustomerOrders customer, EventVersion<int> version)
    {
        if (customer.ProfileListId != 0)
        {
            if (!_profiles[customer.ProfileListId].Add(version))
            {
                Counters.Duplicates++;
            }

            return;
        }

        var single = customer.Profile;
        if (single.Payload == 0)
        {
            customer.Profile = version;
            return;
        }

        if (single.Ticks == version.Ticks && single.Payload == version.Payload)
        {
            // An exact repeat: the earlier input position stands for both, as in a version list.
            if (version.Sequence < single.Sequence)
            {
                customer.Profile = version;
            }

            Counters.Duplicates++;
            return;
        }

        // A second distinct version: from now on the list holds them all.
        var versions = new EventVersions<int>(single);
        versions.Add(version);
        customer.ProfileListId = _profiles.Add(versions);
    }

    /// <summary>Every distinct profile version of <paramref name="customer"/> (none, the inline one, or its list).</summary>
    private IEnumerable<EventVersion<int>> ProfileVersions(CustomerOrders customer)
    {
        if (customer.ProfileListId != 0)
        {
            foreach (var version in _profiles[customer.ProfileListId].All())
            {
                yield return version;
            }
        }
        else if (customer.Profile.Payload != 0)
        {
            yield return customer.Profile;
        }
    }

    private void AddRepeatedOrderVersion(ref OrderRecord order, EventVersion<OrderPayload> version)
    {
        var before = order.Winner(_orderVersions).Payload;
        if (!order.Add(version, _orderVersions))
        {
            Counters.Duplicates++;
        }

        var after = order.Winner(_orderVersions).Payload;
        if (!before.Equals(after))
        {
            Count(before, -1);
            Count(after, +1);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void Count(OrderPayload order, int sign)
    {
        ref var customer = ref _customers.GetOrAdd(order.Customer, out _);
        customer.Orders += sign;
        customer.TotalSpend += sign > 0 ? order.AmountUsd : -order.AmountUsd;
    }
}
