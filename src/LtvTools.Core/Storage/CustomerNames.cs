using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Names an order's customer in 8 bytes: a packed hex id by its packed form, any other id by its number in
/// this table (a packed form always has its digit count in the top four bits, a number never does). An
/// order slot then takes 44 bytes instead of 56, in the dataset's second largest table.
/// </summary>
/// <remarks>
/// Each order side has its own table, so a dataset's memory stays its own; a copy copies it, and a merge
/// renames the other side's non-hex customers into this one's.
/// </remarks>
internal sealed class CustomerNames
{
    private const int DigitCountShift = 60;

    private readonly List<string> _texts = new List<string>();
    private readonly Dictionary<string, int> _numbers = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is a packed hex id (valid in every table alike).</summary>
    public static bool IsPacked(ulong name) => (name >> DigitCountShift) != 0;

    /// <summary>The name of <paramref name="customer"/>, numbering a non-hex id when first seen.</summary>
    [MethodImpl(HotPath.Optimized)]
    public ulong NameOf(CompactKey customer)
    {
        if (customer.IsPacked)
        {
            return customer.Packed;
        }

        var text = customer.ToString();
        if (!_numbers.TryGetValue(text, out var number))
        {
            number = _texts.Count + 1;
            _numbers.Add(text, number);
            _texts.Add(text);
        }

        return (ulong)number;
    }

    [MethodImpl(HotPath.Optimized)]
    public CompactKey KeyOf(ulong name) => IsPacked(name) ? CompactKey.FromPacked(name) : CompactKey.FromString(_texts[(int)name - 1]);

    /// <summary>The name here of a customer named <paramref name="name"/> in <paramref name="other"/>.</summary>
    public ulong Adopt(ulong name, CustomerNames other) => IsPacked(name) ? name : NameOf(other.KeyOf(name));

    /// <summary>Ordinal order of the two customers' ids (CompactKey's, which compares packed ids of one length as integers).</summary>
    public int CompareOrdinal(ulong left, ulong right) => CompactKey.CompareOrdinal(KeyOf(left), KeyOf(right));

    /// <summary>Makes this (empty) table a copy of <paramref name="other"/>: every name means the same customer in both.</summary>
    public void CopyFrom(CustomerNames other)
    {
        _texts.AddRange(other._texts);
        foreach (var pair in other._numbers)
        {
            _numbers.Add(pair.Key, pair.Value);
        }
    }
}
