using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// The visit side of a dataset: distinct visits and images, and each customer's visit count. It shares no
/// state with the <see cref="OrderLedger"/>, so the two sides can be filled by two threads at once.
/// </summary>
/// <remarks>
/// Every customer seen here gets a number, in order of first sight; visits name their customer by it and
/// counts are kept in a list by number, so a visit costs one probe of the customer table and one of the
/// visit table, and moving a visit between customers costs no probe at all.
/// </remarks>
internal sealed class VisitLedger
{
    private readonly CompactKeyMap<VisitRecord> _visits = new CompactKeyMap<VisitRecord>();
    private readonly CompactKeyMap<bool> _images = new CompactKeyMap<bool>();

    // Every customer seen through a visit or an image: key -> number, and by number its key and count of distinct visits.
    private readonly CompactKeyMap<int> _customerNumbers = new CompactKeyMap<int>();
    private readonly List<CompactKey> _customerKeys = new List<CompactKey>();
    private readonly List<long> _visitCounts = new List<long>();

    // Where Touch puts what it read, so the reads are not optimised away; written only by this side's thread.
    private ulong _touched;

    public EventCounters Counters { get; } = new EventCounters();

    public int DistinctVisits => _visits.Count;

    public int DistinctImages => _images.Count;

    /// <summary>Every distinct visit: its customer and time.</summary>
    public IEnumerable<(CompactKey Customer, long Ticks)> Visits
    {
        get
        {
            foreach (var visit in _visits.Values())
            {
                yield return (_customerKeys[visit.Customer], visit.Ticks);
            }
        }
    }

    public IEnumerable<KeyValuePair<CompactKey, long>> Customers
    {
        get
        {
            for (var i = 0; i < _customerKeys.Count; i++)
            {
                yield return new KeyValuePair<CompactKey, long>(_customerKeys[i], _visitCounts[i]);
            }
        }
    }

    public long VisitsOf(CompactKey customer) => _customerNumbers.TryGetValue(customer, out var number) ? _visitCounts[number] : 0;

    public bool Knows(CompactKey customer) => _customerNumbers.TryGetValue(customer, out _);

    public void EnsureCapacity(long visits, long images, long customers)
    {
        _visits.EnsureCapacity(_visits.Count + visits);
        _images.EnsureCapacity(_images.Count + images);
        _customerNumbers.EnsureCapacity(_customerNumbers.Count + customers);
    }

    /// <summary>Starts loading the table slots that adding this visit or image will use (see <see cref="CompactKeyMap{TValue}.Touch"/>).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Touch(EventType type, CompactKey key, CompactKey customerKey) =>
        _touched ^= _customerNumbers.Touch(customerKey) ^ (type == EventType.SiteVisit ? _visits.Touch(key) : _images.Touch(key));

    [MethodImpl(HotPath.Optimized)]
    public void AddVisit(CompactKey key, CompactKey customerKey, long ticks, long sequence)
    {
        Counters.Accept(ticks);
        var visit = new VisitRecord(NumberOf(customerKey), ticks, sequence);
        ref var existing = ref _visits.GetOrAdd(key, out var added);
        if (added)
        {
            existing = visit;
            _visitCounts[visit.Customer]++;
            return;
        }

        AddRepeatedVisit(ref existing, visit);
    }

    [MethodImpl(HotPath.Optimized)]
    public void AddImage(CompactKey key, CompactKey customerKey, long ticks)
    {
        // Images widen the time window and make their customer known; they are not visits.
        Counters.Accept(ticks);
        NumberOf(customerKey);
        AddImageKey(key);
    }

    public void Merge(VisitLedger other)
    {
        // The other ledger numbers its customers its own way: map each of its numbers to one of ours.
        var mine = new int[other._customerKeys.Count];
        for (var i = 0; i < mine.Length; i++)
        {
            mine[i] = NumberOf(other._customerKeys[i]);
        }

        foreach (var pair in other._visits.Entries())
        {
            var visit = new VisitRecord(mine[pair.Value.Customer], pair.Value.Ticks, pair.Value.Sequence);
            ref var existing = ref _visits.GetOrAdd(pair.Key, out var added);
            if (added)
            {
                existing = visit;
                _visitCounts[visit.Customer]++;
            }
            else
            {
                AddRepeatedVisit(ref existing, visit);
            }
        }

        foreach (var pair in other._images.Entries())
        {
            AddImageKey(pair.Key);
        }

        // Duplicates inside the other ledger were counted there; collisions were counted above.
        Counters.Add(other.Counters);
    }

    /// <summary>The number of <paramref name="customer"/>, given it when first seen.</summary>
    [MethodImpl(HotPath.Optimized)]
    private int NumberOf(CompactKey customer)
    {
        ref var number = ref _customerNumbers.GetOrAdd(customer, out var added);
        if (added)
        {
            number = _customerKeys.Count;
            _customerKeys.Add(customer);
            _visitCounts.Add(0);
        }

        return number;
    }

    /// <summary>A visit counts once per key; its customer and week come from its earliest event.</summary>
    private void AddRepeatedVisit(ref VisitRecord existing, VisitRecord visit)
    {
        Counters.Duplicates++;
        if (visit.IsEarlierThan(existing))
        {
            _visitCounts[existing.Customer]--;
            _visitCounts[visit.Customer]++;
            existing = visit;
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
