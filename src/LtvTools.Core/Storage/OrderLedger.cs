using System;
using System.Collections.Generic;
using System.IO;
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
    private readonly CustomerNames _names = new CustomerNames();
    private readonly OrderTieOrder _tieOrder;

    // Where Touch puts what it read, so the reads are not optimised away; written only by this side's thread.
    private ulong _touched;

    public OrderLedger()
    {
        _tieOrder = new OrderTieOrder(_names);
    }

    public EventCounters Counters { get; } = new EventCounters();

    public int DistinctOrders => _orders.Count;

    /// <summary>Every distinct order: its placement time (earliest event) and its latest version's customer and amount.</summary>
    public IEnumerable<(long EarliestTicks, CompactKey Customer, decimal AmountUsd)> Orders
    {
        get
        {
            foreach (var order in _orders.Values())
            {
                var winner = order.Winner(_orderVersions).Payload;
                yield return (order.EarliestTicks(_orderVersions), _names.KeyOf(winner.Customer), winner.AmountUsd);
            }
        }
    }

    /// <summary>
    /// Every distinct order placed at or before <paramref name="cutoffTicks"/>: its placement time (earliest
    /// event) and its latest version as of the cutoff, as if later events had not arrived yet.
    /// </summary>
    public IEnumerable<(long EarliestTicks, CompactKey Customer, decimal AmountUsd)> OrdersAsOf(long cutoffTicks)
    {
        foreach (var order in _orders.Values())
        {
            if (order.ManyId == 0)
            {
                if (order.Single.Ticks <= cutoffTicks)
                {
                    yield return (order.Single.Ticks, _names.KeyOf(order.Single.Payload.Customer), order.Single.Payload.AmountUsd);
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
                    if (version.Ticks <= cutoffTicks && (!found || version.Wins(current, _tieOrder)))
                    {
                        current = version;
                        found = true;
                    }
                }
            }

            yield return (versions.EarliestTicks, _names.KeyOf(current.Payload.Customer), current.Payload.AmountUsd);
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

    public CompactKeyMap<CustomerOrders>.EntryEnumerator Customers => _customers.Entries();

    public bool TryGetCustomer(CompactKey key, out CustomerOrders customer) => _customers.TryGetValue(key, out customer);

    /// <summary>Makes room for about this many more orders and customers (see <see cref="CompactKeyMap{TValue}.Presize"/>).</summary>
    public void Presize(long orders, long customers)
    {
        _orders.Presize(orders);
        _customers.Presize(customers);
    }

    /// <summary>Starts loading the table slots that adding this order or profile will use (see <see cref="CompactKeyMap{TValue}.Touch"/>).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Touch(EventType type, CompactKey key, CompactKey customerKey) =>
        _touched ^= type == EventType.Order ? _customers.Touch(customerKey) ^ _orders.Touch(key) : _customers.Touch(key);

    [MethodImpl(HotPath.Optimized)]
    public void AddProfile(CompactKey key, long ticks, CustomerProfile profile)
    {
        Counters.Accept(ticks);
        AddProfileVersion(ref _customers.GetOrAdd(key, out _), new EventVersion<int>(ticks, _profileTable.IdOf(profile)));
    }

    [MethodImpl(HotPath.Optimized)]
    public void AddOrder(CompactKey key, CompactKey customerKey, long ticks, decimal amountUsd)
    {
        Counters.Accept(ticks);
        ref var customer = ref _customers.GetOrAdd(customerKey, out _);
        var version = new EventVersion<OrderPayload>(ticks, new OrderPayload(amountUsd, _names.NameOf(customerKey)));
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

    /// <summary>
    /// Makes this (empty) ledger a copy of <paramref name="other"/> (version lists one by one), with room for
    /// what <paramref name="roomFor"/> holds when it is to be merged in next.
    /// </summary>
    public void CopyFrom(OrderLedger other, OrderLedger? roomFor = null)
    {
        Counters.CopyFrom(other.Counters);
        _customers.CopyFrom(other._customers, roomFor?._customers.EstimatedCountNotIn(other._customers) ?? 0);
        _orders.CopyFrom(other._orders, roomFor?._orders.Count ?? 0);
        _profileTable.CopyFrom(other._profileTable);
        _names.CopyFrom(other._names);
        _orderVersions.CopyFrom(other._orderVersions, _tieOrder);
        _profiles.CopyFrom(other._profiles, _profileTable);
    }

    [MethodImpl(HotPath.Optimized)]
    public void Merge(OrderLedger other)
    {
        // Room for both first (see VisitLedger.Merge: keys arrive in the other table's slot order).
        _customers.EnsureCapacity(_customers.Count + other._customers.EstimatedCountNotIn(_customers));
        _orders.EnsureCapacity(_orders.Count + other._orders.Count);

        // The other side's totals come in whole with its customers, in its slot order (so near one another
        // here too); only an order both sides hold is set right below. A probe of a customer per order, in a
        // table far larger than the caches, was the slowest part of a merge.
        // The other ledger numbers its profiles its own way: each of its numbers is looked up here once.
        var profileIds = new int[other._profileTable.Count + 1];
        foreach (var pair in other._customers.Entries())
        {
            ref var mine = ref _customers.GetOrAdd(pair.Key, out _);
            mine.Orders += pair.Value.Orders;
            mine.TotalSpend += pair.Value.TotalSpend;
            if (pair.Value.ProfileListId == 0)
            {
                // The usual customer, at most one profile version: no list to walk.
                if (pair.Value.Profile.Payload != 0)
                {
                    AddProfileVersion(ref mine, MineOf(pair.Value.Profile, other, profileIds));
                }

                continue;
            }

            foreach (var version in other._profiles[pair.Value.ProfileListId].All())
            {
                AddProfileVersion(ref mine, MineOf(version, other, profileIds));
            }
        }

        foreach (var pair in other._orders.Entries())
        {
            ref var mine = ref _orders.GetOrAdd(pair.Key, out var added);
            if (!added)
            {
                MergeSharedOrder(ref mine, pair.Value, other);
            }
            else if (pair.Value.ManyId == 0)
            {
                // The usual order, one version of a customer with a hex id: the same bytes here.
                mine = CustomerNames.IsPacked(pair.Value.Single.Payload.Customer) ? pair.Value : new OrderRecord(Adopted(pair.Value.Single, other));
            }
            else
            {
                var theirs = other._orderVersions[pair.Value.ManyId];
                var list = new EventVersions<OrderPayload>(Adopted(theirs.Winner, other), _tieOrder);
                foreach (var version in theirs.All())
                {
                    list.Add(Adopted(version, other));
                }

                mine = new OrderRecord(Adopted(pair.Value.Single, other)) { ManyId = _orderVersions.Add(list) };
            }
        }

        // Duplicates inside the other ledger were counted there; collisions were counted above.
        Counters.Add(other.Counters);
    }

    /// <summary>Every customer this side knows (with orders, a profile, or an order that moved away).</summary>
    public IEnumerable<CompactKey> CustomerKeys
    {
        get
        {
            foreach (var pair in _customers.Entries())
            {
                yield return pair.Key;
            }
        }
    }

    /// <summary>
    /// Writes profiles, customers (totals kept as they are, so a loaded dataset prints the same digits) and
    /// orders with every distinct version; customers are named by <paramref name="numberOf"/>.
    /// </summary>
    /// <returns>Where the orders start (<see cref="DatasetEncoder.Length"/> then).</returns>
    public long Write(DatasetEncoder output, long baseTicks, Func<CompactKey, int> numberOf)
    {
        Counters.Write(output);
        output.WriteVarint((ulong)_profileTable.Count);
        for (var id = 1; id <= _profileTable.Count; id++)
        {
            var profile = _profileTable[id];
            output.WriteText(profile.LastName);
            output.WriteText(profile.City);
            output.WriteText(profile.State);
        }

        output.WriteVarint((ulong)_customers.Count);
        foreach (var pair in _customers.Entries())
        {
            output.WriteVarint((ulong)numberOf(pair.Key));
            output.WriteSigned(pair.Value.Orders);
            output.WriteDecimal(pair.Value.TotalSpend);
            var versions = new List<EventVersion<int>>(ProfileVersions(pair.Value));
            output.WriteVarint((ulong)versions.Count);
            foreach (var version in versions)
            {
                output.WriteSigned(version.Ticks - baseTicks);
                output.WriteVarint((ulong)(version.Payload - 1));
            }
        }

        var ordersStart = output.Length;
        output.WriteVarint((ulong)_orders.Count);
        foreach (var pair in _orders.Entries())
        {
            output.WriteKey(pair.Key);
            if (pair.Value.ManyId == 0)
            {
                output.WriteVarint(1);
                WriteOrderVersion(output, pair.Value.Single, baseTicks, numberOf);
                continue;
            }

            var list = _orderVersions[pair.Value.ManyId];
            output.WriteVarint((ulong)list.Count);
            foreach (var version in list.All())
            {
                WriteOrderVersion(output, version, baseTicks, numberOf);
            }
        }

        return ordersStart;
    }

    /// <summary>
    /// Reads the first part of what <see cref="Write"/> wrote (counters, profiles, customers) into this empty
    /// ledger. It shares nothing with <see cref="ReadOrders"/>, which may run beside it on its own decoder;
    /// <see cref="CheckAfterRead"/> follows both.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public void ReadCustomers(DatasetDecoder input, CompactKey[] customers, long baseTicks)
    {
        Counters.Read(input);
        input.StartTimes();
        var profiles = input.ReadCount(3, "profiles");
        var profileIds = new int[profiles];
        for (var i = 0; i < profiles; i++)
        {
            profileIds[i] = _profileTable.IdOf(new CustomerProfile(input.ReadText(), input.ReadText(), input.ReadText()));
        }

        var customerCount = input.ReadCount(4, "customers with orders or a profile");
        _customers.EnsureCapacity(customerCount);
        for (var i = 0; i < customerCount; i++)
        {
            ref var customer = ref _customers.GetOrAdd(customers[input.ReadIndex(customers.Length, "customer")], out var added);
            if (!added)
            {
                throw new InvalidDataException("a customer's orders are listed twice");
            }

            customer.Orders = input.ReadSigned();
            customer.TotalSpend = input.ReadDecimal();
            var versions = input.ReadCount(2, "profile versions");
            var list = default(EventVersions<int>);
            for (var v = 0; v < versions; v++)
            {
                var version = new EventVersion<int>(input.ReadTicks(baseTicks), profileIds[input.ReadIndex(profiles, "profile")]);
                if (v == 0)
                {
                    customer.Profile = version;
                }
                else
                {
                    if (v == 1)
                    {
                        list = new EventVersions<int>(customer.Profile, _profileTable);
                    }

                    if (!list.Add(version))
                    {
                        throw new InvalidDataException("a profile version is listed twice");
                    }
                }
            }

            if (versions > 1)
            {
                customer.ProfileListId = _profiles.Add(list);
            }
        }

    }

    /// <summary>Reads the orders <see cref="Write"/> wrote (they start where it says): touches only the order table and its version lists.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void ReadOrders(DatasetDecoder input, CompactKey[] customers, long baseTicks)
    {
        var orders = input.ReadCount(12, "orders");
        _orders.EnsureCapacity(orders);
        // Each customer named once, here: orders come in their table's slot order, so their customers come at
        // random, and naming one from the 16-byte keys per order version took longer than all the rest of
        // the decoding (an array of 8-byte names is half the memory to miss in).
        var names = new ulong[customers.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _names.NameOf(customers[i]);
        }

        for (var i = 0; i < orders; i++)
        {
            ref var slot = ref _orders.GetOrAdd(input.ReadKey(), out var added);
            if (!added)
            {
                throw new InvalidDataException("an order is listed twice");
            }

            var versions = input.ReadCount(4, "order versions");
            if (versions == 0)
            {
                throw new InvalidDataException("an order has no version");
            }

            slot = new OrderRecord(ReadOrderVersion(input, names, baseTicks));
            if (versions > 1)
            {
                var list = new EventVersions<OrderPayload>(slot.Single, _tieOrder);
                for (var v = 1; v < versions; v++)
                {
                    if (!list.Add(ReadOrderVersion(input, names, baseTicks)))
                    {
                        throw new InvalidDataException("an order version is listed twice");
                    }
                }

                slot.ManyId = _orderVersions.Add(list);
            }
        }

    }

    /// <summary>
    /// Checks the counters read by <see cref="ReadCustomers"/> against every time read by it and by
    /// <see cref="ReadOrders"/> (from one decoder, or from two).
    /// </summary>
    public void CheckAfterRead(DatasetDecoder customersInput, DatasetDecoder ordersInput)
    {
        var first = customersInput.Times;
        var second = ReferenceEquals(customersInput, ordersInput) ? (Count: 0L, Earliest: long.MaxValue, Latest: long.MinValue) : ordersInput.Times;
        Counters.CheckAfterRead(first.Count + second.Count, Math.Min(first.Earliest, second.Earliest), Math.Max(first.Latest, second.Latest));
    }

    private void WriteOrderVersion(DatasetEncoder output, EventVersion<OrderPayload> version, long baseTicks, Func<CompactKey, int> numberOf)
    {
        output.WriteSigned(version.Ticks - baseTicks);
        output.WriteDecimal(version.Payload.AmountUsd);
        output.WriteVarint((ulong)numberOf(_names.KeyOf(version.Payload.Customer)));
    }

    [MethodImpl(HotPath.Optimized)]
    private EventVersion<OrderPayload> ReadOrderVersion(DatasetDecoder input, ulong[] names, long baseTicks)
    {
        var ticks = input.ReadTicks(baseTicks);
        var amount = input.ReadDecimal();
        return new EventVersion<OrderPayload>(ticks, new OrderPayload(amount, names[input.ReadIndex(names.Length, "customer")]));
    }

    /// <summary>A version of an order of <paramref name="other"/> with its customer named as this side names it.</summary>
    private EventVersion<OrderPayload> Adopted(EventVersion<OrderPayload> version, OrderLedger other) =>
        CustomerNames.IsPacked(version.Payload.Customer)
            ? version
            : new EventVersion<OrderPayload>(version.Ticks, new OrderPayload(version.Payload.AmountUsd, _names.Adopt(version.Payload.Customer, other._names)));

    /// <summary>A profile version of <paramref name="other"/> with its profile numbered here (memoised in <paramref name="profileIds"/>).</summary>
    private EventVersion<int> MineOf(EventVersion<int> version, OrderLedger other, int[] profileIds)
    {
        ref var id = ref profileIds[version.Payload];
        if (id == 0)
        {
            id = _profileTable.IdOf(other._profileTable[version.Payload]);
        }

        return new EventVersion<int>(version.Ticks, id);
    }

    /// <summary>
    /// Merges into <paramref name="mine"/> the versions of the same order from <paramref name="other"/>. Each
    /// side's totals counted its own winner, both already added here: the merged order counts once, for the
    /// winner of all its versions.
    /// </summary>
    private void MergeSharedOrder(ref OrderRecord mine, OrderRecord theirs, OrderLedger other)
    {
        var before = mine.Winner(_orderVersions).Payload;
        foreach (var version in theirs.All(other._orderVersions))
        {
            if (!mine.Add(Adopted(version, other), _orderVersions, _tieOrder))
            {
                Counters.Duplicates++;
            }
        }

        var after = mine.Winner(_orderVersions).Payload;
        Count(Adopted(theirs.Winner(other._orderVersions), other).Payload, -1);
        if (!before.Equals(after))
        {
            Count(before, -1);
            Count(after, +1);
        }
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

        if (single.IsSameEvent(version))
        {
            // An exact repeat: profiles that are equal are one entry of the profile table, so nothing changes.
            Counters.Duplicates++;
            return;
        }

        // A second distinct version: from now on the list holds them all.
        var versions = new EventVersions<int>(single, _profileTable);
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
        if (!order.Add(version, _orderVersions, _tieOrder))
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
        ref var customer = ref _customers.GetOrAdd(_names.KeyOf(order.Customer), out _);
        customer.Orders += sign;
        customer.TotalSpend += sign > 0 ? order.AmountUsd : -order.AmountUsd;
    }
}
