using System;
using System.IO;
using System.IO.Hashing;
using System.Text;

namespace LtvTools.Core;

/// <summary>
/// Writes the body of a saved dataset: little-endian integers, variable-length counts, keys, texts and
/// decimals, buffered, with an XxHash64 of every byte written.
/// </summary>
internal sealed class DatasetEncoder
{
    private readonly Stream _output;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly XxHash64 _hash = new XxHash64();
    private int _used;

    public DatasetEncoder(Stream output)
    {
        _output = output;
    }

    /// <summary>Bytes written so far (flushed or not).</summary>
    public long Length { get; private set; }

    public void WriteByte(byte value)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = value;
        Length++;
    }

    /// <summary>An unsigned number in 7-bit groups, low group first (1 byte below 128).</summary>
    public void WriteVarint(ulong value)
    {
        if (_used > _buffer.Length - 10)
        {
            Flush();
        }

        while (value >= 0x80)
        {
            _buffer[_used++] = (byte)(value | 0x80);
            value >>= 7;
            Length++;
        }

        _buffer[_used++] = (byte)value;
        Length++;
    }

    /// <summary>A signed number as a varint, small magnitudes short either side of zero.</summary>
    public void WriteSigned(long value) => WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    public void WriteUInt64(ulong value)
    {
        if (_used > _buffer.Length - 8)
        {
            Flush();
        }

        for (var i = 0; i < 8; i++)
        {
            _buffer[_used++] = (byte)(value >> (8 * i));
        }

        Length += 8;
    }

    /// <summary>A packed key as its 8 bytes (never 0); any other key as 0 and its text.</summary>
    public void WriteKey(CompactKey key)
    {
        if (key.IsPacked)
        {
            WriteUInt64(key.Packed);
            return;
        }

        WriteUInt64(0);
        WriteText(key.ToString());
    }

    /// <summary>Null as 0; otherwise its UTF-8 length + 1, then the bytes.</summary>
    public void WriteText(string? text)
    {
        if (text is null)
        {
            WriteVarint(0);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVarint((ulong)bytes.Length + 1);
        foreach (var b in bytes)
        {
            WriteByte(b);
        }
    }

    /// <summary>A decimal as its scale and sign in one byte, then its 96-bit digits as two varints (exact, scale kept).</summary>
    public unsafe void WriteDecimal(decimal value)
    {
        // In memory a decimal is flags, high 32 bits, low 64 bits (the same on .NET Framework and .NET).
        var words = (uint*)&value;
        var flags = words[0];
        WriteByte((byte)(((flags >> 16) & 0x1F) | ((flags >> 24) & 0x80)));
        WriteVarint(words[2] | ((ulong)words[3] << 32));
        WriteVarint(words[1]);
    }

    /// <summary>Writes out what is buffered.</summary>
    public void Flush()
    {
        _hash.Append(new ReadOnlySpan<byte>(_buffer, 0, _used));
        _output.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>The XxHash64 of every byte written; call after the last <see cref="Flush"/>.</summary>
    public ulong Checksum() => _hash.GetCurrentHashAsUInt64();
}
