using System;
using System.IO;
using System.IO.Compression;

namespace LtvTools.Core;

/// <summary>Opens event files: plain or gzip (by magic bytes), shared for reading, read sequentially.</summary>
internal static class EventFile
{
    private const int FileBufferSize = 1 << 16;

    public static FileStream OpenRaw(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileBufferSize, FileOptions.SequentialScan);

    public static bool IsGzip(FileStream file)
    {
        var start = file.Position;
        var first = file.ReadByte();
        var second = file.ReadByte();
        file.Position = start;
        return first == 0x1F && second == 0x8B;
    }

    /// <summary>The file's decoded bytes; for gzip also a check that the stream was not cut short.</summary>
    public static Stream OpenDecoded(FileStream file, out bool compressed)
    {
        compressed = IsGzip(file);
        return compressed ? new GzipIntegrityStream(file) : (Stream)file;
    }
}
