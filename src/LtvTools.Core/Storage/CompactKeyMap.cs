using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LtvTools.Core;

/// <summary>
/// A hash map from <see cref="CompactKey"/> to a value, built for the engine's hot path: packed hex keys
/// live in flat arrays with linear probing (one cache miss per lookup, no per-entry objects, cheap
/// growth), and the rare non-hex keys fall back to a dictionary of strings.
/// </summary>
/// <remarks>
/// A general Dictionary costs about three times as much per insert here, mostly in cache misses and
/// rehashing, and the dataset does one or two of these per event.
/// </remarks>
internal sealed class CompactKeyMap<TValue>
{
    private const int MinCapacity = 16;

    // Key and value side by side: one cache line per probe instead of two.
    private Entry[] _entries;
    private int _count;
    private int _shift;
    private int _growAt;
    private Dictionary<string, int>? _textIndex;
    private TValue[] _textValues = Array.Empty<TValue>();
    private string[] _textKeys = Array.Empty<string>();

    public CompactKeyMap(int expected = 0)
    {
        var capacity = MinCapacity;
        while (capacity * 0.7 < expected && capacity < (1 << 30))
        {
            capacity <<= 1;
        }

        _entries = NewEntries(capacity);
        SetCapacity(capacity);
    }

    public int Count => _count + (_textIndex?.Count ?? 0);

    /// <summary>Slots in the table of packed keys (a power of two).</summary>
    internal int Capacity => _entries.Length;

    /// <summary>Bytes one slot of the table takes (its key and value).</summary>
    internal static int EntryBytes => Unsafe.SizeOf<Entry>();

    /// <summary>
    /// The value slot for <paramref name="key"/>, added with a default value when missing. The reference is
    /// valid only until the next insertion (growth moves the arrays).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public ref TValue GetOrAdd(CompactKey key, out bool added)
    {
        if (!key.IsPacked)
        {
            return ref GetOrAddText(key.ToString(), out added);
        }

        if (_count >= _growAt)
        {
            Grow();
        }

        var packed = key.Packed;
        ref var entry = ref _entries[FindSlot(packed)];
        added = entry.Key == 0;
        if (added)
        {
            entry.Key = packed;
            _count++;
        }

        return ref entry.Value;
    }

    /// <summary>
    /// Reads the home slot of <paramref name="key"/> and returns a word of it, so that a caller can start the
    /// memory loads of several coming lookups before doing the first: their cache misses then overlap
    /// instead of queueing one after another.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public ulong Touch(CompactKey key) => key.IsPacked ? _entries[Slot(key.Packed)].Key : 0;

    [MethodImpl(HotPath.Optimized)]
    public bool TryGetValue(CompactKey key, out TValue value)
    {
        if (!key.IsPacked)
        {
            if (_textIndex != null && _textIndex.TryGetValue(key.ToString(), out var index))
            {
                value = _textValues[index];
                return true;
            }

            value = default!;
            return false;
        }

        ref var found = ref _entries[FindSlot(key.Packed)];
        value = found.Value;
        return found.Key != 0;
    }

    /// <summary>The slot holding <paramref name="packed"/>, or the empty slot where it would go (linear probing).</summary>
    [MethodImpl(HotPath.Optimized)]
    private int FindSlot(ulong packed)
    {
        var mask = _entries.Length - 1;
        var slot = Slot(packed);
        while (_entries[slot].Key != packed && _entries[slot].Key != 0)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    /// <summary>
    /// Makes this (empty) map a copy of <paramref name="other"/> with room for <paramref name="more"/> further
    /// entries: its arrays copied whole when they have that room, otherwise its entries placed straight into
    /// a table of the final size (one table allocated and filled, not a copy and then a bigger one).
    /// </summary>
    public void CopyFrom(CompactKeyMap<TValue> other, long more = 0)
    {
        var capacity = CapacityFor(other._entries.Length, other.Count + more);
        if (capacity == other._entries.Length)
        {
            _entries = (Entry[])other._entries.Clone();
            SetCapacity(capacity);
        }
        else
        {
            _entries = NewEntries(capacity);
            SetCapacity(capacity);
            Reinsert(other._entries);
        }

        _count = other._count;
        _textIndex = other._textIndex is null ? null : new Dictionary<string, int>(other._textIndex, StringComparer.Ordinal);
        _textValues = (TValue[])other._textValues.Clone();
        _textKeys = (string[])other._textKeys.Clone();
    }

    /// <summary>Every entry, in no particular order (slot order, then the non-hex keys).</summary>
    public EntryEnumerator Entries() => new EntryEnumerator(this);

    /// <summary>Every value, in the order of <see cref="Entries"/>.</summary>
    public ValueEnumerator Values() => new ValueEnumerator(this);

    /// <summary>
    /// About how many of this map's keys <paramref name="other"/> lacks: what merging this map into it adds.
    /// Exact for small maps; otherwise counted on a sample of slots spread over the table, plus a margin of
    /// several times the sampling error, so that a table sized from it rarely has to grow during the merge.
    /// </summary>
    /// <remarks>
    /// Partial datasets mostly share their customers (each half of a file holds nearly all of them), and a
    /// table sized for the sum would be half empty yet faulted in whole, which is most of a merge's cost.
    /// </remarks>
    public long EstimatedCountNotIn(CompactKeyMap<TValue> other)
    {
        var missingText = 0;
        if (_textIndex != null)
        {
            foreach (var text in _textIndex.Keys)
            {
                if (other._textIndex is null || !other._textIndex.ContainsKey(text))
                {
                    missingText++;
                }
            }
        }

        const int Samples = 4096;
        var step = Math.Max(1, _entries.Length / (Samples * 2));
        long sampled = 0;
        long missing = 0;
        for (var i = 0; i < _entries.Length; i += step)
        {
            var key = _entries[i].Key;
            if (key != 0)
            {
                sampled++;
                if (other._entries[other.FindSlot(key)].Key == 0)
                {
                    missing++;
                }
            }
        }

        if (step == 1 || sampled == 0)
        {
            return missing + missingText;
        }

        // Four standard errors of the sampled share, and never less than 1% of the keys.
        var share = (double)missing / sampled;
        var margin = Math.Max(4 * Math.Sqrt(share * (1 - share) / sampled), 0.01);
        return (long)Math.Ceiling(_count * Math.Min(1.0, share + margin)) + missingText;
    }

    private ref TValue GetOrAddText(string text, out bool added)
    {
        _textIndex ??= new Dictionary<string, int>(StringComparer.Ordinal);
        added = !_textIndex.TryGetValue(text, out var index);
        if (added)
        {
            index = _textIndex.Count;
            if (index == _textValues.Length)
            {
                Array.Resize(ref _textValues, Math.Max(MinCapacity, index * 2));
                Array.Resize(ref _textKeys, _textValues.Length);
            }

            _textIndex.Add(text, index);
            _textKeys[index] = text;
        }

        return ref _textValues[index];
    }

    private int Slot(ulong packed) => (int)((packed * 0x9E3779B97F4A7C15UL) >> _shift);

    private void SetCapacity(int capacity)
    {
        _shift = 64 - Log2(capacity);
        _growAt = (int)(capacity * 0.7);
    }

    /// <summary>Makes room for <paramref name="expected"/> entries in all, rehashing at most once.</summary>
    public void EnsureCapacity(long expected)
    {
        var capacity = CapacityFor(_entries.Length, expected);
        if (capacity > _entries.Length)
        {
            Resize(capacity);
        }
    }

    /// <summary>
    /// Makes room ahead for an estimated <paramref name="estimatedMore"/> further entries, but only when they
    /// would at least double what the table holds: a smaller addition grows a table at most once, and growing
    /// on demand pays for that only if the entries really come (events partly held already, as in a file
    /// added to a loaded dataset, bring far fewer new keys than their number suggests, and each growth of a
    /// big table is a rehash into fresh memory).
    /// </summary>
    public void Presize(long estimatedMore)
    {
        if (estimatedMore > 0 && estimatedMore >= Count)
        {
            EnsureCapacity(Count + estimatedMore);
        }
    }

    /// <summary>The capacity, from <paramref name="capacity"/> doubled as often as needed, that holds <paramref name="expected"/> entries.</summary>
    private static int CapacityFor(int capacity, long expected)
    {
        while (capacity * 0.7 < expected && capacity < (1 << 30))
        {
            capacity <<= 1;
        }

        return capacity;
    }

    private static Entry[] NewEntries(int capacity)
    {
        var entries = new Entry[capacity];
        MemoryAdvice.PreferHugePages(entries);
        return entries;
    }

    private void Grow() => Resize(_entries.Length * 2);

    private void Resize(int capacity)
    {
        var old = _entries;
        _entries = NewEntries(capacity);
        SetCapacity(_entries.Length);
        Reinsert(old);
    }

    /// <summary>
    /// Places every entry of <paramref name="from"/> (a table at most this size, keys distinct and not here yet).
    /// Taken in <paramref name="from"/>'s slot order, their slots here rise with it, so the fill is sequential.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private void Reinsert(Entry[] from)
    {
        var mask = _entries.Length - 1;
        for (var i = 0; i < from.Length; i++)
        {
            if (from[i].Key == 0)
            {
                continue;
            }

            var slot = Slot(from[i].Key);
            while (_entries[slot].Key != 0)
            {
                slot = (slot + 1) & mask;
            }

            _entries[slot] = from[i];
        }
    }

    private static int Log2(int value)
    {
        var log = 0;
        while ((1 << log) < value)
        {
            log++;
        }

        return log;
    }

    /// <summary>
    /// Walks the entries with no allocation and no interface call per entry (a pass over millions of them
    /// when a dataset is merged, saved or ranked); the map must not change meanwhile.
    /// </summary>
    public struct EntryEnumerator
    {
        private readonly CompactKeyMap<TValue> _map;
        private int _slot;
        private int _text;

        internal EntryEnumerator(CompactKeyMap<TValue> map)
        {
            _map = map;
            _slot = -1;
            _text = -1;
        }

        public readonly KeyValuePair<CompactKey, TValue> Current => _slot < _map._entries.Length
            ? new KeyValuePair<CompactKey, TValue>(CompactKey.FromPacked(_map._entries[_slot].Key), _map._entries[_slot].Value)
            : new KeyValuePair<CompactKey, TValue>(CompactKey.FromString(_map._textKeys[_text]), _map._textValues[_text]);

        /// <summary>The current entry's value alone (a walk over values makes no keys).</summary>
        internal readonly TValue CurrentValue => _slot < _map._entries.Length ? _map._entries[_slot].Value : _map._textValues[_text];

        public readonly EntryEnumerator GetEnumerator() => this;

        [MethodImpl(HotPath.Optimized)]
        public bool MoveNext()
        {
            var entries = _map._entries;
            while (++_slot < entries.Length)
            {
                if (entries[_slot].Key != 0)
                {
                    return true;
                }
            }

            _slot = entries.Length;

            // Non-hex keys are numbered in the order they came, which is also the order the index lists them in.
            var count = _map._textIndex?.Count ?? 0;
            if (++_text >= count)
            {
                _text = count;
                return false;
            }

            return true;
        }
    }

    /// <summary>Walks the values as <see cref="EntryEnumerator"/> walks the entries.</summary>
    public struct ValueEnumerator
    {
        private EntryEnumerator _entries;

        internal ValueEnumerator(CompactKeyMap<TValue> map)
        {
            _entries = new EntryEnumerator(map);
        }

        public readonly TValue Current => _entries.CurrentValue;

        public readonly ValueEnumerator GetEnumerator() => this;

        [MethodImpl(HotPath.Optimized)]
        public bool MoveNext() => _entries.MoveNext();
    }

    // Packed to 4 bytes: a visit entry takes 20 bytes instead of 24, a customer number's or an image's 12
    // instead of 16, and fresh table memory is most of what a load, a merge or a first call pays for (the
    // kernel zeroes every new page). Values holding references keep the runtime's own layout.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public ulong Key;
        public TValue Value;
    }
}
