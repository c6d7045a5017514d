using System;
using System.IO;
using System.IO.Compression;

namespace LtvTools.Core;

/// <summary>
/// Gunzips a file and turns a silent early end (a truncated download) into an error: the gzip
/// trailer's ISIZE must match the bytes produced.
/// </summary>
internal sealed class GzipIntegrityStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly uint _expectedSize;
    private readonly bool _hasTrailer;
    private long _produced;

    public GzipIntegrityStream(FileStream file)
    {
        _file = file;
        if (file.Length >= 18)
        {
            var start = file.Position;
            file.Position = file.Length - 4;
            var trailer = new byte[4];
            var read = 0;
            while (read < 4)
            {
                var n = file.Read(trailer, read, 4 - read);
                if (n <= 0)
                {
                    break;
                }

                read += n;
            }

            _expectedSize = BitConverter.ToUInt32(trailer, 0);
            _hasTrailer = read == 4;
            file.Position = start;
        }

        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        try
        {
            read = _gzip.Read(buffer, offset, count);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"the gzip data is damaged after {_produced} decompressed bytes: {ex.Message}", ex);
        }

        _produced += read;
        if (read == 0 && count > 0 && (!_hasTrailer || (uint)_produced != _expectedSize))
        {
            throw new InvalidDataException($"the gzip file ends early (truncated?) after {_produced} decompressed bytes");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
