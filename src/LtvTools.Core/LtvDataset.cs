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
        private readonly Dictionary<CompactKey, CustomerState> _customers = new Dictionary<CompactKey, CustomerState>();
        private readonly Dictionary<CompactKey, VisitRecord> _visits = new Dictionary<CompactKey, VisitRecord>();
        private readonly HashSet<CompactKey> _images = new HashSet<CompactKey>();
        private readonly Dictionary<CompactKey, EventVersions<OrderPayload>> _orders = new Dictionary<CompactKey, EventVersions<OrderPayload>>();
        private long _earliestTicks = long.MaxValue;
        private long _latestTicks = long.MinValue;

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

        internal IEnumerable<CustomerState> Customers => _customers.Values;

        internal IEnumerable<VisitRecord> Visits => _visits.Values;

        internal IEnumerable<EventVersions<OrderPayload>> Orders => _orders.Values;

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
        internal void Add(in EventFields fields, long sequence)
        {
            var key = fields.Key.ToKey();
            switch (fields.Type)
            {
                case EventType.Customer:
                    AddProfile(key, fields.UtcTicks, sequence, new CustomerProfile(fields.LastName.ToText(), fields.AdrCity.ToText(), fields.AdrState.ToText()));
                    break;
                case EventType.SiteVisit:
                    AddVisit(key, fields.CustomerId.ToKey(), fields.UtcTicks, sequence);
                    break;
                case EventType.Image:
                    AddImage(key, fields.CustomerId.ToKey(), fields.UtcTicks);
                    break;
                case EventType.Order:
                    AddOrder(key, fields.CustomerId.ToKey(), fields.UtcTicks, sequence, fields.AmountUsd);
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

            foreach (var customer in other._customers.Values)
            {
                var mine = GetOrAddCustomer(customer.Key);
                if (customer.Profile != null)
                {
                    foreach (var version in customer.Profile.All())
                    {
                        AddProfileVersion(mine, version);
                    }
                }
            }

            foreach (var pair in other._visits)
            {
                var visit = pair.Value;
                AddVisitRecord(pair.Key, new VisitRecord(_customers[visit.Customer.Key], visit.Ticks, visit.Sequence));
            }

            foreach (var image in other._images)
            {
                if (!_images.Add(image))
                {
                    DuplicatesIgnored++;
                }
            }

            foreach (var pair in other._orders)
            {
                foreach (var version in pair.Value.All())
                {
                    var payload = new OrderPayload(version.Payload.AmountUsd, _customers[version.Payload.Customer.Key]);
                    AddOrderVersion(pair.Key, new EventVersion<OrderPayload>(version.Ticks, version.Sequence, payload));
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
            _customers.TryGetValue(CompactKey.FromString(customerId), out var state) ? state : null;

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

        private CustomerState GetOrAddCustomer(CompactKey key)
        {
            if (!_customers.TryGetValue(key, out var customer))
            {
                customer = new CustomerState(key);
                _customers.Add(key, customer);
            }

            return customer;
        }

        private void AddProfile(CompactKey key, long ticks, long sequence, CustomerProfile profile)
        {
            Accept(ticks);
            AddProfileVersion(GetOrAddCustomer(key), new EventVersion<CustomerProfile>(ticks, sequence, profile));
        }

        private void AddProfileVersion(CustomerState customer, EventVersion<CustomerProfile> version)
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
            AddVisitRecord(key, new VisitRecord(GetOrAddCustomer(customerKey), ticks, sequence));
        }

        /// <summary>A visit counts once per key; its customer and week come from its earliest event.</summary>
        private void AddVisitRecord(CompactKey key, VisitRecord visit)
        {
            if (!_visits.TryGetValue(key, out var existing))
            {
                _visits.Add(key, visit);
                visit.Customer.SiteVisits++;
                return;
            }

            DuplicatesIgnored++;
            if (visit.IsEarlierThan(existing))
            {
                _visits[key] = visit;
                existing.Customer.SiteVisits--;
                visit.Customer.SiteVisits++;
            }
        }

        private void AddImage(CompactKey key, CompactKey customerKey, long ticks)
        {
            // Images widen the time window and make their customer known; they are not visits.
            Accept(ticks);
            GetOrAddCustomer(customerKey);
            if (!_images.Add(key))
            {
                DuplicatesIgnored++;
            }
        }

        private void AddOrder(CompactKey key, CompactKey customerKey, long ticks, long sequence, decimal amountUsd)
        {
            Accept(ticks);
            var payload = new OrderPayload(amountUsd, GetOrAddCustomer(customerKey));
            AddOrderVersion(key, new EventVersion<OrderPayload>(ticks, sequence, payload));
        }

        /// <summary>An order counts once; its amount and customer follow its winning version, kept current in the totals.</summary>
        private void AddOrderVersion(CompactKey key, EventVersion<OrderPayload> version)
        {
            if (!_orders.TryGetValue(key, out var order))
            {
                _orders.Add(key, new EventVersions<OrderPayload>(version));
                Count(version.Payload, +1);
                return;
            }

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

        private static void Count(OrderPayload order, int sign)
        {
            order.Customer.Orders += sign;
            order.Customer.TotalSpend += sign * order.AmountUsd;
        }
    }
}
