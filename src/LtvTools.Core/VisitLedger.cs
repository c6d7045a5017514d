using System.Collections.Generic;

namespace LtvTools.Core
{
    /// <summary>
    /// The visit side of a dataset: distinct visits and images, and each customer's visit count. It shares no
    /// state with the <see cref="OrderLedger"/>, so the two sides can be filled by two threads at once.
    /// </summary>
    internal sealed class VisitLedger
    {
        private readonly CompactKeyMap<VisitRecord> _visits = new CompactKeyMap<VisitRecord>();
        private readonly CompactKeyMap<bool> _images = new CompactKeyMap<bool>();

        // Every customer seen through a visit or an image, with its count of distinct visits.
        private readonly CompactKeyMap<long> _visitCounts = new CompactKeyMap<long>();

        public EventCounters Counters { get; } = new EventCounters();

        public int DistinctVisits => _visits.Count;

        public int DistinctImages => _images.Count;

        public IEnumerable<VisitRecord> Visits => _visits.Values();

        public IEnumerable<KeyValuePair<CompactKey, long>> Customers => _visitCounts.Entries();

        public long VisitsOf(CompactKey customer) => _visitCounts.TryGetValue(customer, out var count) ? count : 0;

        public bool Knows(CompactKey customer) => _visitCounts.TryGetValue(customer, out _);

        public void EnsureCapacity(long visits, long images, long customers)
        {
            _visits.EnsureCapacity(_visits.Count + visits);
            _images.EnsureCapacity(_images.Count + images);
            _visitCounts.EnsureCapacity(_visitCounts.Count + customers);
        }

        /// <summary>Starts loading the table slots that adding this visit or image will use (see <see cref="CompactKeyMap{TValue}.Touch"/>).</summary>
        public ulong Touch(EventType type, CompactKey key, CompactKey customerKey) =>
            _visitCounts.Touch(customerKey) ^ (type == EventType.SiteVisit ? _visits.Touch(key) : _images.Touch(key));

        public void AddVisit(CompactKey key, CompactKey customerKey, long ticks, long sequence)
        {
            Counters.Accept(ticks);
            ref var count = ref _visitCounts.GetOrAdd(customerKey, out _);
            ref var existing = ref _visits.GetOrAdd(key, out var added);
            if (added)
            {
                // The common case costs one probe of each table: the customer's slot is still valid here.
                existing = new VisitRecord(customerKey, ticks, sequence);
                count++;
                return;
            }

            AddRepeatedVisit(ref existing, new VisitRecord(customerKey, ticks, sequence));
        }

        public void AddImage(CompactKey key, CompactKey customerKey, long ticks)
        {
            // Images widen the time window and make their customer known; they are not visits.
            Counters.Accept(ticks);
            _visitCounts.GetOrAdd(customerKey, out _);
            AddImageKey(key);
        }

        public void Merge(VisitLedger other)
        {
            foreach (var pair in other._visitCounts.Entries())
            {
                _visitCounts.GetOrAdd(pair.Key, out _);
            }

            foreach (var pair in other._visits.Entries())
            {
                ref var existing = ref _visits.GetOrAdd(pair.Key, out var added);
                if (added)
                {
                    existing = pair.Value;
                    _visitCounts.GetOrAdd(pair.Value.Customer, out _)++;
                }
                else
                {
                    AddRepeatedVisit(ref existing, pair.Value);
                }
            }

            foreach (var pair in other._images.Entries())
            {
                AddImageKey(pair.Key);
            }

            // Duplicates inside the other ledger were counted there; collisions were counted above.
            Counters.Add(other.Counters);
        }

        /// <summary>A visit counts once per key; its customer and week come from its earliest event.</summary>
        private void AddRepeatedVisit(ref VisitRecord existing, VisitRecord visit)
        {
            Counters.Duplicates++;
            if (visit.IsEarlierThan(existing))
            {
                var replaced = existing.Customer;
                existing = visit;
                _visitCounts.GetOrAdd(replaced, out _)--;
                _visitCounts.GetOrAdd(visit.Customer, out _)++;
            }
        }

        private void AddImageKey(CompactKey key)
        {
            _images.GetOrAdd(key, out var added);
            if (!added)
            {
                Counters.Duplicates++;
            }
        }
    }
}
