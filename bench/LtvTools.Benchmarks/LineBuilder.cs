using System.Text;

namespace LtvTools.Benchmarks;

/// <summary>Builds one JSON line as UTF-8 bytes in a reused buffer, so generating 10M lines allocates almost nothing.</summary>
internal sealed class LineBuilder
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private byte[] _buffer = new byte[1024];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public LineBuilder Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
        return this;
    }

    /// <summary>Plain ASCII text from the generator's word lists (never needs escaping).</summary>
    public LineBuilder Text(string ascii)
    {
        Ensure(ascii.Length);
        Length += Encoding.ASCII.GetBytes(ascii, _buffer.AsSpan(Length));
        return this;
    }

    public LineBuilder Key(ulong key)
    {
        Ensure(12);
        HexKeys.Write(key, _buffer.AsSpan(Length, 12));
        Length += 12;
        return this;
    }

    public LineBuilder Time(long ticks)
    {
        Ensure(32);
        new DateTime(ticks, DateTimeKind.Utc).TryFormat(_buffer.AsSpan(Length), out var written, TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
        return this;
    }

    /// <summary>An amount in cents as "12.34".</summary>
    public LineBuilder Cents(long cents)
    {
        Ensure(24);
        (cents / 100).TryFormat(_buffer.AsSpan(Length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        Length += written;
        _buffer[Length++] = (byte)'.';
        _buffer[Length++] = (byte)('0' + (cents % 100 / 10));
        _buffer[Length++] = (byte)('0' + (cents % 10));
        return this;
    }

    private void Ensure(int more)
    {
        if (Length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
        }
    }
}
