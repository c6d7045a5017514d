using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Every distinct customer profile once, named by a number from 1, with its texts shared between profiles
/// (many customers live in one city).
/// </summary>
/// <remarks>
/// Customer entries hold a profile's number instead of its three strings, so the customer table holds no
/// references: a customer with one profile version costs no object at all. An object per customer was
/// what the collector copied most while reading (10 MB per 1M events), and every copy stopped all threads.
/// </remarks>
internal sealed class ProfileTable : IComparer<int>
{
    private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<CustomerProfile, int> _ids = new Dictionary<CustomerProfile, int>();
    private readonly List<CustomerProfile> _profiles = new List<CustomerProfile>();

    /// <summary>Profiles held; their numbers are 1 to Count.</summary>
    public int Count => _profiles.Count;

    /// <summary>The profile with this number.</summary>
    public CustomerProfile this[int id] => _profiles[id - 1];

    /// <summary>Makes this (empty) table a copy of <paramref name="other"/>, numbered the same.</summary>
    public void CopyFrom(ProfileTable other)
    {
        foreach (var pair in other._texts)
        {
            _texts.Add(pair.Key, pair.Value);
        }

        foreach (var pair in other._ids)
        {
            _ids.Add(pair.Key, pair.Value);
        }

        _profiles.AddRange(other._profiles);
    }

    /// <summary>The number of <paramref name="profile"/>, given it when first seen.</summary>
    [MethodImpl(HotPath.Optimized)]
    public int IdOf(CustomerProfile profile)
    {
        if (_ids.TryGetValue(profile, out var id))
        {
            return id;
        }

        var shared = new CustomerProfile(Share(profile.LastName), Share(profile.City), Share(profile.State));
        _profiles.Add(shared);
        id = _profiles.Count;
        _ids.Add(shared, id);
        return id;
    }

    /// <summary>
    /// How profile versions of equal event time are ranked (the last one wins): by last name, then city,
    /// then state, each in ordinal order with a missing value first. Compares the profiles, not their numbers.
    /// </summary>
    public int Compare(int x, int y)
    {
        if (x == y)
        {
            return 0;
        }

        var left = this[x];
        var right = this[y];
        var byName = string.CompareOrdinal(left.LastName, right.LastName);
        if (byName != 0)
        {
            return byName;
        }

        var byCity = string.CompareOrdinal(left.City, right.City);
        return byCity != 0 ? byCity : string.CompareOrdinal(left.State, right.State);
    }

    [MethodImpl(HotPath.Optimized)]
    private string? Share(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _texts.Add(text, text);
        return text;
    }
}
