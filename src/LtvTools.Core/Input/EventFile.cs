using System;
using System.IO;

namespace LtvTools.Core;

/// <summary>
/// One opened event file, plain or gzip (by magic bytes), shared for reading and read forwards only, so
/// a pipe, a FIFO or /dev/stdin reads like a file. Its length is that of the file actually opened (a
/// symbolic link's target), or unknown for a stream that cannot seek.
/// </summary>
internal sealed class EventFile : IDisposable
{
    private const int FileBufferSize = 1 << 16;

    private readonly RawInputStream _raw;

    private EventFile(FileStream file, bool decode)
    {
        Length = file.CanSeek ? file.Length : (long?)null;
        StartsAt = file.CanSeek ? file.Position : 0;
        _raw = new RawInputStream(file);
        Compressed = decode && FileSignature.IsGzip(_raw.Head);
        Decoded = Compressed ? new GzipIntegrityStream(_raw) : (Stream)_raw;
    }

    /// <summary>Bytes on disk, or null when the file is a pipe or another stream of unknown length.</summary>
    public long? Length { get; }

    public bool Compressed { get; }

    /// <summary>The file's decoded bytes (gunzipped, with a check that the gzip data was not cut short).</summary>
    public Stream Decoded { get; }

    /// <summary>Bytes of the file consumed so far (compressed bytes for gzip).</summary>
    public long Position => StartsAt + _raw.Taken;

    private long StartsAt { get; }

    public static FileStream OpenRaw(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileBufferSize, FileOptions.SequentialScan);

    /// <summary>Opens <paramref name="path"/> for reading from its start.</summary>
    public static EventFile Open(string path) => Open(OpenRaw(path));

    /// <summary>
    /// Takes over <paramref name="file"/> (disposed with this), reading from its current position; gzip is
    /// recognised there unless <paramref name="decode"/> is false (a chunk in the middle of a plain file).
    /// </summary>
    public static EventFile Open(FileStream file, bool decode = true)
    {
        try
        {
            return new EventFile(file, decode);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Decoded.Dispose();
        _raw.Dispose();
    }
}
