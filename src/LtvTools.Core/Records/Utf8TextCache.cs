using System;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Turns short UTF-8 values into strings, giving back the same string for the same bytes while it stays in
/// a small table. A reader meets the same last names, cities, states and camera models again and again.
/// </summary>
/// <remarks>
/// A string per value was the largest short-lived allocation of a file read (11 MB of 1M events), and
/// every gen0 collection it caused stopped all threads. The table is fixed (1024 slots, a newer value
/// takes an older one's slot), so memory stays bounded whatever the input; one cache serves one thread.
/// </remarks>
internal sealed class Utf8TextCache
{
    private const int Slots = 1024;
    private const int MaxCachedBytes = 32;

    private readonly string?[] _texts = new string?[Slots];

    /// <summary>The value's text, or null when the property was absent or null.</summary>
    [MethodImpl(HotPath.Optimized)]
    public string? Text(in JsonText value)
    {
        if (!value.IsPresent)
        {
            return null;
        }

        if (value.Decoded != null)
        {
            return value.Decoded;
        }

        var bytes = value.Utf8Bytes;
        if (bytes.Length > MaxCachedBytes)
        {
            return Utf8.GetString(bytes);
        }

        var slot = Hash(bytes) & (Slots - 1);
        var cached = _texts[slot];
        if (cached != null && SameAscii(cached, bytes))
        {
            return cached;
        }

        var text = Utf8.GetString(bytes);

        // Only ASCII texts can be matched byte for character later; others are made each time.
        if (text.Length == bytes.Length)
        {
            _texts[slot] = text;
        }

        return text;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: the values are a few bytes long, so a simple byte-wise hash is cheap enough.
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameAscii(string text, ReadOnlySpan<byte> bytes)
    {
        if (text.Length != bytes.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (text[i] != bytes[i])
            {
                return false;
            }
        }

        return true;
    }
}
