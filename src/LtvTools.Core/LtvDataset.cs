using System;
using System.Collections.Generic;

namespace LtvTools.Core
{
    /// <summary>
    /// D in <c>Ingest(e, D)</c>: the aggregate state of every event seen, one entry per customer and per
    /// distinct event key, never per raw record. Not thread-safe: parallel readers fill one dataset each
    /// and <see cref="Merge"/> them.
    /// </summary>
    public sealed class LtvDataset
    {
        private readonly CompactKeyMap<CustomerState> _customers;
        private readonly CompactKeyMap<VisitRecord> _visits;
        private readonly CompactKeyMap<bool> _images;
        private readonly CompactKeyMap<EventVersions<OrderPayload>> _orders;
        private long _earliestTicks = long.MaxValue;
        private long _latestTicks = long.MinValue;

        public LtvDataset()
        {
            _customers = new CompactKeyMap<CustomerState>();
            _visits = new CompactKeyMap<VisitRecord>();
            _images = new CompactKeyMap<bool>();
            _orders = new CompactKeyMap<EventVersions<OrderPayload>>();
        }

        /// <summary>Accepted events taken in, duplicates included.</summary>
        public long EventsAccepted { get; private set; }

        /// <summary>Accepted events that were exact repeats of one already held, and so changed nothing.</summary>
        public long DuplicatesIgnored { get; private set; }

        public int CustomerCount => _customers.Count;

        public int DistinctVisits => _visits.Count;

        public int DistinctImages => _images.Count;

        public int DistinctOrders => _orders.Count;

        /// <summary>Earliest event time of any accepted event, or null for an empty dataset.</summary>
        public UtcTimestamp? EarliestEvent => EventsAccepted == 0 ? (UtcTimestamp?)null : new UtcTimestamp(_earliestTicks);

        /// <summary>Latest event time of any accepted event, or null for an empty dataset.</summary>
        public UtcTimestamp? LatestEvent => EventsAccepted == 0 ? (UtcTimestamp?)null : new UtcTimestamp(_latestTicks);

        /// <summary>
        /// The input position given to the next event; ties of equal event times go to the later position.
        /// Files take a block of positions (their byte offsets) so that parallel chunks agree with one pass.
        /// </summary>
        public long NextSequence { get; set; }

        internal IEnumerable<CustomerState> Customers => _customers.Values();

        internal IEnumerable<VisitRecord> Visits => _visits.Values();

        internal IEnumerable<EventVersions<OrderPayload>> Orders => _orders.Values();

        /// <summary>
        /// Makes room for about <paramref name="moreEvents"/> further events in the usual mix (about half visits,
        /// a third orders, one customer per ten events), so the tables are rehashed once instead of many times.
        /// An estimate: a different mix only means some table grows later.
        /// </summary>
        public void EnsureCapacity(long moreEvents)
        {
            if (moreEvents <= 0)
            {
                return;
            }

            _customers.EnsureCapacity(_customers.Count + (moreEvents / 10));
            _visits.EnsureCapacity(_visits.Count + (moreEvents / 2));
            _images.EnsureCapacity(_images.Count + (moreEvents / 7));
            _orders.EnsureCapacity(_orders.Count + (moreEvents / 4));
        }

        /// <summary>Takes in one event (the pipeline form), at the next input position.</summary>
        public void Add(LtvEvent e)
        {
            if (e is null)
            {
                throw new ArgumentNullException(nameof(e));
            }

            var sequence = NextSequence++;
            var ticks = e.EventTime.Ticks;
            var key = CompactKey.FromString(e.Key);
            switch (e.TypeKind)
            {
                case EventType.Customer:
                    AddProfile(key, ticks, sequence, new CustomerProfile(e.LastName, e.AdrCity, e.AdrState));
                    break;
                case EventType.SiteVisit:
                    AddVisit(key, RequireCustomer(e), ticks, sequence);
                    break;
                case EventType.Image:
                    AddImage(key, RequireCustomer(e), ticks);
                    break;
                case EventType.Order:
                    var amount = e.AmountUsd ?? (e.Currency is null || e.Currency == AmountParser.DefaultCurrency ? e.TotalAmount : null);
                    if (amount is null)
                    {
                        throw new ArgumentException($"ORDER {e.Key} has no USD amount: read it with an exchange rate for {e.Currency}.", nameof(e));
                    }

                    AddOrder(key, RequireCustomer(e), ticks, sequence, amount.Value);
                    break;
            }
        }

        /// <summary>Takes in a validated record straight from the reader, with no event object in between.</summary>
        internal void Add(in EventFields fields, long sequence) => Add(CompactEvent.From(fields, sequence));

        /// <summary>Takes in an accepted event in its compact form (filled by a reader thread).</summary>
        internal void Add(in CompactEvent e)
        {
            switch (e.Type)
            {
                case EventType.Customer:
                    AddProfile(e.Key, e.Ticks, e.Sequence, e.Profile);
                    break;
                case EventType.SiteVisit:
                    AddVisit(e.Key, e.Customer, e.Ticks, e.Sequence);
                    break;
                case EventType.Image:
                    AddImage(e.Key, e.Customer, e.Ticks);
                    break;
                case EventType.Order:
                    AddOrder(e.Key, e.Customer, e.Ticks, e.Sequence, e.AmountUsd);
                    break;
            }
        }

        /// <summary>
        /// Adds everything <paramref name="other"/> holds, as if its events had been ingested here at their
        /// original input positions. Merging consecutive chunks in any grouping gives the one-pass dataset.
        /// </summary>
        public void Merge(LtvDataset other)
        {
            if (other is null)
            {
                throw new ArgumentNullException(nameof(other));
            }

            if (ReferenceEquals(other, this))
            {
                throw new ArgumentException("A dataset cannot be merged into itself.", nameof(other));
            }

            foreach (var customer in other._customers.Values())
            {
                ref var mine = ref GetOrAddCustomer(customer.Key);
                if (customer.Profile != null)
                {
                    foreach (var version in customer.Profile.All())
                    {
                        AddProfileVersion(ref mine, version);
                    }
                }
            }

            foreach (var pair in other._visits.Entries())
            {
                AddVisitRecord(pair.Key, pair.Value);
            }

            foreach (var pair in other._images.Entries())
            {
                AddImageKey(pair.Key);
            }

            foreach (var pair in other._orders.Entries())
            {
                foreach (var version in pair.Value.All())
                {
                    AddOrderVersion(pair.Key, version);
                }
            }

            // Duplicates inside the other dataset were counted there; collisions were counted above.
            DuplicatesIgnored += other.DuplicatesIgnored;
            EventsAccepted += other.EventsAccepted;
            if (other.EventsAccepted > 0)
            {
                _earliestTicks = Math.Min(_earliestTicks, other._earliestTicks);
                _latestTicks = Math.Max(_latestTicks, other._latestTicks);
            }

            NextSequence = Math.Max(NextSequence, other.NextSequence);
        }

        /// <summary>Looks up a customer's current profile and totals, for tests and diagnostics.</summary>
        internal CustomerState? FindCustomer(string customerId) =>
            _customers.TryGetValue(CompactKey.FromString(customerId), out var state) ? state : (CustomerState?)null;

        internal bool TryGetCustomer(CompactKey key, out CustomerState customer) => _customers.TryGetValue(key, out customer);

        private static CompactKey RequireCustomer(LtvEvent e)
        {
            if (string.IsNullOrEmpty(e.CustomerId))
            {
                throw new ArgumentException($"{e.Type} {e.Key} has no CustomerId.", nameof(e));
            }

            return CompactKey.FromString(e.CustomerId!);
        }

        private void Accept(long ticks)
        {
            EventsAccepted++;
            if (ticks < _earliestTicks)
            {
                _earliestTicks = ticks;
            }

            if (ticks > _latestTicks)
            {
                _latestTicks = ticks;
            }
        }

        /// <summary>The customer's slot; valid only until the next customer is added.</summary>
        private ref CustomerState GetOrAddCustomer(CompactKey key)
        {
            ref var customer = ref _customers.GetOrAdd(key, out var added);
            if (added)
            {
                customer = new CustomerState(key);
            }

            return ref customer;
        }

        private void AddProfile(CompactKey key, long ticks, long sequence, CustomerProfile profile)
        {
            Accept(ticks);
            AddProfileVersion(ref GetOrAddCustomer(key), new EventVersion<CustomerProfile>(ticks, sequence, profile));
        }

        private void AddProfileVersion(ref CustomerState customer, EventVersion<CustomerProfile> version)
        {
            if (customer.Profile is null)
            {
                customer.Profile = new EventVersions<CustomerProfile>(version);
            }
            else if (!customer.Profile.Add(version))
            {
                DuplicatesIgnored++;
            }
        }

        private void AddVisit(CompactKey key, CompactKey customerKey, long ticks, long sequence)
        {
            Accept(ticks);
            ref var customer = ref GetOrAddCustomer(customerKey);
            ref var existing = ref _visits.GetOrAdd(key, out var added);
            if (added)
            {
                // The common case costs one probe of each table: the customer's slot is still valid here.
                existing = new VisitRecord(customerKey, ticks, sequence);
                customer.SiteVisits++;
                return;
            }

            AddRepeatedVisit(ref existing, new VisitRecord(customerKey, ticks, sequence));
        }

        /// <summary>A visit counts once per key; its customer and week come from its earliest event.</summary>
        private void AddVisitRecord(CompactKey key, VisitRecord visit)
        {
            ref var existing = ref _visits.GetOrAdd(key, out var added);
            if (added)
            {
                existing = visit;
                GetOrAddCustomer(visit.Customer).SiteVisits++;
                return;
            }

            AddRepeatedVisit(ref existing, visit);
        }

        private void AddRepeatedVisit(ref VisitRecord existing, VisitRecord visit)
        {
            DuplicatesIgnored++;
            if (visit.IsEarlierThan(existing))
            {
                var replaced = existing.Customer;
                existing = visit;
                GetOrAddCustomer(replaced).SiteVisits--;
                GetOrAddCustomer(visit.Customer).SiteVisits++;
            }
        }

        private void AddImage(CompactKey key, CompactKey customerKey, long ticks)
        {
            // Images widen the time window and make their customer known; they are not visits.
            Accept(ticks);
            GetOrAddCustomer(customerKey);
            AddImageKey(key);
        }

        private void AddImageKey(CompactKey key)
        {
            _images.GetOrAdd(key, out var added);
            if (!added)
            {
                DuplicatesIgnored++;
            }
        }

        private void AddOrder(CompactKey key, CompactKey customerKey, long ticks, long sequence, decimal amountUsd)
        {
            Accept(ticks);
            ref var customer = ref GetOrAddCustomer(customerKey);
            var version = new EventVersion<OrderPayload>(ticks, sequence, new OrderPayload(amountUsd, customerKey));
            ref var slot = ref _orders.GetOrAdd(key, out var added);
            if (added)
            {
                // A new order: one probe of each table, the customer's slot still valid.
                slot = new EventVersions<OrderPayload>(version);
                customer.Orders++;
                customer.TotalSpend += amountUsd;
                return;
            }

            AddRepeatedOrderVersion(slot, version);
        }

        /// <summary>An order counts once; its amount and customer follow its winning version, kept current in the totals.</summary>
        private void AddOrderVersion(CompactKey key, EventVersion<OrderPayload> version)
        {
            ref var slot = ref _orders.GetOrAdd(key, out var added);
            if (added)
            {
                slot = new EventVersions<OrderPayload>(version);
                Count(version.Payload, +1);
                return;
            }

            AddRepeatedOrderVersion(slot, version);
        }

        private void AddRepeatedOrderVersion(EventVersions<OrderPayload> order, EventVersion<OrderPayload> version)
        {

            var before = order.Winner.Payload;
            if (!order.Add(version))
            {
                DuplicatesIgnored++;
            }

            var after = order.Winner.Payload;
            if (!before.Equals(after))
            {
                Count(before, -1);
                Count(after, +1);
            }
        }

        private void Count(OrderPayload order, int sign)
        {
            ref var customer = ref GetOrAddCustomer(order.Customer);
            customer.Orders += sign;
            customer.TotalSpend += sign > 0 ? order.AmountUsd : -order.AmountUsd;
        }
    }
}
