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
internal sealed class ProfileTable
{
    private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<CustomerProfile, int> _ids = new Dictionary<CustomerProfile, int>();
    private readonly List<CustomerProfile> _profiles = new List<CustomerProfile>();

    /// <summary>The profile with this number.</summary>
    public CustomerProfile this[int id] => _profiles[id - 1];

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
