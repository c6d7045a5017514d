using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace LtvTools.Core;

/// <summary>
/// Reads what <see cref="DatasetEncoder"/> wrote, never past the body's length. Every count is checked
/// against the bytes left, so a damaged count cannot make the reader allocate more than the file holds;
/// anything malformed is an <see cref="InvalidDataException"/> saying what.
/// </summary>
/// <remarks>
/// The reads done once per saved key are compiled fully optimised at once: a load is usually the first
/// thing a fresh pwsh does with them, so tier-0 code would run for much of it.
/// </remarks>
internal sealed class DatasetDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private readonly Stream _input;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _end;
    private long _remaining;

    public DatasetDecoder(Stream input, long length)
    {
        _input = input;
        _remaining = length;
    }

    /// <summary>Body bytes not read yet.</summary>
    public long Remaining => _remaining + (_end - _position);

    [MethodImpl(HotPath.Optimized)]
    public byte ReadByte()
    {
        if (_position == _end)
        {
            Fill();
        }

        return _buffer[_position++];
    }

    [MethodImpl(HotPath.Optimized)]
    public ulong ReadVarint()
    {
        // Most numbers are one or two bytes and lie wholly in the buffer.
        if (_position < _end && _buffer[_position] < 0x80)
        {
            return _buffer[_position++];
        }

        if (_end - _position >= 10)
        {
            return ReadBufferedVarint();
        }

        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (shift == 63 && b > 1)
                {
                    break;
                }

                return value;
            }
        }

        throw new InvalidDataException("a number is longer than 64 bits");
    }

    /// <summary>A varint that lies wholly in the buffer (the longest takes 10 bytes): no refill check per byte.</summary>
    [MethodImpl(HotPath.Optimized)]
    private ulong ReadBufferedVarint()
    {
        var buffer = _buffer;
        var position = _position;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                if (shift == 63 && b > 1)
                {
                    break;
                }

                _position = position;
                return value;
            }
        }

        throw new InvalidDataException("a number is longer than 64 bits");
    }

    [MethodImpl(HotPath.Optimized)]
    public long ReadSigned()
    {
        var raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    private long _timesCount;
    private long _earliestTime = long.MaxValue;
    private long _latestTime = long.MinValue;

    /// <summary>Times read by <see cref="ReadTicks"/> since <see cref="StartTimes"/>: how many, the earliest and the latest.</summary>
    public (long Count, long Earliest, long Latest) Times => (_timesCount, _earliestTime, _latestTime);

    public void StartTimes() => (_timesCount, _earliestTime, _latestTime) = (0, long.MaxValue, long.MinValue);

    /// <summary>An event time written as an offset from <paramref name="baseTicks"/>; it must be a valid UTC instant.</summary>
    [MethodImpl(HotPath.Optimized)]
    public long ReadTicks(long baseTicks)
    {
        var offset = ReadSigned();
        var ticks = unchecked(baseTicks + offset);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks || (offset > 0 && ticks < baseTicks) || (offset < 0 && ticks > baseTicks))
        {
            throw new InvalidDataException("an event time is out of range");
        }

        _timesCount++;
        if (ticks < _earliestTime)
        {
            _earliestTime = ticks;
        }

        if (ticks > _latestTime)
        {
            _latestTime = ticks;
        }

        return ticks;
    }

    /// <summary>A count of items that take at least <paramref name="minBytesEach"/> bytes each.</summary>
    public int ReadCount(int minBytesEach, string what)
    {
        var count = ReadVarint();
        if (count > int.MaxValue || (long)count * minBytesEach > Remaining)
        {
            throw new InvalidDataException($"the count of {what} ({count}) does not fit in the bytes that are left");
        }

        return (int)count;
    }

    [MethodImpl(HotPath.Optimized)]
    public int ReadIndex(int limit, string what)
    {
        var index = ReadVarint();
        if (index >= (ulong)limit)
        {
            throw new InvalidDataException($"a reference to {what} {index} is out of range (there are {limit})");
        }

        return (int)index;
    }

    [MethodImpl(HotPath.Optimized)]
    public ulong ReadUInt64()
    {
        if (_end - _position >= 8)
        {
            var whole = BitConverter.ToUInt64(_buffer, _position);
            _position += 8;
            return BitConverter.IsLittleEndian ? whole : ReverseBytes(whole);
        }

        ulong value = 0;
        for (var i = 0; i < 8; i++)
        {
            value |= (ulong)ReadByte() << (8 * i);
        }

        return value;
    }

    private static ulong ReverseBytes(ulong value)
    {
        ulong reversed = 0;
        for (var i = 0; i < 8; i++)
        {
            reversed = (reversed << 8) | ((value >> (8 * i)) & 0xFF);
        }

        return reversed;
    }

    [MethodImpl(HotPath.Optimized)]
    public CompactKey ReadKey()
    {
        var packed = ReadUInt64();
        if (packed == 0)
        {
            return CompactKey.FromString(ReadText() ?? throw new InvalidDataException("a key has no text"));
        }

        var length = packed >> 60;
        if (length == 0 || (packed & ((1UL << 60) - 1)) >> (int)(4 * length) != 0)
        {
            throw new InvalidDataException("a key is not a valid packed id");
        }

        return CompactKey.FromPacked(packed);
    }

    public string? ReadText()
    {
        var length = ReadVarint();
        if (length == 0)
        {
            return null;
        }

        if (length - 1 > (ulong)Remaining)
        {
            throw new InvalidDataException("a text runs past the end of the file");
        }

        var bytes = new byte[(int)(length - 1)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = ReadByte();
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("a text is not valid UTF-8");
        }
    }

    [MethodImpl(HotPath.Optimized)]
    public decimal ReadDecimal()
    {
        var head = ReadByte();
        var scale = head & 0x7F;
        if (scale > 28)
        {
            throw new InvalidDataException($"an amount has scale {scale} (at most 28)");
        }

        var low = ReadVarint();
        var high = ReadVarint();
        if (high > uint.MaxValue)
        {
            throw new InvalidDataException("an amount has more than 96 bits");
        }

        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, (head & 0x80) != 0, (byte)scale);
    }

    private void Fill()
    {
        var want = (int)Math.Min(_buffer.Length, _remaining);
        if (want == 0)
        {
            throw new InvalidDataException("the data ends early");
        }

        var read = _input.Read(_buffer, 0, want);
        if (read <= 0)
        {
            throw new InvalidDataException("the data ends early");
        }

        _remaining -= read;
        _position = 0;
        _end = read;
    }
}
