using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Keeps the best x customers seen so far in a bounded heap whose root is the weakest kept:
/// O(n log x) time and O(x) memory, never a sort of all customers.
/// </summary>
internal sealed class TopCustomerRanker
{
    private readonly int _capacity;
    private readonly List<Candidate> _heap;

    public TopCustomerRanker(int capacity, int expected)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least one customer must be asked for.");
        }

        _capacity = capacity;
        _heap = new List<Candidate>(Math.Min(capacity, Math.Max(expected, 1)));
    }

    [MethodImpl(HotPath.Optimized)]
    public void Offer(decimal ltv, CompactKey customer)
    {
        var candidate = new Candidate(ltv, customer);
        if (_heap.Count < _capacity)
        {
            _heap.Add(candidate);
            SiftUp(_heap.Count - 1);
        }
        else if (Outranks(candidate, _heap[0]))
        {
            _heap[0] = candidate;
            SiftDown(0);
        }
    }

    /// <summary>Whether a customer with <paramref name="ltv"/> could still enter the list (it could win a tie by id).</summary>
    public bool MayTake(decimal ltv) => _heap.Count < _capacity || _heap[0].Ltv <= ltv;

    /// <summary>The kept customers, best first: Ltv descending, then CustomerId ordinal ascending.</summary>
    public List<(decimal Ltv, CompactKey Customer)> Ranked()
    {
        var ranked = new List<Candidate>(_heap);
        ranked.Sort((a, b) => Outranks(a, b) ? -1 : Outranks(b, a) ? 1 : 0);
        return ranked.ConvertAll(c => (c.Ltv, c.Customer));
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool Outranks(Candidate a, Candidate b)
    {
        var byValue = a.Ltv.CompareTo(b.Ltv);
        if (byValue != 0)
        {
            return byValue > 0;
        }

        return CompactKey.CompareOrdinal(a.Customer, b.Customer) < 0;
    }

    [MethodImpl(HotPath.Optimized)]
    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Outranks(_heap[parent], _heap[index]))
            {
                break;
            }

            Swap(index, parent);
            index = parent;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void SiftDown(int index)
    {
        while (true)
        {
            var weakest = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < _heap.Count && Outranks(_heap[weakest], _heap[left]))
            {
                weakest = left;
            }

            if (right < _heap.Count && Outranks(_heap[weakest], _heap[right]))
            {
                weakest = right;
            }

            if (weakest == index)
            {
                return;
            }

            Swap(index, weakest);
            index = weakest;
        }
    }

    private void Swap(int a, int b)
    {
        var held = _heap[a];
        _heap[a] = _heap[b];
        _heap[b] = held;
    }

    private readonly struct Candidate
    {
        public Candidate(decimal ltv, CompactKey customer)
        {
            Ltv = ltv;
            Customer = customer;
        }

        public decimal Ltv { get; }

        public CompactKey Customer { get; }
    }
}
