using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LtvTools.Core;

/// <summary>
/// Reads a record in the plain shape almost every producer writes, without a general JSON reader: one
/// object of valid UTF-8 whose values are unescaped strings or null, plus a <c>tags</c> array of such objects. Anything
/// else (escapes, numbers, nesting, duplicate properties, any syntax error) makes it decline, and the
/// caller reads the record with <see cref="System.Text.Json.Utf8JsonReader"/> instead, which gives the
/// exact reason for a rejection. So this only ever speeds up records that would be read the same way.
/// </summary>
/// <remarks>
/// Parsing is the file reader's largest cost and the reader thread is the critical path of a file read;
/// this shape costs about half of what the general reader does.
/// </remarks>
internal static class PlainRecordScanner
{
    /// <summary>
    /// Scans <paramref name="record"/> into <paramref name="fields"/>, and says where the values the
    /// validator needs lie; false when the record is not in the plain shape.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool TryScan(
        ReadOnlySpan<byte> record,
        scoped ref EventFields fields,
        out RecordField seen,
        out (int Start, int Length) type,
        out (int Start, int Length) time,
        out (int Start, int Length) amount)
    {
        seen = RecordField.None;
        type = default;
        time = default;
        amount = default;

        var hasControlBytes = Classify(record, out var hasBackslash, out var hasNonAscii);
        if (hasBackslash || (hasNonAscii && !Utf8.IsValid(record)))
        {
            return false;
        }

        var i = SkipWhitespace(record, 0);
        if (!TryOpen(record, ref i, (byte)'{', (byte)'}', out var empty))
        {
            return false;
        }

        if (!empty)
        {
            while (true)
            {
                if (!TryString(record, ref i, hasControlBytes, out var name) || !TryColon(record, ref i))
                {
                    return false;
                }

                var field = EventRecordParser.IdentifyName(name);
                if (field != RecordField.Unknown && (seen & field) != 0)
                {
                    return false;
                }

                seen |= field;
                if (!TryValue(record, ref i, hasControlBytes, field, ref fields, ref type, ref time, ref amount) ||
                    !TryNext(record, ref i, (byte)'}', out var closed))
                {
                    return false;
                }

                if (closed)
                {
                    break;
                }
            }
        }

        return SkipWhitespace(record, i) == record.Length;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool TryValue(
        ReadOnlySpan<byte> record,
        scoped ref int i,
        bool hasControlBytes,
        RecordField field,
        scoped ref EventFields fields,
        ref (int Start, int Length) type,
        ref (int Start, int Length) time,
        ref (int Start, int Length) amount)
    {
        if (i >= record.Length)
        {
            return false;
        }

        var first = record[i];
        if (first == 'n')
        {
            // null: "no value" for the optional strings; the full reader explains a null where one is required.
            if (!record.Slice(i).StartsWith("null"u8) || field == RecordField.Type || field == RecordField.EventTime || field == RecordField.TotalAmount)
            {
                return false;
            }

            i += 4;
            return true;
        }

        if (first == '[')
        {
            if (field != RecordField.Tags)
            {
                return false;
            }

            var start = i;
            if (!TrySkipTags(record, ref i, hasControlBytes))
            {
                return false;
            }

            fields.TagsJson = record.Slice(start, i - start);
            return true;
        }

        var valueStart = i + 1;
        if (first != '"' || field == RecordField.Tags || !TryString(record, ref i, hasControlBytes, out var value))
        {
            return false;
        }

        switch (field)
        {
            case RecordField.Type: type = (valueStart, value.Length); break;
            case RecordField.EventTime: time = (valueStart, value.Length); break;
            case RecordField.TotalAmount: amount = (valueStart, value.Length); break;
            case RecordField.Verb: Set(ref fields.Verb, value); break;
            case RecordField.Key: Set(ref fields.Key, value); break;
            case RecordField.LastName: Set(ref fields.LastName, value); break;
            case RecordField.AdrCity: Set(ref fields.AdrCity, value); break;
            case RecordField.AdrState: Set(ref fields.AdrState, value); break;
            case RecordField.CustomerId: Set(ref fields.CustomerId, value); break;
            case RecordField.CameraMake: Set(ref fields.CameraMake, value); break;
            case RecordField.CameraModel: Set(ref fields.CameraModel, value); break;
        }

        return true;
    }

    private static void Set(scoped ref JsonText target, ReadOnlySpan<byte> value)
    {
        target.IsPresent = true;
        target.Utf8Bytes = value;
    }

    /// <summary><c>[ {"k": "v", ...}, ... ]</c> with string values only; <paramref name="i"/> ends past the <c>]</c>.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool TrySkipTags(ReadOnlySpan<byte> record, scoped ref int i, bool hasControlBytes)
    {
        if (!TryOpen(record, ref i, (byte)'[', (byte)']', out var noTags))
        {
            return false;
        }

        if (noTags)
        {
            return true;
        }

        while (true)
        {
            if (!TryOpen(record, ref i, (byte)'{', (byte)'}', out var emptyTag))
            {
                return false;
            }

            if (!emptyTag)
            {
                while (true)
                {
                    if (!TryString(record, ref i, hasControlBytes, out _) || !TryColon(record, ref i) ||
                        i >= record.Length || record[i] != '"' || !TryString(record, ref i, hasControlBytes, out _) ||
                        !TryNext(record, ref i, (byte)'}', out var closedObject))
                    {
                        return false;
                    }

                    if (closedObject)
                    {
                        break;
                    }
                }
            }

            if (!TryNext(record, ref i, (byte)']', out var closedArray))
            {
                return false;
            }

            if (closedArray)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// <paramref name="opener"/> at <paramref name="i"/>, then either <paramref name="closer"/> at once
    /// (<paramref name="empty"/>) or the first member; <paramref name="i"/> ends past the closer or at the member.
    /// </summary>
    private static bool TryOpen(ReadOnlySpan<byte> record, scoped ref int i, byte opener, byte closer, out bool empty)
    {
        empty = false;
        if (i >= record.Length || record[i] != opener)
        {
            return false;
        }

        i = SkipWhitespace(record, i + 1);
        if (i < record.Length && record[i] == closer)
        {
            i++;
            empty = true;
        }

        return true;
    }

    /// <summary>
    /// After a member or an element: a comma (more follow) or <paramref name="closer"/> (the object or array
    /// ends here, <paramref name="closed"/>); anything else is not the plain shape.
    /// </summary>
    private static bool TryNext(ReadOnlySpan<byte> record, scoped ref int i, byte closer, out bool closed)
    {
        closed = false;
        i = SkipWhitespace(record, i);
        if (i >= record.Length)
        {
            return false;
        }

        if (record[i] == closer)
        {
            i++;
            closed = true;
            return true;
        }

        if (record[i] != ',')
        {
            return false;
        }

        i = SkipWhitespace(record, i + 1);
        return true;
    }

    /// <summary>A string at <paramref name="i"/> (no escapes: the record has no backslash); <paramref name="i"/> ends past its closing quote.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryString(ReadOnlySpan<byte> record, scoped ref int i, bool hasControlBytes, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (i >= record.Length || record[i] != '"')
        {
            return false;
        }

        var length = IndexOfQuote(record.Slice(i + 1));
        if (length < 0)
        {
            return false;
        }

        value = record.Slice(i + 1, length);
        i += length + 2;

        // Raw control characters are not allowed inside JSON strings; only records that hold some need the check.
        return !hasControlBytes || !HasControlByte(value);
    }

    /// <summary>
    /// The first <c>"</c> in <paramref name="text"/>, or -1. Nearly every string of a record is short (keys,
    /// times, verbs, amounts), so its first 32 bytes are looked at a word at a time, which costs less than the
    /// setup of a search call; the rest is searched.
    /// </summary>
    /// <remarks>
    /// In a word XORed with <c>""""""""</c> a quote is a zero byte; <c>(w - 0x01..) &amp; ~w &amp; 0x80..</c>
    /// marks the lowest zero byte exactly (a borrow only reaches the bytes above it), and one multiply turns
    /// the lowest mark into its byte number.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int IndexOfQuote(ReadOnlySpan<byte> text)
    {
        var i = 0;
        if (BitConverter.IsLittleEndian)
        {
            for (; i + sizeof(ulong) <= text.Length && i < 32; i += sizeof(ulong))
            {
                var word = MemoryMarshal.Read<ulong>(text.Slice(i)) ^ 0x2222222222222222UL;
                var zero = (word - 0x0101010101010101UL) & ~word & 0x8080808080808080UL;
                if (zero != 0)
                {
                    var lowest = zero & (0 - zero);
                    return i + (int)(((lowest >> 7) * 0x0001020304050607UL) >> 56);
                }
            }
        }

        var rest = text.Slice(i).IndexOf((byte)'"');
        return rest < 0 ? -1 : i + rest;
    }

    private static bool TryColon(ReadOnlySpan<byte> record, scoped ref int i)
    {
        i = SkipWhitespace(record, i);
        if (i >= record.Length || record[i] != ':')
        {
            return false;
        }

        i = SkipWhitespace(record, i + 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> record, int i)
    {
        while (i < record.Length)
        {
            var b = record[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static bool HasControlByte(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b < 0x20)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the record holds any byte below 0x20 (whitespace included), any backslash, and any byte
    /// outside ASCII, in one vector pass.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool Classify(ReadOnlySpan<byte> record, out bool hasBackslash, out bool hasNonAscii)
    {
        var control = false;
        hasBackslash = false;
        hasNonAscii = false;
        var i = 0;
        if (Vector.IsHardwareAccelerated && record.Length >= Vector<byte>.Count)
        {
            var blocks = MemoryMarshal.Cast<byte, Vector<byte>>(record);
            var space = new Vector<byte>((byte)' ');
            var backslash = new Vector<byte>((byte)'\\');
            var lastAscii = new Vector<byte>(0x7F);
            var controlSeen = Vector<byte>.Zero;
            var backslashSeen = Vector<byte>.Zero;
            var nonAsciiSeen = Vector<byte>.Zero;
            foreach (var block in blocks)
            {
                controlSeen |= Vector.LessThan(block, space);
                backslashSeen |= Vector.Equals(block, backslash);
                nonAsciiSeen |= Vector.GreaterThan(block, lastAscii);
            }

            // The last bytes as one more block that ends at the record's end: it overlaps bytes already
            // looked at, which only sets the same flags again, and costs less than a byte-by-byte tail.
            var last = MemoryMarshal.Read<Vector<byte>>(record.Slice(record.Length - Vector<byte>.Count));
            controlSeen |= Vector.LessThan(last, space);
            backslashSeen |= Vector.Equals(last, backslash);
            nonAsciiSeen |= Vector.GreaterThan(last, lastAscii);

            hasBackslash = !Vector.EqualsAll(backslashSeen, Vector<byte>.Zero);
            hasNonAscii = !Vector.EqualsAll(nonAsciiSeen, Vector<byte>.Zero);
            return !Vector.EqualsAll(controlSeen, Vector<byte>.Zero);
        }

        for (; i < record.Length; i++)
        {
            control |= record[i] < 0x20;
            hasBackslash |= record[i] == '\\';
            hasNonAscii |= record[i] > 0x7F;
        }

        return control;
    }
}
