using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace LtvTools.Core;

/// <summary>
/// An event or customer id held in 16 bytes: lower-case hex ids of up to 15 digits (the common case,
/// e.g. <c>96f55c7d8f42</c>) are packed into an integer, anything else keeps its string.
/// </summary>
/// <remarks>
/// The dataset holds one entry per distinct event key, so this is where memory goes on big inputs.
/// Only lower-case hex packs: keys are case-sensitive, and "AB" must stay distinct from "ab".
/// </remarks>
internal readonly struct CompactKey : IEquatable<CompactKey>
{
    private const int MaxPackedDigits = 15;
    private const int LengthShift = 60;
    private const ulong ValueMask = (1UL << LengthShift) - 1;

    private readonly ulong _packed;
    private readonly string? _text;

    private CompactKey(ulong packed, string? text)
    {
        _packed = packed;
        _text = text;
    }

    public bool IsPacked => _text is null;

    /// <summary>True for the empty id (and the default key); packed keys always have digits.</summary>
    public bool IsEmpty => _packed == 0 && string.IsNullOrEmpty(_text);

    /// <summary>The packed form (never 0); meaningful only when <see cref="IsPacked"/>.</summary>
    public ulong Packed => _packed;

    public static CompactKey FromPacked(ulong packed) => new CompactKey(packed, null);

    public static CompactKey FromString(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.Length > 0 && value.Length <= MaxPackedDigits)
        {
            // Hex digits are ASCII: narrow the characters and share the byte path's packing.
            Span<byte> narrow = stackalloc byte[MaxPackedDigits];
            var ascii = true;
            for (var i = 0; i < value.Length && ascii; i++)
            {
                ascii = value[i] < 0x80;
                narrow[i] = (byte)value[i];
            }

            if (ascii && TryPack(narrow.Slice(0, value.Length), out var packed))
            {
                return new CompactKey(packed, null);
            }
        }

        return new CompactKey(0, value);
    }

    /// <summary>Builds a key straight from the UTF-8 bytes of an unescaped JSON string, allocating only for non-hex ids.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static CompactKey FromUtf8(ReadOnlySpan<byte> value)
    {
        return TryPack(value, out var packed) ? new CompactKey(packed, null) : new CompactKey(0, Utf8.GetString(value));
    }

    /// <summary>Ordinal order of the text forms, without building strings when both keys are packed hex of one length.</summary>
    public static int CompareOrdinal(CompactKey left, CompactKey right)
    {
        if (left.IsPacked && right.IsPacked && (left._packed >> LengthShift) == (right._packed >> LengthShift))
        {
            return left._packed.CompareTo(right._packed);
        }

        return string.CompareOrdinal(left.ToString(), right.ToString());
    }

    public bool Equals(CompactKey other) => _packed == other._packed && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CompactKey other && Equals(other);

    public override int GetHashCode()
    {
        if (_text != null)
        {
            return StringComparer.Ordinal.GetHashCode(_text);
        }

        // Fibonacci hashing spreads sequential and low-entropy ids across buckets.
        var mixed = _packed * 0x9E3779B97F4A7C15UL;
        return (int)(mixed >> 32) ^ (int)mixed;
    }

    public override string ToString()
    {
        if (_text != null)
        {
            return _text;
        }

        var length = (int)(_packed >> LengthShift);
        var value = _packed & ValueMask;
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }

        return new string(chars);
    }

    /// <summary>Packs 1 to 15 lower-case hex digits with their count; false for anything else.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool TryPack(ReadOnlySpan<byte> value, out ulong packed)
    {
        packed = 0;
        if (value.Length == 0 || value.Length > MaxPackedDigits)
        {
            return false;
        }

        // A table instead of range tests: ids are random hex, so a digit-or-letter branch mispredicts
        // on a third of the characters, twice per event on the hot path.
        var digits = HexDigits;
        ulong bits = 0;
        var invalid = 0;
        foreach (var b in value)
        {
            int digit = digits[b];
            invalid |= digit;
            bits = (bits << 4) | (uint)(digit & 0xF);
        }

        if (invalid < 0)
        {
            return false;
        }

        packed = ((ulong)value.Length << LengthShift) | bits;
        return true;
    }

    /// <summary>The value of each lower-case hex digit, -1 for every other byte.</summary>
    private static ReadOnlySpan<sbyte> HexDigits => new sbyte[]
    {
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    };
}
