using System;
using System.IO;
using System.IO.Compression;

namespace LtvTools.Core;

/// <summary>
/// Gunzips a file, every member of it (<c>cat a.gz b.gz</c> is one valid gzip file), and turns a silent early
/// end (a truncated download) into an error. Reads forwards only, so it works on pipes as well.
/// </summary>
/// <remarks>
/// GZipStream checks each member's CRC and length but returns a short stream, without an error, when the
/// input stops inside a member. So once it has given everything, one more complete member with a known
/// payload is fed after the file's bytes: a file that ended at a member boundary decodes it exactly, while
/// a cut file takes those bytes as the rest of its broken member and fails or yields something else. On a
/// runtime whose GZipStream stops after the first member (.NET Framework) that cannot work; there the
/// trailer's size (ISIZE) of the file must match the bytes produced, so a multi-member file is reported
/// rather than read in part silently.
/// </remarks>
internal sealed class GzipIntegrityStream : ForwardReadStream
{
    private static readonly byte[] CheckPayload = System.Text.Encoding.ASCII.GetBytes("LtvTools: the end of the gzip input");
    private static readonly byte[] CheckMember = Compress(CheckPayload);
    private static readonly bool ReadsEveryMember = ProbeReadsEveryMember();

    private readonly RawInputStream _raw;
    private readonly CheckedEnd _input;
    private readonly GZipStream _gzip;
    private long _produced;
    private bool _ended;

    public GzipIntegrityStream(RawInputStream raw)
    {
        _raw = raw;
        _input = new CheckedEnd(raw);
        _gzip = new GZipStream(_input, CompressionMode.Decompress, leaveOpen: true);
    }

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_ended || count == 0)
        {
            return 0;
        }

        int read;
        try
        {
            read = _gzip.Read(buffer, offset, count);
        }
        catch (InvalidDataException ex)
        {
            _ended = true;
            throw Damaged(ex);
        }

        if (read > 0)
        {
            _produced += read;
            return read;
        }

        _ended = true;
        if (!EndedCleanly())
        {
            throw new InvalidDataException(ReadsEveryMember
                ? $"the gzip file ends early (truncated?), or is followed by data that is not gzip, after {_produced} decompressed bytes"
                : $"the gzip file ends early (truncated?) after {_produced} decompressed bytes, or holds several gzip members, of which this .NET runtime reads only the first");
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _raw.Dispose();
        }

        base.Dispose(disposing);
    }

    private InvalidDataException Damaged(Exception ex) =>
        new InvalidDataException($"the gzip data is damaged after {_produced} decompressed bytes: {ex.Message}", ex);

    private bool EndedCleanly()
    {
        if (!ReadsEveryMember)
        {
            return _raw.TryGetLastFour(out var size) && size == (uint)_produced;
        }

        _input.AppendCheckMember();
        try
        {
            return DecodesExactly(_gzip, CheckPayload);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Whether the rest of <paramref name="gzip"/> is exactly <paramref name="expected"/>.</summary>
    private static bool DecodesExactly(Stream gzip, byte[] expected)
    {
        var seen = new byte[expected.Length + 1];
        var total = 0;
        int read;
        while (total < seen.Length && (read = gzip.Read(seen, total, seen.Length - total)) > 0)
        {
            total += read;
        }

        return total == expected.Length && seen.AsSpan(0, total).SequenceEqual(expected);
    }

    private static byte[] Compress(byte[] payload)
    {
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionMode.Compress, leaveOpen: true))
            {
                gzip.Write(payload, 0, payload.Length);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>.NET Core 3.0 and later read concatenated members; .NET Framework stops after the first.</summary>
    private static bool ProbeReadsEveryMember()
    {
        var twice = new byte[CheckMember.Length * 2];
        CheckMember.CopyTo(twice, 0);
        CheckMember.CopyTo(twice, CheckMember.Length);
        var expected = new byte[CheckPayload.Length * 2];
        CheckPayload.CopyTo(expected, 0);
        CheckPayload.CopyTo(expected, CheckPayload.Length);
        try
        {
            using (var gzip = new GZipStream(new MemoryStream(twice), CompressionMode.Decompress))
            {
                return DecodesExactly(gzip, expected);
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The file's bytes, then (once asked) the check member.</summary>
    private sealed class CheckedEnd : ForwardReadStream
    {
        private readonly Stream _inner;
        private int _checkServed = -1;

        public CheckedEnd(Stream inner)
        {
            _inner = inner;
        }

        public void AppendCheckMember() => _checkServed = 0;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_checkServed < 0)
            {
                return _inner.Read(buffer, offset, count);
            }

            var read = Math.Min(count, CheckMember.Length - _checkServed);
            Buffer.BlockCopy(CheckMember, _checkServed, buffer, offset, read);
            _checkServed += read;
            return read;
        }
    }
}
