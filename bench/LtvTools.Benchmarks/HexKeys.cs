namespace LtvTools.Benchmarks;

/// <summary>
/// Turns a counter into a random-looking 12-hex-digit key (48 bits). The mapping is a bijection on 48 bits
/// (odd multiplications and xor-shifts), so distinct counters always give distinct keys.
/// </summary>
internal static class HexKeys
{
    private const ulong Mask = (1UL << 48) - 1;

    public static ulong Scramble(ulong counter)
    {
        var x = (counter + 0x5DEECE66DUL) & Mask;
        x = (x * 0x9E3779B97F4BUL) & Mask;
        x ^= x >> 23;
        x = (x * 0xC2B2AE3D27D5UL) & Mask;
        x ^= x >> 21;
        x = (x * 0x165667B19E37UL) & Mask;
        x ^= x >> 24;
        return x;
    }

    /// <summary>Writes the key's 12 lower-case hex digits.</summary>
    public static void Write(ulong key, Span<byte> destination)
    {
        for (var i = 11; i >= 0; i--)
        {
            destination[i] = (byte)"0123456789abcdef"[(int)(key & 0xF)];
            key >>= 4;
        }
    }
}
