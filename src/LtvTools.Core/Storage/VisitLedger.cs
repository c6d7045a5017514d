using System;
using System.Collections.Generic;
using System.IO;
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

    // Every customer seen through a visit or an image: key -> number, and by number its key.
    private readonly CompactKeyMap<int> _customerNumbers = new CompactKeyMap<int>();
    private readonly List<CompactKey> _customerKeys = new List<CompactKey>();

    // Each customer's distinct visits by number, counted when first asked for after a change (null until then):
    // an increment per visit in a table of every customer missed the cache on nearly every visit, while one
    // pass over the visits when results are made costs a fraction of that.
    private long[]? _visitCounts;

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
            var counts = VisitCounts();
            for (var i = 0; i < _customerKeys.Count; i++)
            {
                yield return new KeyValuePair<CompactKey, long>(_customerKeys[i], counts[i]);
            }
        }
    }

    public long VisitsOf(CompactKey customer) => _customerNumbers.TryGetValue(customer, out var number) ? VisitCounts()[number] : 0;

    public bool Knows(CompactKey customer) => _customerNumbers.TryGetValue(customer, out _);

    /// <summary>Makes room for about this many more visits, images and customers (see <see cref="CompactKeyMap{TValue}.Presize"/>).</summary>
    public void Presize(long visits, long images, long customers)
    {
        _visits.Presize(visits);
        _images.Presize(images);
        _customerNumbers.Presize(customers);
    }

    /// <summary>Starts loading the table slots that adding this visit or image will use (see <see cref="CompactKeyMap{TValue}.Touch"/>).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Touch(EventType type, CompactKey key, CompactKey customerKey) =>
        _touched ^= _customerNumbers.Touch(customerKey) ^ (type == EventType.SiteVisit ? _visits.Touch(key) : _images.Touch(key));

    [MethodImpl(HotPath.Optimized)]
    public void AddVisit(CompactKey key, CompactKey customerKey, long ticks)
    {
        Counters.Accept(ticks);
        var visit = new VisitRecord(NumberOf(customerKey), ticks);
        ref var existing = ref _visits.GetOrAdd(key, out var added);
        if (added)
        {
            existing = visit;
            _visitCounts = null;
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

    /// <summary>
    /// Makes this (empty) ledger a copy of <paramref name="other"/>, with room for what <paramref name="roomFor"/>
    /// holds when it is to be merged in next (so that merge does not grow the tables).
    /// </summary>
    public void CopyFrom(VisitLedger other, VisitLedger? roomFor = null)
    {
        Counters.CopyFrom(other.Counters);
        _visits.CopyFrom(other._visits, roomFor?._visits.Count ?? 0);
        _images.CopyFrom(other._images, roomFor?._images.Count ?? 0);
        _customerNumbers.CopyFrom(other._customerNumbers, roomFor?._customerNumbers.EstimatedCountNotIn(other._customerNumbers) ?? 0);
        _customerKeys.AddRange(other._customerKeys);
        _visitCounts = (long[]?)other._visitCounts?.Clone();
    }

    [MethodImpl(HotPath.Optimized)]
    public void Merge(VisitLedger other)
    {
        // Room for both first: the other ledger's keys come in its table's slot order, and linear probing fed
        // keys in slot order while it doubles piles them into one cluster (2M keys: 2 minutes instead of 1 s).
        _customerNumbers.EnsureCapacity(_customerNumbers.Count + other._customerNumbers.EstimatedCountNotIn(_customerNumbers));
        _visits.EnsureCapacity(_visits.Count + other._visits.Count);
        _images.EnsureCapacity(_images.Count + other._images.Count);

        // The other ledger numbers its customers its own way: map each of its numbers to one of ours.
        var mine = new int[other._customerKeys.Count];
        for (var i = 0; i < mine.Length; i++)
        {
            mine[i] = NumberOf(other._customerKeys[i]);
        }

        foreach (var pair in other._visits.Entries())
        {
            var visit = new VisitRecord(mine[pair.Value.Customer], pair.Value.Ticks);
            ref var existing = ref _visits.GetOrAdd(pair.Key, out var added);
            if (added)
            {
                existing = visit;
                _visitCounts = null;
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

    /// <summary>Customers of this side by number: a saved dataset numbers its customers this way first.</summary>
    public IReadOnlyList<CompactKey> CustomerKeys => _customerKeys;

    /// <summary>The number of a customer this side knows, or -1.</summary>
    public int NumberOrNone(CompactKey customer) => _customerNumbers.TryGetValue(customer, out var number) ? number : -1;

    /// <summary>Writes images and visits (customers by number, times from <paramref name="baseTicks"/>); see <see cref="Read"/>.</summary>
    public void Write(DatasetEncoder output, long baseTicks)
    {
        Counters.Write(output);
        output.WriteVarint((ulong)_images.Count);
        foreach (var pair in _images.Entries())
        {
            output.WriteKey(pair.Key);
        }

        output.WriteVarint((ulong)_visits.Count);
        foreach (var pair in _visits.Entries())
        {
            output.WriteKey(pair.Key);
            output.WriteVarint((ulong)pair.Value.Customer);
            output.WriteSigned(pair.Value.Ticks - baseTicks);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote into this empty ledger; its customers are the first <paramref name="count"/> of <paramref name="customers"/>.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Read(DatasetDecoder input, CompactKey[] customers, int count, long baseTicks)
    {
        Counters.Read(input);
        _customerNumbers.EnsureCapacity(count);
        _customerKeys.Capacity = count;
        for (var i = 0; i < count; i++)
        {
            NumberOf(customers[i]);
        }

        if (_customerKeys.Count != count)
        {
            throw new InvalidDataException("a customer is listed twice");
        }

        var images = input.ReadCount(8, "images");
        _images.EnsureCapacity(images);
        for (var i = 0; i < images; i++)
        {
            AddImageKey(input.ReadKey());
        }

        var visits = input.ReadCount(10, "visits");
        _visits.EnsureCapacity(visits);
        var (earliest, latest) = (long.MaxValue, long.MinValue);
        for (var i = 0; i < visits; i++)
        {
            ref var slot = ref _visits.GetOrAdd(input.ReadKey(), out var added);
            var visit = new VisitRecord(input.ReadIndex(count, "customer"), input.ReadTicks(baseTicks));
            (earliest, latest) = (Math.Min(earliest, visit.Ticks), Math.Max(latest, visit.Ticks));
            if (!added)
            {
                throw new InvalidDataException("a visit is listed twice");
            }

            slot = visit;
        }

        if (_images.Count != images)
        {
            throw new InvalidDataException("an image is listed twice");
        }

        Counters.CheckAfterRead(images + (long)visits, visits == 0 ? Counters.EarliestTicks : earliest, visits == 0 ? Counters.LatestTicks : latest);
    }

    /// <summary>Distinct visits by customer number, counted now if anything changed since they last were.</summary>
    [MethodImpl(HotPath.Optimized)]
    private long[] VisitCounts()
    {
        var counts = _visitCounts;
        if (counts != null)
        {
            return counts;
        }

        // Made whole before it is published, so that readers on several threads each see a complete count.
        counts = new long[_customerKeys.Count];
        foreach (var visit in _visits.Values())
        {
            counts[visit.Customer]++;
        }

        _visitCounts = counts;
        return counts;
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
            _visitCounts = null;
        }

        return number;
    }

    /// <summary>
    /// A visit counts once per key; its customer and week come from its earliest event, and of two events at
    /// that time, from the one whose customer id comes first in ordinal order (never from input order).
    /// </summary>
    private void AddRepeatedVisit(ref VisitRecord existing, VisitRecord visit)
    {
        Counters.Duplicates++;
        if (visit.Ticks < existing.Ticks ||
            (visit.Ticks == existing.Ticks && visit.Customer != existing.Customer &&
             CompactKey.CompareOrdinal(_customerKeys[visit.Customer], _customerKeys[existing.Customer]) < 0))
        {
            _visitCounts = null;
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
