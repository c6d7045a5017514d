using System;
using System.IO;

namespace LtvTools.Core;

/// <summary>
/// The bytes of an opened file, read forwards only: its first bytes are looked at without seeking (so a
/// pipe or FIFO reads like a file), the bytes taken are counted (progress) and the last four are kept (the
/// gzip trailer's size check).
/// </summary>
internal sealed class RawInputStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly byte[] _head;
    private readonly int _headLength;
    private readonly byte[] _tail = new byte[4];
    private int _headServed;
    private long _taken;
    private int _tailCount;

    public RawInputStream(Stream inner)
    {
        _inner = inner;
        _head = new byte[FileSignature.Length];
        while (_headLength < _head.Length)
        {
            var read = inner.Read(_head, _headLength, _head.Length - _headLength);
            if (read <= 0)
            {
                break;
            }

            _headLength += read;
        }
    }

    /// <summary>The file's first bytes (up to <see cref="FileSignature.Length"/>).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    /// <summary>Bytes handed out so far.</summary>
    public long Taken => _taken;

    /// <summary>The last four bytes handed out, when at least four were (little-endian gzip ISIZE at the end).</summary>
    public bool TryGetLastFour(out uint value)
    {
        value = 0;
        if (_tailCount < 4)
        {
            return false;
        }

        var start = (int)(_taken % 4);
        for (var i = 3; i >= 0; i--)
        {
            value = (value << 8) | _tail[(start + i) % 4];
        }

        return true;
    }

    public override long Position
    {
        get => _taken;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (_headServed < _headLength)
        {
            read = Math.Min(count, _headLength - _headServed);
            Buffer.BlockCopy(_head, _headServed, buffer, offset, read);
            _headServed += read;
        }
        else
        {
            read = _inner.Read(buffer, offset, count);
        }

        for (var i = Math.Max(0, read - 4); i < read; i++)
        {
            _tail[(int)((_taken + i) % 4)] = buffer[offset + i];
        }

        _taken += read;
        _tailCount = (int)Math.Min(4, _tailCount + (long)read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
